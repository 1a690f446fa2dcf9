use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::Json;
use serde::Deserialize;
use sqlx::PgPool;

#[derive(Deserialize)]
struct Search {
    term: String,
    sort: String,
}

#[derive(sqlx::FromRow, serde::Serialize)]
struct Product {
    id: i64,
    name: String,
}

async fn search(
    State(pool): State<PgPool>,
    Query(params): Query<Search>,
) -> Json<Vec<Product>> {
    let sql = format!(
        "SELECT id, name FROM products WHERE name LIKE '%{}%' ORDER BY {}",
        params.term, params.sort
    );
    // ruleid: rs-tainted-sql
    let rows = sqlx::query_as::<_, Product>(&sql)
        .fetch_all(&pool)
        .await
        .unwrap();
    Json(rows)
}

async fn search_safe(
    State(pool): State<PgPool>,
    Query(params): Query<Search>,
) -> Json<Vec<Product>> {
    let pattern = format!("%{}%", params.term);
    // ok: rs-tainted-sql
    let rows = sqlx::query_as::<_, Product>("SELECT id, name FROM products WHERE name LIKE $1")
        .bind(pattern)
        .fetch_all(&pool)
        .await
        .unwrap();
    Json(rows)
}

async fn remove(
    State(db): State<Arc<std::sync::Mutex<rusqlite::Connection>>>,
    Path(id): Path<String>,
) -> &'static str {
    let conn = db.lock().unwrap();
    let stmt = "DELETE FROM items WHERE id = ".to_string() + &id;
    // ruleid: rs-tainted-sql
    conn.execute(&stmt, []).unwrap();
    "deleted"
}

async fn remove_safe(
    State(db): State<Arc<std::sync::Mutex<rusqlite::Connection>>>,
    Path(id): Path<String>,
) -> &'static str {
    let conn = db.lock().unwrap();
    // ok: rs-tainted-sql
    conn.execute("DELETE FROM items WHERE id = ?1", [&id]).unwrap();
    "deleted"
}

async fn lookup(
    client: actix_web::web::Data<tokio_postgres::Client>,
    req: actix_web::HttpRequest,
) -> actix_web::HttpResponse {
    let user = req.match_info().get("user").unwrap_or_default().to_string();
    let q = String::from("SELECT email FROM accounts WHERE login = '") + &user + "'";
    // ruleid: rs-tainted-sql
    let rows = client.query(q.as_str(), &[]).await.unwrap();
    actix_web::HttpResponse::Ok().body(rows.len().to_string())
}

async fn by_id(
    State(pool): State<PgPool>,
    Query(q): Query<HashMap<String, String>>,
) -> String {
    let id = q.get("id").cloned().unwrap_or_default().parse::<i64>().unwrap_or(0);
    let sql = format!("SELECT name FROM products WHERE id = {}", id);
    // ok: rs-tainted-sql
    let name: String = sqlx::query_scalar(&sql).fetch_one(&pool).await.unwrap();
    name
}
