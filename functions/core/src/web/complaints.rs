//! The complaints intake (C01, C02, R09, R20), its public status check (also looked up
//! from the complaints page, `/complaints?number=…`), and the escalation link (C05).
//! Staff handle complaints through the staff API.

use crate::complaints::{
    self, Complaint, ComplaintNumber, ComplaintStatusView, NewComplaint, Progress,
};
use crate::context::Context;
use crate::defence::challenge::Purpose;
use crate::kernel::error::Error;
use crate::kernel::fields::Fields;
use crate::kernel::text::Lang;
use crate::web::html;
use crate::web::toolkit::{
    Format, Request, Response, admit, body_fields, format_of, html_response, idempotency_key,
    json_response, lang_of, limit_client, posted_number, query_pairs, refused_page, require_get,
    shows_form_again,
};
use http::{Method, StatusCode};
use serde_json::json;

/// Routes the complaints component's paths.
pub fn complaints(req: &Request, ctx: &Context) -> Result<Response, Error> {
    let path = req.uri().path().trim_end_matches('/');
    if let Some(token) = path.strip_prefix("/escalate/") {
        return escalate_link(req, token, ctx);
    }
    if path == "/complaints" {
        // The status form posts the number.
        if req.method() == Method::POST {
            limit_client(req, ctx)?;
            let (number, lang) = posted_number(req)?;
            return status_answer(req, &number, lang, ctx);
        }
        require_get(req)?;
        if let Some(number) = query_pairs(req).get("number") {
            limit_client(req, ctx)?;
            return status(req, number, ctx);
        }
        let page = html::complaint_form_page(
            lang_of(req, None),
            ctx.proof_of_work().is_some(),
            &html::FormState::default(),
        );
        return Ok(html_response(StatusCode::OK, page));
    }
    limit_client(req, ctx)?;
    match path.strip_prefix("/api/complaints") {
        Some("") if req.method() == Method::POST => intake(req, ctx),
        Some("") => Err(Error::MethodNotAllowed { allow: "POST" }),
        Some(rest) if rest.starts_with('/') && !rest[1..].contains('/') => {
            status(req, &rest[1..], ctx)
        }
        _ => Err(Error::NotFound),
    }
}

fn intake(req: &Request, ctx: &Context) -> Result<Response, Error> {
    let mut fields = body_fields(req)?;
    let typed = fields.clone();
    let outcome = (|| {
        let challenge = admit(&mut fields, Purpose::Complaint, ctx)?;
        let new = NewComplaint::parse(&fields, ctx.db)?;
        let key = idempotency_key(req)?;
        complaints::submit(
            ctx.db,
            ctx.office,
            &new,
            key,
            challenge.as_deref(),
            &ctx.links(),
            ctx.now,
        )
    })();
    let submitted = match outcome {
        Err(e) if shows_form_again(req, &e) => {
            return Ok(refused_form(req, ctx, typed, &e));
        }
        other => other?,
    };
    let status = if submitted.replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    let view = ComplaintStatusView::new(&submitted.complaint, &submitted.progress);
    let number = submitted.number.as_ref().map(ToString::to_string);
    Ok(match format_of(req) {
        Format::Html => html_response(
            status,
            html::complaint_received_page(lang_of(req, Some(&fields)), number.as_deref(), &view),
        ),
        Format::Json => json_response(
            status,
            &json!({"complaint_number": number, "replayed": submitted.replayed, "complaint": view}),
        ),
    })
}

/// The refused complaints form, shown again with the input kept.
fn refused_form(req: &Request, ctx: &Context, typed: Fields, error: &Error) -> Response {
    let lang = lang_of(req, Some(&typed));
    let form = html::FormState::refused(typed, error, lang, complaints::INPUTS);
    let page = html::complaint_form_page(lang, ctx.proof_of_work().is_some(), &form);
    refused_page(error, page)
}

/// GET /api/complaints/{number} (or `/complaints?number=…`, as earlier pages asked it).
fn status(req: &Request, number: &str, ctx: &Context) -> Result<Response, Error> {
    require_get(req)?;
    status_answer(req, number, lang_of(req, None), ctx)
}

/// A complaint's kind, state and due dates, nothing personal. Unknown and malformed
/// numbers answer the same 404.
fn status_answer(
    req: &Request,
    number: &str,
    lang: Lang,
    ctx: &Context,
) -> Result<Response, Error> {
    let number = ComplaintNumber::parse(number).map_err(|_| Error::NotFound)?;
    let complaint = Complaint::by_number(ctx.db, &number)?.ok_or(Error::NotFound)?;
    let progress = Progress::load(ctx.db, ctx.office, &complaint)?;
    let view = ComplaintStatusView::new(&complaint, &progress);
    Ok(match format_of(req) {
        Format::Html => html_response(StatusCode::OK, html::complaint_status_page(lang, &view)),
        Format::Json => json_response(StatusCode::OK, &json!({"complaint": view})),
    })
}

/// GET /escalate/{token} shows the complaint and a confirm button; POST escalates (C05).
fn escalate_link(req: &Request, token: &str, ctx: &Context) -> Result<Response, Error> {
    let lang = lang_of(req, None);
    let invalid = || html_response(StatusCode::NOT_FOUND, html::link_invalid_page(lang));
    match *req.method() {
        Method::GET | Method::HEAD => Ok(
            match complaints::escalation(ctx.db, ctx.office, token, ctx.now)? {
                Some((c, p)) => html_response(
                    StatusCode::OK,
                    html::escalate_confirm_page(lang, &ComplaintStatusView::new(&c, &p)),
                ),
                None => invalid(),
            },
        ),
        Method::POST => Ok(
            match complaints::escalate(ctx.db, ctx.office, token, ctx.now)? {
                true => html_response(StatusCode::OK, html::escalated_page(lang)),
                false => invalid(),
            },
        ),
        _ => Err(Error::MethodNotAllowed { allow: "GET, POST" }),
    }
}
