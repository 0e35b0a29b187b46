//! POST /api/complaints, GET /api/complaints/{number} and the escalation link /escalate/{token}.

use ghiseu_core::web::api::{self, Response};
use spin_sdk::http::IncomingRequest;
use spin_sdk::http_component;

#[http_component]
async fn handle(req: IncomingRequest) -> Response {
    ghiseu_spin::serve(req, api::complaints).await
}
