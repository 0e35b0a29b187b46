//! GET /api/services, GET /api/availability, GET /api/challenge, GET /api/health and
//! the transparency page GET /transparenta: `web::catalog`.

use ghiseu_core::Error;
use ghiseu_core::context::Context;
use ghiseu_core::web::catalog;
use ghiseu_core::web::toolkit::{Request, Response};
use spin_sdk::http::IncomingRequest;
use spin_sdk::http_component;

fn route(req: &Request, ctx: &Context) -> Result<Response, Error> {
    match req.uri().path() {
        "/api/services" => catalog::services(req, ctx),
        "/api/availability" => catalog::availability(req, ctx),
        "/api/challenge" => catalog::challenge(req, ctx),
        "/api/health" => catalog::health(req, ctx),
        "/transparenta" => catalog::transparency(req, ctx),
        _ => Err(Error::NotFound),
    }
}

#[http_component]
async fn handle(req: IncomingRequest) -> Response {
    ghiseu_spin::serve(req, route).await
}
