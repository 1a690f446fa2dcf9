package com.example.keys;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.RSAKeyGenParameterSpec;

public class KeyFactoryService {

    public KeyPair legacyRsa() throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        // ruleid: java-rsa-short-key
        kpg.initialize(1024);
        return kpg.generateKeyPair();
    }

    public KeyPair specRsa() throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        // ruleid: java-rsa-short-key
        kpg.initialize(new RSAKeyGenParameterSpec(512, RSAKeyGenParameterSpec.F4), new SecureRandom());
        return kpg.generateKeyPair();
    }

    public KeyPair rsa() throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        // ok: java-rsa-short-key
        kpg.initialize(3072);
        return kpg.generateKeyPair();
    }

    public KeyPair ec() throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
        // ok: java-rsa-short-key
        kpg.initialize(256);
        return kpg.generateKeyPair();
    }
}
