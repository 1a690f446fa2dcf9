<?php

function call_partner_api(string $url, string $payload)
{
    $ch = curl_init($url);
    curl_setopt($ch, CURLOPT_POST, true);
    curl_setopt($ch, CURLOPT_POSTFIELDS, $payload);
    // ruleid: php-tls-verify-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);
    // ruleid: php-tls-verify-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 0);
    // ok: php-tls-verify-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 2);
    return curl_exec($ch);
}

function fetch_status(string $url)
{
    $ch = curl_init();
    curl_setopt_array($ch, [
        CURLOPT_URL => $url,
        CURLOPT_RETURNTRANSFER => true,
        // ruleid: php-tls-verify-disabled
        CURLOPT_SSL_VERIFYPEER => false,
        // ruleid: php-tls-verify-disabled
        CURLOPT_SSL_VERIFYHOST => 0,
        // ok: php-tls-verify-disabled
        CURLOPT_TIMEOUT => 0,
    ]);
    return curl_exec($ch);
}

function read_feed(string $url)
{
    $context = stream_context_create([
        'ssl' => [
            // ruleid: php-tls-verify-disabled
            'verify_peer' => false,
            // ruleid: php-tls-verify-disabled
            'verify_peer_name' => false,
        ],
    ]);
    return file_get_contents($url, false, $context);
}

function read_feed_internal(string $url)
{
    $context = stream_context_create([
        'ssl' => [
            // ok: php-tls-verify-disabled
            'verify_peer' => true,
            'cafile' => '/etc/ssl/certs/internal-ca.pem',
        ],
    ]);
    return file_get_contents($url, false, $context);
}
