package com.example.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import javax.servlet.http.HttpServletRequest;

public class JwtFilterSupport {
    private final JWTVerifier verifier;

    public JwtFilterSupport(String secret) {
        this.verifier = JWT.require(Algorithm.HMAC256(secret)).withIssuer("shop").build();
    }

    public String currentUser(HttpServletRequest request) {
        String token = request.getHeader("Authorization").substring(7);
        // ruleid: java-jwt-decode-without-verify
        DecodedJWT jwt = JWT.decode(token);
        return jwt.getSubject();
    }

    public boolean isAdmin(String token) {
        // ruleid: java-jwt-decode-without-verify
        return JWT.decode(token).getClaim("admin").asBoolean();
    }

    public String currentUserVerified(String token) {
        // ok: java-jwt-decode-without-verify
        DecodedJWT unverified = JWT.decode(token);
        DecodedJWT jwt = verifier.verify(unverified);
        return jwt.getSubject();
    }
}
