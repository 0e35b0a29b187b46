//! GET /api/services, GET /api/availability, GET /api/challenge and GET /api/health.

use ghiseu_core::Error;
use ghiseu_core::context::Context;
use ghiseu_core::web::api::{self, Request, Response};
use spin_sdk::http::IncomingRequest;
use spin_sdk::http_component;

fn route(req: &Request, ctx: &Context) -> Result<Response, Error> {
    match req.uri().path() {
        "/api/services" => api::services(req, ctx),
        "/api/availability" => api::availability(req, ctx),
        "/api/challenge" => api::challenge(req, ctx),
        "/api/health" => api::health(req, ctx),
        _ => Err(Error::NotFound),
    }
}

#[http_component]
async fn handle(req: IncomingRequest) -> Response {
    ghiseu_spin::serve(req, route).await
}
