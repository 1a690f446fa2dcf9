use actix_web::{post, web, HttpResponse};
use axum::body::Bytes;
use bincode::Options;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
struct Event {
    kind: u8,
    payload: Vec<u8>,
}

#[post("/events")]
async fn ingest(body: web::Bytes) -> HttpResponse {
    // ruleid: rs-bincode-untrusted
    match bincode::deserialize::<Event>(&body) {
        Ok(ev) => HttpResponse::Ok().body(format!("kind {}", ev.kind)),
        Err(_) => HttpResponse::BadRequest().finish(),
    }
}

async fn ingest_axum(body: Bytes) -> String {
    let data = body.to_vec();
    // ruleid: rs-bincode-untrusted
    let ev: Event = bincode::deserialize(&data).unwrap();
    ev.payload.len().to_string()
}

async fn ingest_limited(body: Bytes) -> String {
    // ok: rs-bincode-untrusted
    let ev: Event = bincode::DefaultOptions::new().with_limit(64 * 1024).deserialize(&body).unwrap();
    ev.payload.len().to_string()
}

fn load_cache(path: &str) -> Vec<Event> {
    let data = std::fs::read(path).unwrap();
    // ok: rs-bincode-untrusted
    bincode::deserialize(&data).unwrap()
}
