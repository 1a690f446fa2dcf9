<?php

class PasswordResetService
{
    public function createToken(array $user): string
    {
        // ruleid: php-insecure-random
        $token = md5(uniqid(mt_rand(), true));
        $this->store($user['id'], $token);
        return $token;
    }

    public function issueOtp(array $user): int
    {
        // ruleid: php-insecure-random
        $user['otp'] = mt_rand(100000, 999999);
        return $user['otp'];
    }

    public function tempPassword(): string
    {
        // ruleid: php-insecure-random
        $password = substr(str_shuffle('abcdefghijkmnpqrstuvwxyz23456789'), 0, 10);
        return $password;
    }

    public function createTokenSafe(array $user): string
    {
        // ok: php-insecure-random
        $token = bin2hex(random_bytes(32));
        // ok: php-insecure-random
        $retryDelay = mt_rand(100, 500);
        // ok: php-insecure-random
        $otp = random_int(100000, 999999);
        return $token;
    }
}
