package com.example.resources;

import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.servlet.http.HttpServletRequest;
import javax.sql.DataSource;

public class ResourceLocator {

    public Object find(HttpServletRequest request) throws NamingException {
        String name = request.getParameter("resource");
        Context ctx = new InitialContext();
        // ruleid: java-tainted-jndi-lookup
        return ctx.lookup(name);
    }

    public Object findPrefixed(HttpServletRequest request) throws NamingException {
        // ruleid: java-tainted-jndi-lookup
        return new InitialContext().lookup("java:comp/env/" + request.getParameter("res"));
    }

    public DataSource dataSource(HttpServletRequest request) throws NamingException {
        String tenant = request.getParameter("tenant");
        Context ctx = new InitialContext();
        // ok: java-tainted-jndi-lookup
        return (DataSource) ctx.lookup("java:comp/env/jdbc/shop");
    }
}
