//! The `floor` component's public routes (issue 22): the waiting-room display
//! `GET /display/{location}` and its calls `GET /api/display/{location}` (small and
//! cacheable for a second, so every screen can poll it), and the live ticket
//! `GET /t/{token}`. Reads only.

use crate::context::Context;
use crate::counter::display;
use crate::kernel::error::Error;
use crate::kernel::token::LinkToken;
use crate::web::html;
use crate::web::toolkit::{
    Request, Response, html_response, json_response, lang_of, require_get, shared_for,
};
use http::StatusCode;
use serde_json::json;

/// Routes every path the component is given.
pub fn floor(req: &Request, ctx: &Context) -> Result<Response, Error> {
    let path = req.uri().path();
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    match segments.as_slice() {
        ["display", location] => display_page(req, ctx, location),
        ["api", "display", location] => display_calls(req, ctx, location),
        ["t", token] => live_ticket(req, ctx, token),
        _ => Err(Error::NotFound),
    }
}

/// The location a display shows, or 404.
fn location_of<'c>(ctx: &'c Context, code: &str) -> Result<&'c str, Error> {
    let setup = ctx.setup()?;
    let found = setup.location(code).map_err(|_| Error::NotFound)?;
    Ok(found.code.as_str())
}

fn display_page(req: &Request, ctx: &Context, location: &str) -> Result<Response, Error> {
    require_get(req)?;
    let location = location_of(ctx, location)?;
    let calls = display::calls(ctx.db, location, ctx.now)?;
    let page = html::display_page(lang_of(req, None), ctx.setup()?, location, &calls);
    Ok(shared_for(html_response(StatusCode::OK, page), 1))
}

/// Today's latest calls, newest first: a display chimes for ids it has not shown.
fn display_calls(req: &Request, ctx: &Context, location: &str) -> Result<Response, Error> {
    require_get(req)?;
    let location = location_of(ctx, location)?;
    let calls = display::calls(ctx.db, location, ctx.now)?;
    Ok(shared_for(
        json_response(
            StatusCode::OK,
            &json!({"location": location, "calls": calls}),
        ),
        1,
    ))
}

/// A live ticket; an unknown link reads as any invalid link (404).
fn live_ticket(req: &Request, ctx: &Context, token: &str) -> Result<Response, Error> {
    require_get(req)?;
    let lang = lang_of(req, None);
    let found = match LinkToken::parse(token) {
        Some(link) => display::live(ctx.db, &ctx.office.floor, ctx.setup()?, &link, ctx.now)?,
        None => None,
    };
    Ok(match found {
        Some(ticket) => html_response(
            StatusCode::OK,
            html::live_ticket_page(lang, ctx.setup()?, &ticket),
        ),
        None => html_response(StatusCode::NOT_FOUND, html::link_invalid_page(lang)),
    })
}
