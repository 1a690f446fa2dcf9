package com.example.site;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

@Controller
public class PageController {

    @GetMapping("/doc/{section}")
    public String doc(@PathVariable String section) {
        // ruleid: java-tainted-view-name
        return "docs/" + section;
    }

    @GetMapping("/help")
    public ModelAndView help(@RequestParam("topic") String topic) {
        // ruleid: java-tainted-view-name
        return new ModelAndView("help/" + topic);
    }

    @GetMapping("/welcome")
    public String welcome(@RequestParam("lang") String lang, Model model) {
        model.addAttribute("lang", lang);
        // ok: java-tainted-view-name
        return "welcome";
    }

    @GetMapping("/echo")
    @ResponseBody
    public String echo(@RequestParam("q") String q) {
        // ok: java-tainted-view-name
        return q.length() > 100 ? q.substring(0, 100) : q;
    }
}
