//! A back-office session over plain HTTP, for tests on both backends: cookies kept
//! between requests, forms posted with the page's CSRF token, redirects not followed.
//! (The pages in a real browser are `tests/tests/browser`.)

#![allow(dead_code)] // each test binary uses its own part of the shared support

use crate::support::{Reply, TestApp};

/// One session in the back office: its cookies, and the last page's CSRF token.
pub struct StaffSession<'a> {
    pub app: &'a TestApp,
    pub cookies: Vec<(String, String)>,
    pub host: &'static str,
    /// The client address the requests come from; the host's default when None.
    pub from: Option<std::net::SocketAddr>,
}

impl<'a> StaffSession<'a> {
    pub fn new(app: &'a TestApp) -> Self {
        StaffSession {
            app,
            cookies: Vec::new(),
            host: "127.0.0.1:3000",
            from: None,
        }
    }

    fn remember(&mut self, reply: &Reply) {
        for set in reply.headers.get_all("set-cookie") {
            let set = set.to_str().unwrap();
            let (pair, _) = set.split_once(';').unwrap_or((set, ""));
            let (name, value) = pair.split_once('=').unwrap();
            self.cookies.retain(|(n, _)| n != name);
            if !value.is_empty() && !set.contains("Max-Age=0") {
                self.cookies.push((name.to_owned(), value.to_owned()));
            }
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub async fn get(&mut self, path: &str) -> Reply {
        let req = http::Request::get(path)
            .header("accept", "text/html")
            .header("host", self.host)
            .header("cookie", self.cookie_header())
            .body(vec![])
            .unwrap();
        let reply = self.send(req).await;
        self.remember(&reply);
        reply
    }

    async fn send(&self, req: http::Request<Vec<u8>>) -> Reply {
        match self.from {
            Some(from) => self.app.request_from(req, from).await,
            None => self.app.request(req).await,
        }
    }

    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Reply {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        let req = http::Request::post(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("host", self.host)
            .header("cookie", self.cookie_header())
            .body(body.into_bytes())
            .unwrap();
        let reply = self.send(req).await;
        self.remember(&reply);
        reply
    }

    /// Opens `page` and posts a form to `action` with that page's CSRF token.
    pub async fn submit(&mut self, page: &str, action: &str, fields: &[(&str, &str)]) -> Reply {
        let shown = self.get(page).await;
        assert_eq!(shown.status, 200, "{page}: {}", shown.text());
        let csrf = csrf_of(&shown);
        let mut all = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        self.post(action, &all).await
    }

    pub async fn login(&mut self, name: &str, password: &str) -> Reply {
        self.submit(
            "/staff/login",
            "/staff/login",
            &[("name", name), ("password", password)],
        )
        .await
    }

    pub async fn logged_in(app: &'a TestApp, name: &str, password: &str) -> StaffSession<'a> {
        let mut browser = StaffSession::new(app);
        let reply = browser.login(name, password).await;
        assert_eq!(reply.status, 303, "{}", reply.text());
        browser
    }
}

pub fn csrf_of(page: &Reply) -> String {
    let text = page.text();
    let at = text
        .find(r#"name="csrf" value=""#)
        .unwrap_or_else(|| panic!("no CSRF field: {text}"));
    let rest = &text[at + r#"name="csrf" value=""#.len()..];
    rest[..rest.find('"').unwrap()].to_owned()
}

pub fn location(reply: &Reply) -> String {
    reply
        .headers
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}
