use std::fs;
use std::path::PathBuf;

use axum::extract::{Multipart, Path, Query};
use axum::http::StatusCode;
use serde::Deserialize;

const UPLOADS: &str = "/srv/uploads";

#[derive(Deserialize)]
struct Download {
    file: String,
}

async fn download(Query(q): Query<Download>) -> Result<Vec<u8>, StatusCode> {
    let path = std::path::Path::new(UPLOADS).join(&q.file);
    // ruleid: rs-tainted-path
    tokio::fs::read(path).await.map_err(|_| StatusCode::NOT_FOUND)
}

async fn download_safe(Query(q): Query<Download>) -> Result<Vec<u8>, StatusCode> {
    let name = std::path::Path::new(&q.file).file_name().ok_or(StatusCode::BAD_REQUEST)?;
    let path = std::path::Path::new(UPLOADS).join(name);
    // ok: rs-tainted-path
    tokio::fs::read(path).await.map_err(|_| StatusCode::NOT_FOUND)
}

async fn show_log(Path(name): Path<String>) -> String {
    let p = PathBuf::from("/var/log/app").join(format!("{}.log", name));
    // ruleid: rs-tainted-path
    fs::read_to_string(&p).unwrap_or_default()
}

async fn delete(Path(name): Path<String>) -> StatusCode {
    // ruleid: rs-tainted-path
    match std::fs::remove_file(format!("{}/{}", UPLOADS, name)) {
        Ok(()) => StatusCode::NO_CONTENT,
        Err(_) => StatusCode::NOT_FOUND,
    }
}

async fn upload(mut multipart: Multipart) -> StatusCode {
    while let Some(field) = multipart.next_field().await.unwrap() {
        let name = field.file_name().unwrap_or("upload.bin").to_string();
        let data = field.bytes().await.unwrap();
        let safe = sanitize_filename::sanitize(&name);
        // ok: rs-tainted-path
        fs::write(std::path::Path::new(UPLOADS).join(&safe), &data).unwrap();
    }
    StatusCode::CREATED
}

async fn health() -> String {
    // ok: rs-tainted-path
    fs::read_to_string("/etc/app/version").unwrap_or_default()
}
