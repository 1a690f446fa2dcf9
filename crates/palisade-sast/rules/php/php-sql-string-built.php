<?php

class UserRepository
{
    private PDO $pdo;
    private mysqli $db;
    private string $table = 'users';

    public function findByEmail(string $email)
    {
        // ruleid: php-sql-string-built
        $stmt = $this->pdo->query("SELECT id, name FROM users WHERE email = '$email'");
        return $stmt->fetch(PDO::FETCH_ASSOC);
    }

    public function deleteOlderThan(string $date)
    {
        // ruleid: php-sql-string-built
        return $this->pdo->exec('DELETE FROM sessions WHERE last_seen < ' . $date);
    }

    public function rename(int $id, string $name)
    {
        // ruleid: php-sql-string-built
        $this->db->query("UPDATE users SET name = '{$name}' WHERE id = " . $id);
    }

    public function findById(int $id)
    {
        // ok: php-sql-string-built
        $stmt = $this->pdo->prepare('SELECT id, name FROM users WHERE id = :id');
        $stmt->execute(['id' => $id]);
        return $stmt->fetch(PDO::FETCH_ASSOC);
    }

    public function countAll()
    {
        // ok: php-sql-string-built
        return $this->pdo->query("SELECT COUNT(*) FROM {$this->table}")->fetchColumn();
    }

    public function findByName(string $name)
    {
        // ok: php-sql-string-built
        return $this->pdo->query('SELECT * FROM users WHERE name = ' . $this->pdo->quote($name))->fetchAll();
    }

    public function all()
    {
        // ok: php-sql-string-built
        return $this->pdo->query('SELECT * FROM users ORDER BY name')->fetchAll();
    }
}
