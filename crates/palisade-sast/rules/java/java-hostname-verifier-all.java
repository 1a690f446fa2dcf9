package com.example.http;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSession;
import okhttp3.OkHttpClient;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;

public class HttpClientFactory {

    public void disableGlobally() {
        // ruleid: java-hostname-verifier-all
        HttpsURLConnection.setDefaultHostnameVerifier((hostname, session) -> true);
    }

    public CloseableHttpClient apache() {
        return HttpClients.custom()
                // ruleid: java-hostname-verifier-all
                .setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE)
                .build();
    }

    public OkHttpClient okhttp() {
        return new OkHttpClient.Builder()
                // ok: java-hostname-verifier-all
                .hostnameVerifier((hostname, session) -> hostname.equals("api.example.com") && HttpsURLConnection.getDefaultHostnameVerifier().verify(hostname, session))
                .build();
    }
}

class TrustingVerifier implements HostnameVerifier {
    // ruleid: java-hostname-verifier-all
    @Override
    public boolean verify(String hostname, SSLSession session) {
        return true;
    }
}

class AllowListVerifier implements HostnameVerifier {
    // ok: java-hostname-verifier-all
    @Override
    public boolean verify(String hostname, SSLSession session) {
        return hostname.endsWith(".example.com") && HttpsURLConnection.getDefaultHostnameVerifier().verify(hostname, session);
    }
}
