//! The HTTP toolkit every handler uses: reading a request (format, language, fields,
//! limits, the proof of work) and writing an answer (JSON or a page, errors, headers).

use crate::context::Context;
use crate::defence::challenge::Purpose;
use crate::defence::ratelimit;
use crate::kernel::error::{Error, FieldError};
use crate::kernel::fields::Fields;
use crate::kernel::idempotency;
use crate::kernel::text::Lang;
use crate::messaging::links::Links;
use crate::orders::document::MAX_DOCUMENT_BYTES;
use crate::web::html;
use chrono::NaiveDate;
use http::{Method, StatusCode, header};
use serde_json::json;

pub type Request = http::Request<Vec<u8>>;

pub type Response = http::Response<Vec<u8>>;

/// Request bodies above this are refused (413) before any parsing.
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// The larger body limit of the upload routes (the form adds a little around the file).
pub const MAX_UPLOAD_BYTES: usize = MAX_DOCUMENT_BYTES + 64 * 1024;
/// A payment provider's notification may be larger than a form.
const MAX_WEBHOOK_BYTES: usize = 256 * 1024;

/// The office's whole setup, as a supervisor saves it: a few dozen locations and
/// services with their timetables.
pub const MAX_SETUP_BYTES: usize = 256 * 1024;

/// The largest body a path takes: a document upload, a provider's webhook, or a form.
pub fn body_limit(path: &str) -> usize {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    match segments.as_slice() {
        ["api", "staff", "orders", _, "issue"] | ["staff", "orders", _, "issue"] => {
            MAX_UPLOAD_BYTES
        }
        ["api", "payments", "webhook"] => MAX_WEBHOOK_BYTES,
        ["api", "staff", "setup"] | ["staff", "setup", ..] => MAX_SETUP_BYTES,
        _ => MAX_BODY_BYTES,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Json,
    Html,
}

/// Browsers submitting forms or navigating get HTML; everything else gets JSON.
pub(crate) fn format_of(req: &Request) -> Format {
    let header_str = |name| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    };
    let is_form = header_str(header::CONTENT_TYPE).starts_with("application/x-www-form-urlencoded");
    let wants_html = header_str(header::ACCEPT).starts_with("text/html");
    if is_form || wants_html {
        Format::Html
    } else {
        Format::Json
    }
}

pub(crate) fn query_pairs(req: &Request) -> Fields {
    form_urlencoded::parse(req.uri().query().unwrap_or("").as_bytes())
        .into_owned()
        .collect()
}

pub(crate) fn lang_of(req: &Request, fields: Option<&Fields>) -> Lang {
    let query = query_pairs(req);
    Lang::from_code(
        fields
            .and_then(|f| f.get("lang"))
            .or(query.get("lang"))
            .map(String::as_str),
    )
}

pub(crate) fn respond(status: StatusCode, content_type: &str, body: Vec<u8>) -> Response {
    http::Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, content_type)
        // Booking pages carry personal data and credentials: never cached, never referred.
        .header(header::CACHE_CONTROL, "no-store")
        .header("referrer-policy", "no-referrer")
        .header("x-content-type-options", "nosniff")
        .header(
            "content-security-policy",
            "default-src 'self'; frame-ancestors 'none'",
        )
        .body(body)
        .expect("valid response")
}

pub fn json_response(status: StatusCode, value: &serde_json::Value) -> Response {
    respond(status, "application/json", value.to_string().into_bytes())
}

pub(crate) fn html_response(status: StatusCode, page: String) -> Response {
    respond(status, "text/html; charset=utf-8", page.into_bytes())
}

/// The last touch on every answer: when the office is reached over https, browsers
/// are told to come back only over https (HSTS, a year); an HTML page fetched with GET
/// gets its language switch pointed at itself (`html::switch_to_same_page`).
pub fn finish(req: &Request, mut response: Response, links: &Links) -> Response {
    if links.is_https() {
        response.headers_mut().insert(
            header::STRICT_TRANSPORT_SECURITY,
            http::HeaderValue::from_static("max-age=31536000"),
        );
    }
    let is_page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if !is_page || req.method() != Method::GET {
        return response;
    }
    let (parts, body) = response.into_parts();
    let body = match String::from_utf8(body) {
        Ok(page) => html::switch_to_same_page(
            &page,
            req.uri().path(),
            req.uri().query().unwrap_or_default(),
        )
        .unwrap_or(page)
        .into_bytes(),
        Err(e) => e.into_bytes(),
    };
    Response::from_parts(parts, body)
}

/// The answer to a form post: the browser goes on to `location` with a GET, so a
/// reload never repeats the action.
pub(crate) fn see_other(location: &str) -> Response {
    http::Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header(header::LOCATION, location)
        .header(header::CACHE_CONTROL, "no-store")
        .body(Vec::new())
        .expect("valid redirect")
}

/// Public data that is the same for everyone: a front proxy may serve it for a
/// moment, so a rush's availability reads don't all reach the database. The same
/// address answers a browser with a page (`format_of`), so a cache keeps one answer
/// per `Accept` and `Content-Type`, never the JSON for a browser or the reverse.
pub(crate) fn shared_for(mut response: Response, seconds: u32) -> Response {
    if response.status().is_success() {
        let headers = response.headers_mut();
        headers.insert(
            header::CACHE_CONTROL,
            http::HeaderValue::from_str(&format!("public, max-age={seconds}"))
                .expect("ASCII header"),
        );
        headers.insert(
            header::VARY,
            http::HeaderValue::from_static("Accept, Content-Type"),
        );
    }
    response
}

/// `{"error": {"code", "message", "message_ro", "field"}}` or an HTML error page, in
/// the request's language (`error_lang`); `message_ro` is Romanian whatever was asked.
pub fn error_response(req: &Request, e: &Error) -> Response {
    let format = format_of(req);
    let lang = error_lang(req, format);
    let x = e.explain(lang);
    let response = match format {
        Format::Html => html_response(x.status, html::error_page(lang, &x)),
        Format::Json => json_response(
            x.status,
            &json!({"error": {"code": x.code, "message": x.message, "message_ro": x.message_ro, "field": x.field}}),
        ),
    };
    with_error_headers(response, e)
}

/// The language an error is told in: the `lang` the body or the query names; else, for
/// JSON, the first of the office's languages in `Accept-Language` (a page keeps to its
/// own `lang`, as the page the citizen came from did); else Romanian.
pub(crate) fn error_lang(req: &Request, format: Format) -> Lang {
    let named = |code: &String| Lang::parse(code.trim());
    let posted = body_fields(req).ok();
    let given = posted
        .as_ref()
        .and_then(|f| f.get("lang"))
        .and_then(named)
        .or_else(|| query_pairs(req).get("lang").and_then(named));
    let accepted = || {
        req.headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(Lang::from_accept_language)
    };
    match (given, format) {
        (Some(lang), _) => lang,
        (None, Format::Json) => accepted().unwrap_or(Lang::Ro),
        (None, Format::Html) => Lang::Ro,
    }
}

/// The headers a refusal calls for: `Allow`, `WWW-Authenticate`, `Retry-After`.
pub(crate) fn with_error_headers(mut response: Response, e: &Error) -> Response {
    if let Error::MethodNotAllowed { allow } = e {
        response
            .headers_mut()
            .insert(header::ALLOW, http::HeaderValue::from_static(allow));
    }
    if let Error::Unauthorized = e {
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            http::HeaderValue::from_static("Bearer"),
        );
    }
    if let Some(seconds) = e.retry_after() {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, http::HeaderValue::from(seconds));
    }
    response
}

include!(concat!(env!("OUT_DIR"), "/api_methods.rs"));

/// The methods the OpenAPI document declares for this `/api/…` path (`{x}` matches one
/// segment), as an `Allow` value; None for a path it doesn't describe.
fn declared_methods(path: &str) -> Option<&'static str> {
    let segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    let matches = |route: &str| {
        let parts: Vec<&str> = route.split('/').collect();
        parts.len() == segments.len()
            && parts
                .iter()
                .zip(&segments)
                .all(|(p, s)| p == s || (p.starts_with('{') && p.ends_with('}') && !s.is_empty()))
    };
    // A literal route wins over a template of the same shape (`/api/bookings/lookup`
    // over `/api/bookings/{number}`).
    let literal = API_METHODS
        .iter()
        .find(|(route, _)| !route.contains('{') && matches(route));
    literal
        .or_else(|| API_METHODS.iter().find(|(route, _)| matches(route)))
        .map(|(_, allow)| *allow)
}

/// Every component's first step: on an `/api/…` route, OPTIONS answers the declared
/// methods, and a method the document doesn't declare is 405 with them, before any
/// handler could take it for another (a TRACE is never a POST).
pub fn check_method(req: &Request) -> Result<Option<Response>, Error> {
    let Some(allow) = declared_methods(req.uri().path()) else {
        return Ok(None);
    };
    let method = req.method().as_str();
    if req.method() == Method::OPTIONS {
        let mut response = respond(StatusCode::NO_CONTENT, "text/plain", Vec::new());
        response
            .headers_mut()
            .insert(header::ALLOW, http::HeaderValue::from_static(allow));
        return Ok(Some(response));
    }
    if allow.split(", ").any(|m| m == method) {
        Ok(None)
    } else {
        Err(Error::MethodNotAllowed { allow })
    }
}

pub(crate) fn require_get(req: &Request) -> Result<(), Error> {
    match *req.method() {
        Method::GET | Method::HEAD => Ok(()),
        _ => Err(Error::MethodNotAllowed { allow: "GET" }),
    }
}

/// The solved challenge a submission carries in its `altcha` field, checked and
/// taken out of the fields; None when the office turned the defence off. Every
/// public write passes here, so here it is refused when the office's secrets are
/// missing.
pub(crate) fn admit(
    fields: &mut Fields,
    purpose: Purpose,
    ctx: &Context,
) -> Result<Option<String>, Error> {
    ctx.check_public_writes()?;
    let payload = fields.remove("altcha");
    ctx.proof_of_work()
        .map(|pow| pow.verify(payload.as_deref(), purpose, ctx.now))
        .transpose()
}

pub(crate) fn parse_date(fields: &Fields, field: &str) -> Result<NaiveDate, Error> {
    crate::kernel::fields::date(fields.get(field).map_or("", String::as_str), field)
}

/// An optional `YYYY-MM-DD` in the query string; blank counts as absent.
pub(crate) fn query_date(req: &Request, field: &str) -> Result<Option<NaiveDate>, Error> {
    let query = query_pairs(req);
    match query.get(field).filter(|d| !d.trim().is_empty()) {
        None => Ok(None),
        Some(_) => parse_date(&query, field).map(Some),
    }
}

/// A status form's number and language: the form posts them, so the number stays out
/// of the address bar, the history and the logs.
pub(crate) fn posted_number(req: &Request) -> Result<(String, Lang), Error> {
    let fields = body_fields(req)?;
    let number = fields.get("number").cloned().unwrap_or_default();
    Ok((number, lang_of(req, Some(&fields))))
}

/// The body's fields; a step that may carry none takes an empty body as no fields.
pub(crate) fn optional_body_fields(req: &Request) -> Result<Fields, Error> {
    if req.body().is_empty() {
        return Ok(Fields::new());
    }
    body_fields(req)
}

/// The body's media type, lower case, without its parameters (`; charset=…`).
fn media_type(req: &Request) -> String {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

pub(crate) fn body_fields(req: &Request) -> Result<Fields, Error> {
    if req.body().len() > MAX_BODY_BYTES {
        return Err(Error::PayloadTooLarge);
    }
    match media_type(req).as_str() {
        "application/json" => {
            let value: serde_json::Value =
                serde_json::from_slice(req.body()).map_err(|_| Error::MalformedBody)?;
            let serde_json::Value::Object(map) = value else {
                return Err(Error::MalformedBody);
            };
            // Every field the API reads is text, except `consent`, which JSON may give as
            // a boolean: a number or a boolean elsewhere is refused, not read as its text
            // (`{"text": false}` is not the text "false").
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| match v {
                    serde_json::Value::String(s) => Ok((k, s)),
                    serde_json::Value::Bool(b) if k == "consent" => Ok((k, b.to_string())),
                    _ => Err(FieldError::new("invalid_type", k).into()),
                })
                .collect()
        }
        "application/x-www-form-urlencoded" => {
            let text = std::str::from_utf8(req.body()).map_err(|_| Error::MalformedBody)?;
            Ok(form_urlencoded::parse(text.as_bytes())
                .into_owned()
                .collect())
        }
        _ => Err(Error::UnsupportedMediaType),
    }
}

/// A JSON document body read as `T`; what does not fit is refused with `code`,
/// naming the part (`setup.locations[0].counters`).
pub(crate) fn json_document<T: serde::de::DeserializeOwned>(
    req: &Request,
    code: &'static str,
) -> Result<T, Error> {
    if media_type(req) != "application/json" {
        return Err(Error::UnsupportedMediaType);
    }
    let deserializer = &mut serde_json::Deserializer::from_slice(req.body());
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        if e.inner().is_syntax() || e.inner().is_eof() {
            Error::MalformedBody
        } else {
            Error::field(code, &e.path().to_string())
        }
    })
}

/// Whether a refusal is answered by the form shown again: an HTML submission the
/// citizen can correct (a 4xx).
pub(crate) fn shows_form_again(req: &Request, error: &Error) -> bool {
    format_of(req) == Format::Html && error.status().is_client_error()
}

/// A form page shown again after a refusal, with the refusal's status and headers.
pub(crate) fn refused_page(error: &Error, page: String) -> Response {
    with_error_headers(html_response(error.status(), page), error)
}

/// Counts the request against its client address's window, when the office turned
/// that limit on: the key-value store is touched only then.
pub(crate) fn limit_client(req: &Request, ctx: &Context) -> Result<(), Error> {
    let limits = &ctx.office.rate_limits;
    let per_address = limits.per_address();
    if per_address.max == 0 {
        return Ok(());
    }
    let address = client_address(req, limits.client_address_header.as_deref());
    ratelimit::hit(ctx.counters, &per_address, &address, ctx.now)
}

/// The `Idempotency-Key` header, when sent; what a key may hold is `idempotency::key_hash`'s
/// to say, so a key that is not even text is refused as that rule refuses a key.
pub(crate) fn idempotency_key(req: &Request) -> Result<Option<&str>, Error> {
    req.headers()
        .get("idempotency-key")
        .map(|v| std::str::from_utf8(v.as_bytes()).map_err(|_| idempotency::invalid_key()))
        .transpose()
}

/// The client's address: the last entry a trusted proxy wrote in its header when the
/// office names one, else the address Spin saw, without the port.
pub(crate) fn client_address(req: &Request, proxy_header: Option<&str>) -> String {
    let header = |name: &str| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let raw = match proxy_header {
        Some(name) => header(name)
            .and_then(|v| v.rsplit(',').next().map(|a| a.trim().to_owned()))
            .filter(|a| !a.is_empty()),
        None => header("spin-client-addr"),
    }
    .unwrap_or_else(|| "unknown".to_owned());
    raw.parse::<std::net::SocketAddr>()
        .map_or_else(|_| raw.clone(), |a| a.ip().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused_booking(uri: &str, accept_language: Option<&str>, body: &str) -> serde_json::Value {
        let mut req = http::Request::post(uri).header(header::CONTENT_TYPE, "application/json");
        if let Some(value) = accept_language {
            req = req.header(header::ACCEPT_LANGUAGE, value);
        }
        let req = req.body(body.as_bytes().to_vec()).expect("a request");
        let response = error_response(&req, &Error::SlotFull);
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let body: serde_json::Value = serde_json::from_slice(response.body()).expect("JSON");
        body["error"].clone()
    }

    const RO: &str = "Nu mai sunt locuri online în acest interval; alegeți altă oră.";
    const EN: &str = "No online seat is left in this slot; choose another time.";
    const HU: &str =
        "Ebben az idősávban nincs több online hely; kérjük, válasszon másik időpontot.";

    #[test]
    fn a_json_error_is_told_in_the_language_of_accept_language() {
        let e = refused_booking("/api/bookings", Some("hu-HU,hu;q=0.9,en;q=0.5"), "{}");
        assert_eq!(
            (e["message"].as_str(), e["message_ro"].as_str()),
            (Some(HU), Some(RO))
        );
        assert_eq!(
            (e["code"].as_str(), e["field"].as_str()),
            (Some("slot_full"), Some("slot"))
        );
        let e = refused_booking("/api/bookings", Some("en-GB"), "{}");
        assert_eq!(e["message"].as_str(), Some(EN));
    }

    #[test]
    fn an_unknown_or_missing_accept_language_gives_romanian() {
        for header in [Some("de-DE,fr;q=0.8"), Some(""), Some("*"), None] {
            let e = refused_booking("/api/bookings", header, "{}");
            assert_eq!(e["message"].as_str(), Some(RO), "{header:?}");
            assert_eq!(e["message_ro"].as_str(), Some(RO));
        }
    }

    #[test]
    fn a_lang_named_in_the_query_or_the_body_comes_before_accept_language() {
        let e = refused_booking("/api/bookings?lang=en", Some("hu"), "{}");
        assert_eq!(e["message"].as_str(), Some(EN));
        let e = refused_booking(
            "/api/bookings",
            Some("en"),
            r#"{"lang": "hu", "slot": "x"}"#,
        );
        assert_eq!(e["message"].as_str(), Some(HU));
        // A language the office doesn't speak is as if none were named.
        let e = refused_booking("/api/bookings?lang=de", Some("en"), "{}");
        assert_eq!(e["message"].as_str(), Some(EN));
    }

    #[test]
    fn an_error_page_keeps_to_the_page_s_language() {
        // The browser asks for English; the page's own language (or Romanian) wins.
        for (uri, shown) in [("/book?lang=hu", HU), ("/book", RO)] {
            let req = http::Request::get(uri)
                .header(header::ACCEPT, "text/html")
                .header(header::ACCEPT_LANGUAGE, "en")
                .body(Vec::new())
                .expect("a request");
            let page = String::from_utf8(error_response(&req, &Error::SlotFull).into_body())
                .expect("UTF-8");
            assert!(page.contains(shown), "{uri}: {page}");
        }
    }
}
