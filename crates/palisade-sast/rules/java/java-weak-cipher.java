package com.example.crypto;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

public class LegacyCrypto {

    public byte[] encryptDes(SecretKey key, byte[] data) throws Exception {
        // ruleid: java-weak-cipher
        Cipher cipher = Cipher.getInstance("DES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(data);
    }

    public SecretKey tripleDesKey() throws Exception {
        // ruleid: java-weak-cipher
        KeyGenerator kg = KeyGenerator.getInstance("DESede");
        return kg.generateKey();
    }

    public byte[] stream(SecretKey key, byte[] data) throws Exception {
        // ruleid: java-weak-cipher
        Cipher rc4 = Cipher.getInstance("RC4");
        rc4.init(Cipher.ENCRYPT_MODE, key);
        return rc4.doFinal(data);
    }

    public byte[] encryptGcm(SecretKey key, byte[] iv, byte[] data) throws Exception {
        // ok: java-weak-cipher
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        return cipher.doFinal(data);
    }
}
