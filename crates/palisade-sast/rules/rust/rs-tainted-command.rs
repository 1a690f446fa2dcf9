use std::process::Command;

use actix_web::{get, web, HttpRequest, HttpResponse, Responder};
use serde::Deserialize;

#[derive(Deserialize)]
struct Tool {
    name: String,
    target: String,
}

#[get("/run")]
async fn run_tool(tool: web::Query<Tool>) -> impl Responder {
    // ruleid: rs-tainted-command
    let out = Command::new(&tool.name).arg("--version").output().unwrap();
    HttpResponse::Ok().body(out.stdout)
}

#[get("/lookup")]
async fn lookup(tool: web::Query<Tool>) -> impl Responder {
    let script = format!("nslookup {}", tool.target);
    // ruleid: rs-tainted-command, rs-shell-command-dynamic
    let out = Command::new("sh").arg("-c").arg(script).output().unwrap();
    HttpResponse::Ok().body(out.stdout)
}

#[get("/lookup2")]
async fn lookup_safe(tool: web::Query<Tool>) -> impl Responder {
    // ok: rs-tainted-command
    let out = Command::new("nslookup").arg("--").arg(&tool.target).output().unwrap();
    HttpResponse::Ok().body(out.stdout)
}

#[get("/raw")]
async fn raw(req: HttpRequest) -> impl Responder {
    let qs = req.query_string().to_string();
    // ruleid: rs-tainted-command
    let out = tokio::process::Command::new(qs).output().await.unwrap();
    HttpResponse::Ok().body(out.stdout)
}
