package com.example.web;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;

public class RememberMe {

    public void remember(HttpServletResponse response, String token) {
        Cookie cookie = new Cookie("remember", token);
        cookie.setMaxAge(60 * 60 * 24 * 30);
        cookie.setPath("/");
        // ruleid: java-cookie-insecure
        response.addCookie(cookie);
    }

    public void rememberHttpOnly(HttpServletResponse response, String token) {
        Cookie c = new Cookie("remember", token);
        c.setHttpOnly(true);
        // ruleid: java-cookie-insecure
        response.addCookie(c);
    }

    public void rememberSafe(HttpServletResponse response, String token) {
        Cookie cookie = new Cookie("remember", token);
        cookie.setSecure(true);
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        // ok: java-cookie-insecure
        response.addCookie(cookie);
    }

    public void forget(HttpServletResponse response) {
        Cookie cookie = new Cookie("remember", "");
        cookie.setMaxAge(0);
        cookie.setPath("/");
        // ok: java-cookie-insecure
        response.addCookie(cookie);
    }
}
