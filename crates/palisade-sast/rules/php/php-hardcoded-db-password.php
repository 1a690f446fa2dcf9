<?php

function legacy_connection()
{
    // ruleid: php-hardcoded-db-password
    $link = mysqli_connect('localhost', 'shop', 'Sh0pDbPass!2021', 'shop');
    return $link;
}

class Database
{
    public static function connect(): PDO
    {
        // ruleid: php-hardcoded-db-password
        return new PDO('mysql:host=db;dbname=app', 'app', "pr0d-s3cret", [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
    }

    public static function connectFromEnv(): PDO
    {
        // ok: php-hardcoded-db-password
        return new PDO(getenv('DB_DSN'), getenv('DB_USER'), getenv('DB_PASSWORD'));
    }

    public static function reporting(): mysqli
    {
        // ok: php-hardcoded-db-password
        return new mysqli($_ENV['REPORT_HOST'], $_ENV['REPORT_USER'], $_ENV['REPORT_PASSWORD'], 'reports');
    }

    public static function sqlite(): PDO
    {
        // ok: php-hardcoded-db-password
        return new PDO('sqlite:' . __DIR__ . '/app.db', null, null);
    }
}
