//! The public pages from `static/`, embedded at build time. HTML files are templates
//! whose `{{ro|en}}` markers become the text of the language asked with `?lang=`.

use ghiseu_core::kernel::text::{Lang, escape};
use ghiseu_core::web::toolkit::Response;
use http::{StatusCode, header};
use spin_sdk::http::{IncomingRequest, Method};
use spin_sdk::http_component;

struct Asset {
    path: &'static str,
    content_type: &'static str,
    body: &'static str,
}

const ASSETS: &[Asset] = &[
    Asset {
        path: "/",
        content_type: "text/html; charset=utf-8",
        body: include_str!("../../../static/index.html"),
    },
    Asset {
        path: "/status",
        content_type: "text/html; charset=utf-8",
        body: include_str!("../../../static/status.html"),
    },
    Asset {
        path: "/style.css",
        content_type: "text/css; charset=utf-8",
        body: include_str!("../../../static/style.css"),
    },
    Asset {
        path: "/app.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../../static/app.js"),
    },
    Asset {
        path: "/api/openapi.json",
        content_type: "application/json",
        body: include_str!("../../../static/openapi.json"),
    },
    Asset {
        path: "/favicon.svg",
        content_type: "image/svg+xml",
        body: include_str!("../../../static/favicon.svg"),
    },
    Asset {
        path: "/altcha.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../../static/altcha.js"),
    },
    Asset {
        path: "/altcha-worker.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../../static/altcha-worker.js"),
    },
];

/// Replaces each `{{ro|en}}` with one side; the texts are ours, but escaped all the same.
fn localise(template: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start..].find("}}") else {
            break;
        };
        let inner = &rest[start + 2..start + len];
        let (ro, en) = inner.split_once('|').unwrap_or((inner, inner));
        out.push_str(&rest[..start]);
        out.push_str(&escape(lang.t(ro, en)));
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out.replace("__LANG__", lang.t("ro", "en"))
}

fn lang_of(query: &str) -> Lang {
    Lang::from_code(query.split('&').find_map(|pair| pair.strip_prefix("lang=")))
}

fn response(status: StatusCode, content_type: &str, body: String) -> Response {
    http::Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, content_type)
        .header("x-content-type-options", "nosniff")
        .header(
            "content-security-policy",
            "default-src 'self'; frame-ancestors 'none'",
        )
        .header("referrer-policy", "no-referrer")
        .body(body.into_bytes())
        .expect("valid response")
}

/// Every page and file here is the same for everyone and changes only with a deploy:
/// browsers and a front proxy (deploy/nginx.conf) may keep it five minutes.
fn public(mut answer: Response) -> Response {
    answer.headers_mut().insert(
        header::CACHE_CONTROL,
        http::HeaderValue::from_static("public, max-age=300"),
    );
    answer
}

/// The body is never read: pages take no input but the query string.
#[http_component]
fn handle(req: IncomingRequest) -> Response {
    if !matches!(req.method(), Method::Get | Method::Head) {
        // Pages are read only: OPTIONS says so, any other method is refused saying so.
        let (status, body) = match req.method() {
            Method::Options => (StatusCode::NO_CONTENT, String::new()),
            _ => (
                StatusCode::METHOD_NOT_ALLOWED,
                "405 Method Not Allowed\n".to_owned(),
            ),
        };
        let mut answer = response(status, "text/plain; charset=utf-8", body);
        answer
            .headers_mut()
            .insert(header::ALLOW, http::HeaderValue::from_static("GET, HEAD"));
        return answer;
    }
    let path_with_query = req.path_with_query().unwrap_or_default();
    let (path, query) = path_with_query
        .split_once('?')
        .unwrap_or((&path_with_query, ""));
    let path = match path {
        "/index.html" => "/",
        "/status.html" => "/status",
        other => other,
    };
    // The counter's day moved into the back office, behind its login.
    if matches!(path, "/counter" | "/counter.html") {
        let mut moved = response(
            StatusCode::PERMANENT_REDIRECT,
            "text/plain; charset=utf-8",
            String::new(),
        );
        moved.headers_mut().insert(
            header::LOCATION,
            http::HeaderValue::from_static("/staff/counter"),
        );
        return moved;
    }
    match ASSETS.iter().find(|a| a.path == path) {
        Some(a) if a.content_type.starts_with("text/html") => public(response(
            StatusCode::OK,
            a.content_type,
            localise(a.body, lang_of(query)),
        )),
        Some(a) => public(response(StatusCode::OK, a.content_type, a.body.to_owned())),
        None => response(
            StatusCode::NOT_FOUND,
            "text/html; charset=utf-8",
            localise(include_str!("../../../static/404.html"), lang_of(query)),
        ),
    }
}
