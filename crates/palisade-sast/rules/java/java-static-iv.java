package com.example.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

public class FieldEncryptor {
    private static final byte[] IV = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10};
    private final SecureRandom random = new SecureRandom();

    public byte[] encryptCbc(SecretKey key, byte[] data) throws Exception {
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        // ruleid: java-static-iv
        c.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(IV));
        return c.doFinal(data);
    }

    public byte[] encryptCbcZero(SecretKey key, byte[] data) throws Exception {
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        // ruleid: java-static-iv
        IvParameterSpec iv = new IvParameterSpec(new byte[16]);
        c.init(Cipher.ENCRYPT_MODE, key, iv);
        return c.doFinal(data);
    }

    public byte[] encryptGcmFixed(SecretKey key, byte[] data) throws Exception {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        // ruleid: java-static-iv
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, "0123456789ab".getBytes(StandardCharsets.UTF_8)));
        return c.doFinal(data);
    }

    public byte[] encryptGcm(SecretKey key, byte[] data) throws Exception {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        // ok: java-static-iv
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        return c.doFinal(data);
    }
}
