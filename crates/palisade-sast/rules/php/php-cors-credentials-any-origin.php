<?php

function send_api_headers()
{
    // ruleid: php-cors-credentials-any-origin
    header('Access-Control-Allow-Origin: ' . $_SERVER['HTTP_ORIGIN']);
    header('Access-Control-Allow-Credentials: true');
    header('Content-Type: application/json');
}

function send_public_headers()
{
    // ruleid: php-cors-credentials-any-origin
    header("Access-Control-Allow-Origin: *");
}

function send_api_headers_safe()
{
    $allowed = ['https://app.example.com', 'https://admin.example.com'];
    $origin = $_SERVER['HTTP_ORIGIN'] ?? '';
    if (in_array($origin, $allowed, true)) {
        // ok: php-cors-credentials-any-origin
        header('Access-Control-Allow-Origin: ' . $origin);
        header('Vary: Origin');
    }
}
