//! The public pages from `static/`, embedded at build time. HTML files are templates:
//! each `{{id}}` marker becomes the message `id` in the language asked with `?lang=`,
//! `__LANG__` its code; `__SWITCH__` the links to the page in the other languages,
//! `__ALTERNATES__` the head's links to it in every language; `__SERVICE_OPTIONS__` and
//! `__SERVICE_NAMES__` the office's services (a `<select>`'s options, a script's
//! `data-service-{code}` names), `__LOCATION_FIELD__` the choice of a location when
//! there is more than one.

use ghiseu_core::kernel::text::{Lang, escape};
use ghiseu_core::office::Setup;
use ghiseu_core::web::html::alternate_links;
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
        path: "/floor.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../../static/floor.js"),
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

/// Fills a page's markers for `lang`; `path` is the page's own address, `setup` the
/// office's services for the pages that list them. The texts are ours, but escaped
/// all the same.
fn localise(template: &str, lang: Lang, path: &str, setup: Option<&Setup>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start..].find("}}") else {
            break;
        };
        let id = rest[start + 2..start + len].trim();
        out.push_str(&rest[..start]);
        out.push_str(&escape(&lang.tr(id)));
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    let here = |l: Lang| format!("{}?lang={}", escape(path), l.code());
    let switch = lang
        .others()
        .into_iter()
        .map(|l| {
            format!(
                r#"<a href="{}" hreflang="{}" lang="{1}">{}</a>"#,
                here(l),
                l.code(),
                l.name()
            )
        })
        .collect::<Vec<_>>()
        .join(" · ");
    let alternates = alternate_links(here);
    let services = setup.map_or(&[][..], |s| &s.services[..]);
    let options: String = services
        .iter()
        .filter(|s| !s.retired)
        .map(|s| {
            format!(
                r#"<option value="{}">{}</option>"#,
                escape(&s.code),
                escape(s.name(lang))
            )
        })
        .collect();
    let names = services
        .iter()
        .map(|s| {
            format!(
                r#"data-service-{}="{}""#,
                escape(&s.code),
                escape(s.name(lang))
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    out.replace("__LANG__", lang.code())
        .replace("__SWITCH__", &switch)
        .replace("__ALTERNATES__", &alternates)
        .replace("__SERVICE_OPTIONS__", &options)
        .replace("__SERVICE_NAMES__", &names)
        .replace("__LOCATION_FIELD__", &location_field(setup, lang))
}

/// With more than one location, the citizen may pick the location first (or leave it
/// to the next page, which lists those giving the service).
fn location_field(setup: Option<&Setup>, lang: Lang) -> String {
    let locations = setup.map_or(&[][..], |s| &s.locations[..]);
    if locations.len() < 2 {
        return String::new();
    }
    let options: String = locations
        .iter()
        .map(|l| {
            format!(
                r#"<option value="{}">{}</option>"#,
                escape(&l.code),
                escape(l.name(lang))
            )
        })
        .collect();
    format!(
        r#"<label for="location">{}</label><select id="location" name="location"><option value="">{}</option>{options}</select>"#,
        escape(&lang.tr("home-location-label")),
        escape(&lang.tr("home-location-any"))
    )
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

/// Every page and file here is the same for everyone and changes only with a deploy
/// (browsers and a front proxy, deploy/nginx.conf, may keep it five minutes) or, for
/// a page listing the services, with the office's setup (a minute).
fn public(mut answer: Response, lists_services: bool) -> Response {
    let seconds = if lists_services {
        "public, max-age=60"
    } else {
        "public, max-age=300"
    };
    answer.headers_mut().insert(
        header::CACHE_CONTROL,
        http::HeaderValue::from_static(seconds),
    );
    answer
}

/// Whether a page lists the office's services (and so reads the setup).
fn lists_services(template: &str) -> bool {
    template.contains("__SERVICE_")
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
        Some(a) if a.content_type.starts_with("text/html") => {
            let listing = lists_services(a.body);
            let setup = match listing.then(ghiseu_spin::setup).transpose() {
                Ok(setup) => setup,
                Err(e) => {
                    eprintln!("pages: the setup could not be read: {e}");
                    return response(
                        StatusCode::SERVICE_UNAVAILABLE,
                        "text/plain; charset=utf-8",
                        "503 Service Unavailable\n".to_owned(),
                    );
                }
            };
            public(
                response(
                    StatusCode::OK,
                    a.content_type,
                    localise(a.body, lang_of(query), path, setup.as_ref()),
                ),
                listing,
            )
        }
        Some(a) => public(
            response(StatusCode::OK, a.content_type, a.body.to_owned()),
            false,
        ),
        None => response(
            StatusCode::NOT_FOUND,
            "text/html; charset=utf-8",
            localise(
                include_str!("../../../static/404.html"),
                lang_of(query),
                "/",
                None,
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGES: [(&str, &str); 3] = [
        ("/", include_str!("../../../static/index.html")),
        ("/status", include_str!("../../../static/status.html")),
        ("/", include_str!("../../../static/404.html")),
    ];

    #[test]
    fn every_marker_is_filled_in_every_language() {
        for lang in Lang::ALL {
            for (path, template) in PAGES {
                let setup = Setup::default();
                let page = localise(template, lang, path, Some(&setup));
                assert!(!page.contains("{{") && !page.contains("__"), "{page}");
                assert!(page.contains(&format!(r#"<html lang="{}">"#, lang.code())));
                assert!(page.contains(r#"<meta name="description" content=""#));
                // A marker whose message is missing would read as its id.
                assert!(
                    !page.contains(">home-") && !page.contains("\"home-"),
                    "{page}"
                );
            }
        }
    }

    #[test]
    fn the_switch_offers_the_other_two_languages() {
        let page = localise(PAGES[1].1, Lang::Hu, "/status", Some(&Setup::default()));
        assert!(page.contains(r#"<a href="/status?lang=ro" hreflang="ro" lang="ro">Română</a> · <a href="/status?lang=en" hreflang="en" lang="en">English</a>"#), "{page}");
        assert!(page.contains(r#"<link rel="alternate" hreflang="hu" href="/status?lang=hu">"#));
        assert!(page.contains("<h1>A foglalás állapota</h1>"));
        assert!(page.contains(r#"data-state-no_show="Nem jelent meg""#));
        assert!(page.contains(r#"data-service-passport="Útlevelek""#));
        let home = localise(PAGES[0].1, Lang::Ro, "/", Some(&Setup::default()));
        assert!(home.contains(r#"<option value="permit">Permise de conducere</option>"#));
        assert!(home.contains(r#"hreflang="en" lang="en">English</a> · <a href="/?lang=hu""#));
        assert!(home.contains("Programare online la ghișeu"));
    }
}
