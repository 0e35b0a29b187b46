//! The form /complaints (and its lookup ?number=…), POST /api/complaints,
//! GET /api/complaints/{number} and the escalation link /escalate/{token}:
//! `web::complaints`.

use ghiseu_core::web::complaints;
use ghiseu_core::web::toolkit::Response;
use spin_sdk::http::IncomingRequest;
use spin_sdk::http_component;

#[http_component]
async fn handle(req: IncomingRequest) -> Response {
    ghiseu_spin::serve(req, complaints::complaints).await
}
