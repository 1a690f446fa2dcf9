package com.example.net;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

public class LegacyTls {

    public SSLContext legacyContext() throws Exception {
        // ruleid: java-weak-tls-protocol
        SSLContext ctx = SSLContext.getInstance("TLSv1");
        ctx.init(null, null, null);
        return ctx;
    }

    public SSLSocket open(String host) throws Exception {
        SSLSocket s = (SSLSocket) SSLSocketFactory.getDefault().createSocket(host, 443);
        // ruleid: java-weak-tls-protocol
        s.setEnabledProtocols(new String[] {"TLSv1.1", "TLSv1.2"});
        return s;
    }

    public SSLContext modern() throws Exception {
        // ok: java-weak-tls-protocol
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(null, null, null);
        return ctx;
    }

    public SSLSocket openModern(String host) throws Exception {
        SSLSocket s = (SSLSocket) SSLSocketFactory.getDefault().createSocket(host, 443);
        // ok: java-weak-tls-protocol
        s.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        return s;
    }
}
