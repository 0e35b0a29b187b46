//! The staff API under /api/staff: outbox, check-in, no-show and fictitious marks,
//! the audit trail; authenticated by named tokens, every action audited.

use ghiseu_core::Error;
use ghiseu_core::web::api::{self, Context, Request, Response};
use spin_sdk::http::IncomingRequest;
use spin_sdk::http_component;

fn route(req: &Request, ctx: &Context) -> Result<Response, Error> {
    api::staff(req, ctx, ghiseu_spin::variable("staff_tokens").as_deref())
}

#[http_component]
async fn handle(req: IncomingRequest) -> Response {
    ghiseu_spin::serve(req, route).await
}
