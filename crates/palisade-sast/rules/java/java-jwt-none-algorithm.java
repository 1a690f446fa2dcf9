package com.example.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.SignatureAlgorithm;

public class DevTokens {

    public String issue(String user) {
        // ruleid: java-jwt-none-algorithm
        return JWT.create().withSubject(user).sign(Algorithm.none());
    }

    public JWTVerifier verifier() {
        // ruleid: java-jwt-none-algorithm
        return JWT.require(Algorithm.none()).build();
    }

    public String issueSigned(String user, String secret) {
        // ok: java-jwt-none-algorithm
        return JWT.create().withSubject(user).sign(Algorithm.HMAC256(secret));
    }
}
