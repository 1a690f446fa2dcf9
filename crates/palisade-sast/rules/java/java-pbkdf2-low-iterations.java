package com.example.security;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

public class PasswordStorage {
    private static final int ITERATIONS = 600_000;

    public byte[] legacy(char[] password, byte[] salt) throws Exception {
        // ruleid: java-pbkdf2-low-iterations
        PBEKeySpec spec = new PBEKeySpec(password, salt, 1000, 256);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    }

    public byte[] legacy2(char[] password, byte[] salt) throws Exception {
        // ruleid: java-pbkdf2-low-iterations
        PBEKeySpec spec = new PBEKeySpec(password, salt, 4_096, 256);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1").generateSecret(spec).getEncoded();
    }

    public byte[] hash(char[] password, byte[] salt) throws Exception {
        // ok: java-pbkdf2-low-iterations
        PBEKeySpec spec = new PBEKeySpec(password, salt, ITERATIONS, 256);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    }
}
