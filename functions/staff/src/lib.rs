//! Staff: the JSON API under /api/staff for machine clients (named bearer tokens,
//! `web::staff_api`) and the back-office pages under /staff for people (accounts,
//! sessions, `web::backoffice`); every action checks the role and is audited.

use ghiseu_core::Error;
use ghiseu_core::context::Context;
use ghiseu_core::web::backoffice;
use ghiseu_core::web::staff_api;
use ghiseu_core::web::toolkit::{Request, Response};
use spin_sdk::http::IncomingRequest;
use spin_sdk::http_component;

fn route(req: &Request, ctx: &Context) -> Result<Response, Error> {
    if req.uri().path().starts_with("/api/staff") {
        staff_api::staff(req, ctx, ghiseu_spin::variable("staff_tokens").as_deref())
    } else {
        backoffice::backoffice(req, ctx)
    }
}

/// Before an upload's body is read: a valid token or a live session.
fn admit(req: &Request, ctx: &Context) -> Result<(), Error> {
    if req.uri().path().starts_with("/api/staff") {
        staff_api::authenticated(req, ghiseu_spin::variable("staff_tokens").as_deref()).map(|_| ())
    } else {
        backoffice::signed_in(req, ctx)
    }
}

#[http_component]
async fn handle(req: IncomingRequest) -> Response {
    ghiseu_spin::serve_admitting(req, admit, route).await
}
