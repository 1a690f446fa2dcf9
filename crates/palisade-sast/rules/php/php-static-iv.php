<?php

const CIPHER = 'aes-256-cbc';

function encrypt_cookie(string $value, string $key): string
{
    // ruleid: php-static-iv
    return base64_encode(openssl_encrypt($value, CIPHER, $key, OPENSSL_RAW_DATA, '1234567890abcdef'));
}

function decrypt_cookie(string $blob, string $key): string
{
    // ruleid: php-static-iv
    return openssl_decrypt(base64_decode($blob), CIPHER, $key, OPENSSL_RAW_DATA, str_repeat("\0", 16));
}

function encrypt_cookie_safe(string $value, string $key): string
{
    $iv = random_bytes(openssl_cipher_iv_length(CIPHER));
    // ok: php-static-iv
    $ct = openssl_encrypt($value, CIPHER, $key, OPENSSL_RAW_DATA, $iv);
    return base64_encode($iv . $ct);
}
