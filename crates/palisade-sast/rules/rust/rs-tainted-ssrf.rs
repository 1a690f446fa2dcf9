use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;

#[derive(Deserialize)]
struct Preview {
    url: String,
    lang: String,
}

#[derive(Clone)]
struct AppState {
    http: reqwest::Client,
    translations: HashMap<String, String>,
}

async fn preview(Query(p): Query<Preview>) -> Result<String, StatusCode> {
    // ruleid: rs-tainted-ssrf
    let body = reqwest::get(&p.url)
        .await
        .map_err(|_| StatusCode::BAD_GATEWAY)?
        .text()
        .await
        .map_err(|_| StatusCode::BAD_GATEWAY)?;
    Ok(body)
}

async fn webhook(State(state): State<AppState>, Json(hook): Json<Preview>) -> StatusCode {
    let target = format!("{}/notify", hook.url);
    // ruleid: rs-tainted-ssrf
    let res = state.http.post(target)
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await;
    if res.is_ok() { StatusCode::OK } else { StatusCode::BAD_GATEWAY }
}

async fn greeting(State(state): State<AppState>, Query(p): Query<Preview>) -> String {
    // ok: rs-tainted-ssrf
    let text = state.translations.get(&p.lang).cloned().unwrap_or_default();
    // ok: rs-tainted-ssrf
    let _ = state.http.get("https://status.example.com/ping").send().await;
    text
}
