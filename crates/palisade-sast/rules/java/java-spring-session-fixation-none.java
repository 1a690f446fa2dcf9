package com.example.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration
public class SessionConfig {

    @Bean
    public SecurityFilterChain chain(HttpSecurity http) throws Exception {
        http.formLogin(form -> form.loginPage("/login"))
            // ruleid: java-spring-session-fixation-none
            .sessionManagement(session -> session.sessionFixation(fix -> fix.none()));
        return http.build();
    }

    public void legacy(HttpSecurity http) throws Exception {
        // ruleid: java-spring-session-fixation-none
        http.sessionManagement().sessionFixation().none();
    }

    @Bean
    public SecurityFilterChain safe(HttpSecurity http) throws Exception {
        http.formLogin(form -> form.loginPage("/login"))
            // ok: java-spring-session-fixation-none
            .sessionManagement(session -> session.sessionFixation(fix -> fix.migrateSession()));
        return http.build();
    }
}
