package com.example.preview;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

@RestController
public class LinkPreviewController {
    private final RestTemplate restTemplate = new RestTemplate();
    private final WebClient webClient = WebClient.create();

    @GetMapping("/preview")
    public String preview(@RequestParam("url") String url) throws Exception {
        // ruleid: java-tainted-ssrf
        HttpURLConnection conn = (HttpURLConnection) new URL(url).openConnection();
        try (InputStream in = conn.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @GetMapping("/weather")
    public String weather(@RequestParam("city") String city) throws Exception {
        String q = URLEncoder.encode(city, StandardCharsets.UTF_8);
        // ok: java-tainted-ssrf
        URL u = new URL("https://api.weather.example.com/v1/current?city=" + q);
        try (InputStream in = u.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public String proxy(HttpServletRequest request) {
        String target = request.getParameter("target");
        // ruleid: java-tainted-ssrf
        return restTemplate.getForObject(target, String.class);
    }

    public String proxyFixed(HttpServletRequest request) {
        String id = request.getParameter("id");
        // ok: java-tainted-ssrf
        return restTemplate.getForObject("https://inventory.internal.example.com/items/" + id, String.class);
    }

    @GetMapping("/fetch")
    public Mono<String> fetch(@RequestParam("u") String u) {
        // ruleid: java-tainted-ssrf
        return webClient.get().uri(u).retrieve().bodyToMono(String.class);
    }

    @GetMapping("/fetch-item")
    public Mono<String> fetchItem(@RequestParam("id") String id) {
        // ok: java-tainted-ssrf
        return webClient.get().uri("/items/{id}", id).retrieve().bodyToMono(String.class);
    }
}
