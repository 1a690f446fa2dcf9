use rusqlite::{params, Connection};
use sqlx::{PgPool, Row};

#[derive(sqlx::FromRow)]
struct User {
    id: i64,
    name: String,
}

pub async fn find_user(pool: &PgPool, name: &str) -> Result<Vec<User>, sqlx::Error> {
    // ruleid: rs-sql-format-string
    sqlx::query_as::<_, User>(&format!("SELECT id, name FROM users WHERE name = '{}'", name))
        .fetch_all(pool)
        .await
}

pub async fn count_orders(pool: &PgPool, status: &str) -> Result<i64, sqlx::Error> {
    // ruleid: rs-sql-format-string
    let row = sqlx::query(&format!("SELECT count(*) AS n FROM orders WHERE status = '{status}'"))
        .fetch_one(pool)
        .await?;
    Ok(row.get("n"))
}

pub async fn find_user_safe(pool: &PgPool, name: &str) -> Result<Vec<User>, sqlx::Error> {
    // ok: rs-sql-format-string
    sqlx::query_as::<_, User>("SELECT id, name FROM users WHERE name = $1")
        .bind(name)
        .fetch_all(pool)
        .await
}

pub fn delete_note(conn: &Connection, owner: &str) -> rusqlite::Result<usize> {
    // ruleid: rs-sql-format-string
    conn.execute(&format!("DELETE FROM notes WHERE owner = '{}'", owner), [])
}

pub fn delete_note_safe(conn: &Connection, owner: &str) -> rusqlite::Result<usize> {
    // ok: rs-sql-format-string
    conn.execute("DELETE FROM notes WHERE owner = ?1", params![owner])
}

pub fn report(client: &mut postgres::Client, region: &str) -> Result<(), postgres::Error> {
    // ruleid: rs-sql-format-string
    for row in client.query(format!("SELECT total FROM sales WHERE region = '{}'", region).as_str(), &[])? {
        let total: i64 = row.get(0);
        println!("{}", total);
    }
    // ok: rs-sql-format-string
    let rows = client.query("SELECT total FROM sales WHERE region = $1", &[&region])?;
    println!("{}", rows.len());
    Ok(())
}

pub fn log_line(id: i64) -> String {
    // ok: rs-sql-format-string
    let label = format!("select item {}", id);
    label
}
