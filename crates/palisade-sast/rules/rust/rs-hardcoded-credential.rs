use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::PgPool;

// ruleid: rs-hardcoded-credential
const ADMIN_PASSWORD: &str = "Adm1n!2024prod";

// ok: rs-hardcoded-credential
const PASSWORD_FIELD: &str = "password";

pub async fn connect() -> Result<PgPool, sqlx::Error> {
    // ruleid: rs-hardcoded-credential
    let opts = PgConnectOptions::new().host("db.internal").username("billing").password("s3cr3t-Billing-99");
    PgPoolOptions::new().max_connections(5).connect_with(opts).await
}

pub async fn connect_env() -> Result<PgPool, sqlx::Error> {
    let password = std::env::var("BILLING_DB_PASSWORD").expect("BILLING_DB_PASSWORD");
    // ok: rs-hardcoded-credential
    let opts = PgConnectOptions::new().host("db.internal").username("billing").password(&password);
    PgPoolOptions::new().connect_with(opts).await
}

pub async fn connect_url() -> Result<PgPool, sqlx::Error> {
    // ruleid: rs-hardcoded-credential
    PgPool::connect("postgres://billing:Tr0ub4dor3@db.internal:5432/billing").await
}

pub async fn connect_url_env() -> Result<PgPool, sqlx::Error> {
    let url = std::env::var("DATABASE_URL").unwrap();
    // ok: rs-hardcoded-credential
    let fallback = "postgres://localhost:5432/billing";
    PgPool::connect(if url.is_empty() { fallback } else { &url }).await
}

pub async fn fetch_invoices(client: &reqwest::Client) -> reqwest::Result<String> {
    // ruleid: rs-hardcoded-credential
    let res = client.get("https://erp.example.com/api/invoices").basic_auth("svc-billing", Some("Qz7!kLm2pX")).send().await?;
    res.text().await
}

pub async fn fetch_invoices_env(client: &reqwest::Client) -> reqwest::Result<String> {
    let pw = std::env::var("ERP_PASSWORD").ok();
    // ok: rs-hardcoded-credential
    let res = client.get("https://erp.example.com/api/invoices").basic_auth("svc-billing", pw).send().await?;
    res.text().await
}
