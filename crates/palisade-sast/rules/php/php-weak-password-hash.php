<?php

function register_user(PDO $pdo, string $email, string $password)
{
    // ruleid: php-weak-password-hash
    $hash = md5($password);
    $stmt = $pdo->prepare('INSERT INTO users (email, password) VALUES (?, ?)');
    $stmt->execute([$email, $hash]);
}

function check_login(array $user, string $pass)
{
    $salt = $user['salt'];
    // ruleid: php-weak-password-hash
    return $user['password'] === sha1($salt . $pass);
}

function legacy_reset(array $input)
{
    // ruleid: php-weak-password-hash
    return hash('sha256', $input['new_password']);
}

function register_user_safe(PDO $pdo, string $email, string $password)
{
    // ok: php-weak-password-hash
    $hash = password_hash($password, PASSWORD_DEFAULT);
    // ok: php-weak-password-hash
    $etag = md5($email . filemtime(__FILE__));
    // ok: php-weak-password-hash
    $checksum = hash('sha256', file_get_contents('/srv/data/export.csv'));
    return $hash;
}
