<?php

class TokenCipher
{
    private string $key;

    public function encryptLegacy(string $data): string
    {
        // ruleid: php-weak-cipher
        return openssl_encrypt(json_encode($data, JSON_UNESCAPED_SLASHES), 'des-ede3-cbc', $this->key, 0, $this->iv());
    }

    public function encryptEcb(string $data): string
    {
        // ruleid: php-weak-cipher
        return base64_encode(openssl_encrypt($data, 'AES-128-ECB', $this->key, OPENSSL_RAW_DATA));
    }

    public function decryptOld(string $blob): string
    {
        // ruleid: php-weak-cipher
        return mcrypt_decrypt(MCRYPT_RIJNDAEL_128, $this->key, $blob, MCRYPT_MODE_CBC, $this->iv());
    }

    public function encrypt(string $data): string
    {
        $iv = random_bytes(12);
        // ok: php-weak-cipher
        $ct = openssl_encrypt($data, 'aes-256-gcm', $this->key, OPENSSL_RAW_DATA, $iv, $tag);
        return base64_encode($iv . $tag . $ct);
    }

    public function decrypt(string $blob): string
    {
        // ok: php-weak-cipher
        return openssl_decrypt(substr($blob, 28), 'aes-256-gcm', $this->key, OPENSSL_RAW_DATA, substr($blob, 0, 12), substr($blob, 12, 16));
    }
}
