package com.example.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

public class Signer {

    public byte[] sign(byte[] payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        // ruleid: java-hardcoded-crypto-key
        mac.init(new SecretKeySpec("my-super-secret-signing-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(payload);
    }

    public SecretKey aesKey() {
        // ruleid: java-hardcoded-crypto-key
        return new SecretKeySpec(new byte[] {0x2b, 0x7e, 0x15, 0x16, 0x28, (byte) 0xae, (byte) 0xd2, (byte) 0xa6, (byte) 0xab, (byte) 0xf7, 0x15, (byte) 0x88, 0x09, (byte) 0xcf, 0x4f, 0x3c}, "AES");
    }

    public SecretKey fromEnv() {
        byte[] raw = Base64.getDecoder().decode(System.getenv("APP_AES_KEY"));
        // ok: java-hardcoded-crypto-key
        return new SecretKeySpec(raw, "AES");
    }
}
