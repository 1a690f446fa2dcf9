use actix_web::http::header::ContentType;
use actix_web::{get, web, HttpResponse};
use axum::extract::Query;
use axum::response::Html;
use serde::Deserialize;

#[derive(Deserialize)]
struct Greet {
    name: String,
}

async fn hello(Query(g): Query<Greet>) -> Html<String> {
    // ruleid: rs-tainted-html
    Html(format!("<h1>Hello, {}!</h1>", g.name))
}

async fn hello_safe(Query(g): Query<Greet>) -> Html<String> {
    let name = html_escape::encode_text(&g.name);
    // ok: rs-tainted-html
    Html(format!("<h1>Hello, {}!</h1>", name))
}

#[get("/search")]
async fn search(q: web::Query<Greet>) -> HttpResponse {
    let page = format!("<p>No results for <b>{}</b></p>", q.name);
    // ruleid: rs-tainted-html
    HttpResponse::Ok().content_type("text/html; charset=utf-8").body(page)
}

#[get("/search2")]
async fn search_plain(q: web::Query<Greet>) -> HttpResponse {
    let page = format!("No results for {}", q.name);
    // ok: rs-tainted-html
    HttpResponse::Ok().content_type(ContentType::plaintext()).body(page)
}

#[get("/profile")]
async fn profile(q: web::Query<Greet>) -> HttpResponse {
    // ruleid: rs-tainted-html
    HttpResponse::Ok().insert_header(ContentType::html()).body(format!("<div>{}</div>", q.name))
}
