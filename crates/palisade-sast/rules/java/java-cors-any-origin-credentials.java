package com.example.config;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
public class CorsConfig implements WebMvcConfigurer {

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        // ruleid: java-cors-any-origin-credentials
        registry.addMapping("/api/**")
                .allowedOriginPatterns("*")
                .allowedMethods("GET", "POST")
                .allowCredentials(true);
        // ok: java-cors-any-origin-credentials
        registry.addMapping("/public/**")
                .allowedOrigins("*")
                .allowedMethods("GET");
    }

    @Bean
    public CorsConfigurationSource corsSource() {
        CorsConfiguration cfg = new CorsConfiguration();
        cfg.addAllowedOriginPattern("*");
        cfg.addAllowedMethod("*");
        // ruleid: java-cors-any-origin-credentials
        cfg.setAllowCredentials(true);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cfg);
        return source;
    }

    @Bean
    public CorsConfigurationSource strictSource() {
        CorsConfiguration cfg = new CorsConfiguration();
        cfg.setAllowedOrigins(List.of("https://app.example.com"));
        // ok: java-cors-any-origin-credentials
        cfg.setAllowCredentials(true);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cfg);
        return source;
    }
}

@RestController
class AccountApi {
    // ruleid: java-cors-any-origin-credentials
    @CrossOrigin(originPatterns = "*", allowCredentials = "true")
    @GetMapping("/api/account")
    public String account() {
        return "{}";
    }

    // ok: java-cors-any-origin-credentials
    @CrossOrigin(origins = "https://app.example.com", allowedHeaders = "*", allowCredentials = "true")
    @GetMapping("/api/profile")
    public String profile() {
        return "{}";
    }
}
