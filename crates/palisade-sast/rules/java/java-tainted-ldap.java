package com.example.directory;

import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.servlet.http.HttpServletRequest;
import org.springframework.ldap.core.AttributesMapper;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.support.LdapEncoder;
import java.util.List;

public class UserDirectory {
    private final DirContext ctx;
    private final LdapTemplate ldapTemplate;

    public UserDirectory(DirContext ctx, LdapTemplate ldapTemplate) {
        this.ctx = ctx;
        this.ldapTemplate = ldapTemplate;
    }

    public boolean exists(HttpServletRequest request) throws NamingException {
        String user = request.getParameter("user");
        String filter = "(&(objectClass=person)(uid=" + user + "))";
        SearchControls sc = new SearchControls();
        // ruleid: java-tainted-ldap
        NamingEnumeration<SearchResult> res = ctx.search("ou=people,dc=example,dc=com", filter, sc);
        return res.hasMore();
    }

    public boolean existsSafe(HttpServletRequest request) throws NamingException {
        String user = request.getParameter("user");
        SearchControls sc = new SearchControls();
        // ok: java-tainted-ldap
        NamingEnumeration<SearchResult> res = ctx.search("ou=people,dc=example,dc=com", "(uid={0})", new Object[] {user}, sc);
        return res.hasMore();
    }

    public List<Object> byMail(HttpServletRequest request) {
        String mail = request.getParameter("mail");
        // ruleid: java-tainted-ldap
        return ldapTemplate.search("ou=people", "(mail=" + mail + ")", (AttributesMapper<Object>) attrs -> attrs.get("cn").get());
    }

    public List<Object> byMailEncoded(HttpServletRequest request) {
        String mail = LdapEncoder.filterEncode(request.getParameter("mail"));
        // ok: java-tainted-ldap
        return ldapTemplate.search("ou=people", "(mail=" + mail + ")", (AttributesMapper<Object>) attrs -> attrs.get("cn").get());
    }
}
