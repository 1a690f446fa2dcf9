use actix_cors::Cors;
use actix_web::{web, App, HttpResponse, HttpServer};
use tower_http::cors::{AllowOrigin, CorsLayer};

pub async fn serve_actix() -> std::io::Result<()> {
    HttpServer::new(|| {
        // ruleid: rs-cors-permissive
        let cors = Cors::default().allow_any_origin().allow_any_method().supports_credentials();
        App::new().wrap(cors).route("/me", web::get().to(|| async { HttpResponse::Ok().finish() }))
    })
    .bind(("0.0.0.0", 8080))?
    .run()
    .await
}

pub fn dev_cors() -> Cors {
    // ruleid: rs-cors-permissive
    Cors::permissive()
}

pub fn api_layer() -> CorsLayer {
    // ruleid: rs-cors-permissive
    CorsLayer::very_permissive()
}

pub fn mirror_layer() -> CorsLayer {
    // ruleid: rs-cors-permissive
    CorsLayer::new().allow_origin(AllowOrigin::mirror_request()).allow_credentials(true)
}

pub fn prod_cors() -> Cors {
    // ok: rs-cors-permissive
    Cors::default().allowed_origin("https://app.example.com").supports_credentials().max_age(3600)
}

pub fn public_layer() -> CorsLayer {
    // ok: rs-cors-permissive
    CorsLayer::permissive()
}
