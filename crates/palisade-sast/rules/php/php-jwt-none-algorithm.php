<?php

use Firebase\JWT\JWT;
use Firebase\JWT\Key;

class TokenGuard
{
    private string $secret;

    public function user(string $jwt)
    {
        // ruleid: php-jwt-none-algorithm
        $claims = JWT::decode($jwt, $this->secret, ['HS256', 'none']);
        return $claims->sub;
    }

    public function legacyUser(string $jwt)
    {
        // ruleid: php-jwt-none-algorithm
        $claims = JWT::decode($jwt, $this->secret, array('none'));
        return $claims->sub;
    }

    public function userSafe(string $jwt)
    {
        // ok: php-jwt-none-algorithm
        $claims = JWT::decode($jwt, new Key($this->secret, 'HS256'));
        // ok: php-jwt-none-algorithm
        $legacy = JWT::decode($jwt, $this->secret, ['HS256']);
        return $claims->sub;
    }
}
