package com.example.auth;

import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
public class LoginController {

    @GetMapping("/login/done")
    public String done(@RequestParam(value = "next", defaultValue = "/") String next) {
        // ruleid: java-tainted-redirect
        return "redirect:" + next;
    }

    @GetMapping("/login/home")
    public String home(@RequestParam("tab") String tab) {
        // ok: java-tainted-redirect
        return "redirect:/home";
    }

    public void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String back = request.getParameter("returnUrl");
        request.getSession().invalidate();
        // ruleid: java-tainted-redirect
        response.sendRedirect(back);
    }

    public void profile(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("user");
        // ok: java-tainted-redirect
        response.sendRedirect("/profile?user=" + user);
    }
}
