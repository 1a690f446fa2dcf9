package com.example.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.commons.codec.digest.DigestUtils;

public class PasswordHasher {

    public String legacyHash(String password) throws NoSuchAlgorithmException {
        // ruleid: java-weak-hash
        MessageDigest md = MessageDigest.getInstance("MD5");
        return HexFormat.of().formatHex(md.digest(password.getBytes(StandardCharsets.UTF_8)));
    }

    public String tokenFingerprint(String token) throws NoSuchAlgorithmException {
        // ruleid: java-weak-hash
        MessageDigest md = MessageDigest.getInstance("SHA-1");
        return HexFormat.of().formatHex(md.digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    public String apiKeyHash(String key) {
        // ruleid: java-weak-hash
        return DigestUtils.md5Hex(key);
    }

    public String fingerprint(String token) throws NoSuchAlgorithmException {
        // ok: java-weak-hash
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(md.digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    public String fingerprint2(String token) {
        // ok: java-weak-hash
        return DigestUtils.sha256Hex(token);
    }
}
