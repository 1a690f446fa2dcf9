use actix_web::http::header;
use actix_web::{get, web, HttpResponse};
use axum::extract::Query;
use axum::response::Redirect;
use serde::Deserialize;

#[derive(Deserialize)]
struct Next {
    next: String,
}

async fn after_login(Query(q): Query<Next>) -> Redirect {
    // ruleid: rs-tainted-redirect
    Redirect::to(&q.next)
}

fn local_target(next: &str) -> &'static str {
    const ALLOWED: [&str; 3] = ["/", "/settings", "/orders"];
    ALLOWED.iter().copied().find(|p| *p == next).unwrap_or("/")
}

async fn after_logout(Query(q): Query<Next>) -> Redirect {
    // ok: rs-tainted-redirect
    Redirect::to(local_target(&q.next))
}

#[get("/go")]
async fn go(q: web::Query<Next>) -> HttpResponse {
    // ruleid: rs-tainted-redirect
    HttpResponse::Found().append_header(("Location", q.next.clone())).finish()
}

#[get("/go2")]
async fn go_home(q: web::Query<Next>) -> HttpResponse {
    let url = format!("https://{}/welcome", q.next);
    // ruleid: rs-tainted-redirect
    HttpResponse::SeeOther().insert_header((header::LOCATION, url)).finish()
}

#[get("/home")]
async fn home() -> HttpResponse {
    HttpResponse::Found()
        // ok: rs-tainted-redirect
        .append_header(("Location", "/dashboard"))
        .finish()
}
