package com.example.accounts;

import javax.servlet.http.HttpServletRequest;
import javax.xml.namespace.QName;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

public class XmlUserStore {
    private final Document users;

    public XmlUserStore(Document users) {
        this.users = users;
    }

    public boolean login(HttpServletRequest request) throws Exception {
        String name = request.getParameter("name");
        String pass = request.getParameter("pass");
        XPath xpath = XPathFactory.newInstance().newXPath();
        String query = "/users/user[name='" + name + "' and password='" + pass + "']";
        // ruleid: java-tainted-xpath
        NodeList nodes = (NodeList) xpath.evaluate(query, users, XPathConstants.NODESET);
        return nodes.getLength() > 0;
    }

    public String email(HttpServletRequest request) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        // ruleid: java-tainted-xpath
        XPathExpression expr = xpath.compile("/users/user[@id='" + request.getParameter("id") + "']/email");
        return expr.evaluate(users);
    }

    public String emailSafe(HttpServletRequest request) throws Exception {
        String id = request.getParameter("id");
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setXPathVariableResolver(v -> v.equals(new QName("id")) ? id : null);
        // ok: java-tainted-xpath
        XPathExpression expr = xpath.compile("/users/user[@id=$id]/email");
        return expr.evaluate(users);
    }
}
