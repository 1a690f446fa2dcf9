package com.example.account;

import java.util.Random;
import org.apache.commons.lang3.RandomStringUtils;

public class ResetTokenService {
    private static final Random RANDOM = new Random();
    private final java.security.SecureRandom secure = new java.security.SecureRandom();

    public String generateResetToken() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            // ruleid: java-insecure-random
            sb.append(Integer.toHexString(RANDOM.nextInt(16)));
        }
        return sb.toString();
    }

    public String newTemporaryPassword() {
        // ruleid: java-insecure-random
        return RandomStringUtils.randomAlphanumeric(12);
    }

    public void register(String user) {
        // ruleid: java-insecure-random
        String activationCode = Long.toString((long) (Math.random() * 1_000_000_000L));
        store(user, activationCode);
    }

    public int shuffleDelayMillis() {
        // ok: java-insecure-random
        return 100 + RANDOM.nextInt(400);
    }

    public String generateApiToken() {
        byte[] b = new byte[32];
        // ok: java-insecure-random
        secure.nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private void store(String user, String code) {
    }
}
