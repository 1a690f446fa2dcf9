package com.example.web;

import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;

public class GreetingServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        response.setContentType("text/html");
        // ruleid: java-tainted-xss
        response.getWriter().write("<h1>Hello " + name + "</h1>");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String comment = request.getParameter("comment");
        response.setContentType("text/html");
        PrintWriter out = response.getWriter();
        out.println("<ul>");
        // ruleid: java-tainted-xss
        out.println("<li>" + comment + "</li>");
        // ok: java-tainted-xss
        out.println("<li>" + Encode.forHtml(comment) + "</li>");
        out.println("</ul>");
    }

    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String title = request.getParameter("title");
        // ok: java-tainted-xss
        response.getWriter().print("<h2>" + Encode.forHtml(title) + "</h2>");
    }
}
