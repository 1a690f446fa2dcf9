package com.example.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwt;
import io.jsonwebtoken.Jwts;
import java.security.Key;

public class TokenReader {
    private final Key key;

    public TokenReader(Key key) {
        this.key = key;
    }

    public String userUnsigned(String token) {
        // ruleid: java-jwt-unsigned-accepted
        Claims claims = Jwts.parserBuilder().build().parseClaimsJwt(token.trim()).getBody();
        return claims.getSubject();
    }

    public Object anyToken(String token) {
        // ruleid: java-jwt-unsigned-accepted
        Jwt<?, ?> jwt = Jwts.parser().parse(token);
        return jwt.getBody();
    }

    public String userSigned(String token) {
        // ok: java-jwt-unsigned-accepted
        Claims claims = Jwts.parserBuilder().setSigningKey(key).build().parseClaimsJws(token).getBody();
        return claims.getSubject();
    }
}
