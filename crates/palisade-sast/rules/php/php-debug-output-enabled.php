<?php

return [
    'name' => env('APP_NAME', 'Shop'),
    'env' => env('APP_ENV', 'production'),
    // ruleid: php-debug-output-enabled
    'debug' => true,
    'url' => env('APP_URL', 'http://localhost'),
    'timezone' => 'UTC',
    'cipher' => 'AES-256-CBC',
];

function bootstrap_app()
{
    error_reporting(E_ALL);
    // ruleid: php-debug-output-enabled
    ini_set('display_errors', '1');
    // ok: php-debug-output-enabled
    ini_set('display_errors', '0');
    // ok: php-debug-output-enabled
    ini_set('log_errors', '1');
}

function twig_options()
{
    // ok: php-debug-output-enabled
    return ['debug' => getenv('APP_ENV') === 'dev', 'cache' => '/tmp/twig'];
}
