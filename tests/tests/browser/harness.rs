//! The browser harness: real headless Chromium (Debian's `chromium`), driven through
//! `chromedriver` over WebDriver, against the test host served on a free local port.
//! Each test gets its own app (state and pinned clock) and its own browser. A failing
//! test leaves a screenshot and the page source under `target/browser-artifacts/`,
//! and prints their paths.

use crate::support::{TestApp, root};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use std::future::Future;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

/// WebDriver's codes for the keys the keyboard-only flows press.
pub const ENTER: &str = "\u{E007}";
pub const SPACE: &str = " ";
pub const TAB: &str = "\u{E004}";
pub const ARROW_DOWN: &str = "\u{E015}";

/// How the browser is set up for one test.
#[derive(Debug, Clone, Copy)]
pub struct Setup {
    pub javascript: bool,
    /// Emulates a phone this many CSS pixels wide; None: a 1280×900 window.
    pub width: Option<u32>,
}

pub const JS: Setup = Setup {
    javascript: true,
    width: None,
};
pub const NO_JS: Setup = Setup {
    javascript: false,
    width: None,
};
pub const PHONE_320: Setup = Setup {
    javascript: true,
    width: Some(320),
};

/// One browser on one app.
#[derive(Clone)]
pub struct Page {
    pub client: Client,
    pub base: String,
    pub app: Arc<TestApp>,
    pub javascript: bool,
}

/// chromedriver's console log: what the pages wrote there since the last read.
#[derive(Debug)]
struct ConsoleLog;

impl fantoccini::wd::WebDriverCompatibleCommand for ConsoleLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({"type": "browser"}).to_string()),
        )
    }
}

/// The chromedriver process, stopped when the test ends.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn tool(name: &str, env: &str) -> String {
    std::env::var(env).unwrap_or_else(|_| format!("/usr/bin/{name}"))
}

/// axe-core's browser build, installed from npm by `tests/browser.sh` (or `AXE_CORE_JS`).
fn axe_source() -> String {
    let path = std::env::var("AXE_CORE_JS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root().join("target/npm/node_modules/axe-core/axe.min.js"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "AXE-CORE IS MISSING at {} ({e}): run `bash tests/browser.sh`, which installs it from npm",
            path.display()
        )
    })
}

async fn start_browser(setup: Setup) -> (Driver, Client) {
    let port = free_port();
    let driver = Command::new(tool("chromedriver", "CHROMEDRIVER"))
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!(
                "CHROMEDRIVER DID NOT START ({e}): install Debian's chromium and chromium-driver"
            )
        });
    let driver = Driver(driver);
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let profile = tempfile::tempdir().unwrap().keep();
    let mut chrome = json!({
        "binary": tool("chromium", "CHROMIUM"),
        "args": [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--window-size=1280,900",
            // The fakes' hosts (`*.test`) fail at once, whatever the machine's DNS does.
            "--host-resolver-rules=MAP *.test ~NOTFOUND",
            format!("--user-data-dir={}", profile.display()),
        ],
    });
    if !setup.javascript {
        chrome["prefs"] = json!({"profile.managed_default_content_settings.javascript": 2});
    }
    if let Some(width) = setup.width {
        chrome["mobileEmulation"] =
            json!({"deviceMetrics": {"width": width, "height": 720, "pixelRatio": 1}});
    }
    let capabilities = json!({
        "browserName": "chrome",
        "goog:chromeOptions": chrome,
        "goog:loggingPrefs": {"browser": "ALL"},
    });
    // chromedriver is plain HTTP on loopback: no TLS in the client.
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities.as_object().unwrap().clone())
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("chromedriver opens a Chromium session");
    (driver, client)
}

/// Runs `flow` in a fresh browser on `app`, then checks the browser's console stayed
/// clean. When either fails, the screenshot and page source are saved first and their
/// paths printed.
pub async fn run<F, Fut>(name: &str, app: TestApp, setup: Setup, flow: F)
where
    F: FnOnce(Page) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let app = Arc::new(app);
    let addr = app.listen().await;
    let (driver, client) = start_browser(setup).await;
    let page = Page {
        client: client.clone(),
        base: format!("http://{addr}"),
        app,
        javascript: setup.javascript,
    };
    let checked = page.clone();
    let flow = flow(page);
    let outcome = tokio::spawn(async move {
        flow.await;
        checked.console_is_clean().await;
    })
    .await;
    if let Err(failure) = outcome {
        let dir = root().join("target/browser-artifacts");
        std::fs::create_dir_all(&dir).unwrap();
        let shot = dir.join(format!("{name}.png"));
        let source = dir.join(format!("{name}.html"));
        if let Ok(png) = client.screenshot().await {
            let _ = std::fs::write(&shot, png);
        }
        if let Ok(html) = client.source().await {
            let _ = std::fs::write(&source, html);
        }
        eprintln!(
            "BROWSER TEST {name} FAILED: screenshot {} and page source {}",
            shot.display(),
            source.display()
        );
        let _ = client.close().await;
        drop(driver);
        std::panic::resume_unwind(failure.into_panic());
    }
    let _ = client.close().await;
    drop(driver);
}

impl Page {
    pub async fn open(&self, path: &str) {
        self.client
            .goto(&format!("{}{path}", self.base))
            .await
            .unwrap_or_else(|e| panic!("open {path}: {e}"));
    }

    pub async fn find(&self, css: &str) -> Element {
        match self
            .client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
        {
            Ok(found) => found,
            Err(e) => panic!("no {css} on {}: {e}", self.path().await),
        }
    }

    /// Whether the page has `css` now, without waiting for it.
    pub async fn exists_now(&self, css: &str) -> bool {
        !self
            .client
            .find_all(Locator::Css(css))
            .await
            .unwrap()
            .is_empty()
    }

    pub async fn text(&self, css: &str) -> String {
        self.find(css).await.text().await.unwrap()
    }

    pub async fn click(&self, css: &str) {
        self.find(css).await.click().await.unwrap();
    }

    pub async fn fill(&self, css: &str, text: &str) {
        let field = self.find(css).await;
        field.clear().await.unwrap();
        field.send_keys(text).await.unwrap();
    }

    pub async fn value(&self, css: &str) -> String {
        self.find(css)
            .await
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
    }

    /// The path and query of the page shown.
    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.unwrap();
        let query = url.query().map(|q| format!("?{q}")).unwrap_or_default();
        format!("{}{query}", url.path())
    }

    pub async fn script(&self, js: &str) -> Value {
        self.client.execute(js, vec![]).await.unwrap()
    }

    /// Polls `done` for up to 5 s: whether what the browser does on its own (a form
    /// post landing, a redirect) has happened.
    async fn waited<F: Future<Output = bool>>(&self, mut done: impl FnMut() -> F) -> bool {
        for _ in 0..100 {
            if done().await {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        false
    }

    /// Waits until the page's URL is exactly `path_and_query` (a form posted there).
    pub async fn arrived(&self, path_and_query: &str) {
        if !self
            .waited(async || self.path().await == path_and_query)
            .await
        {
            panic!("never reached {path_and_query}: at {}", self.path().await);
        }
    }

    /// Waits until the page's URL path starts with `prefix` (a submitted form landed).
    pub async fn landed(&self, prefix: &str) {
        if !self
            .waited(async || self.path().await.starts_with(prefix))
            .await
        {
            panic!("never reached {prefix}: at {}", self.path().await);
        }
    }

    /// How wide the first element matching `css` is drawn, in CSS pixels (0: not drawn).
    pub async fn shown_width(&self, css: &str) -> u64 {
        self.find(css).await;
        let js = format!(
            "return Math.round(document.querySelector({}).getBoundingClientRect().width);",
            json!(css)
        );
        self.script(&js).await.as_u64().unwrap_or_default()
    }

    /// Waits until `sql` counts `n` rows: a submitted form has landed and been stored.
    pub async fn counted(&self, sql: &str, n: i64) {
        if !self
            .waited(|| async move { self.app.count(sql) == n })
            .await
        {
            assert_eq!(self.app.count(sql), n, "{sql} on {}", self.path().await);
        }
    }

    /// Waits until the browser is on (or failing to load) a page of `host`: it left
    /// the app for another site.
    pub async fn left_for(&self, host: &str) {
        let there =
            || async move { self.client.current_url().await.unwrap().host_str() == Some(host) };
        if !self.waited(there).await {
            panic!("never left for {host}: at {}", self.path().await);
        }
    }

    /// Nothing went wrong in the browser: no script error, no asset (script, style,
    /// icon) that failed to load, no blocked content. A page answered with a 4xx is
    /// an answer the flow asked for (a refused form, a spent link), not a fault.
    pub async fn console_is_clean(&self) {
        let log = self.client.issue_cmd(ConsoleLog).await.unwrap();
        let faults: Vec<&Value> = log
            .as_array()
            .into_iter()
            .flatten()
            .filter(|entry| entry["level"] == "SEVERE")
            .filter(|entry| {
                let message = entry["message"].as_str().unwrap_or_default();
                let url = message.split(" - ").next().unwrap_or_default();
                let page = url::Url::parse(url).is_ok_and(|u| {
                    !u.path_segments()
                        .and_then(|mut s| s.next_back())
                        .unwrap_or_default()
                        .contains('.')
                });
                let answered_4xx = message.contains("responded with a status of 4");
                !(entry["source"] == "network" && page && answered_4xx)
            })
            .collect();
        assert!(faults.is_empty(), "the browser's console: {faults:#?}");
    }

    /// The id (or tag) of the element that has the focus.
    pub async fn focused(&self) -> String {
        self.script("const a = document.activeElement; return a.id || a.tagName.toLowerCase();")
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Presses Tab until the focused element matches `css` (at most 80 times).
    pub async fn tab_to(&self, css: &str) {
        let check = format!("return document.activeElement.matches({});", json!(css));
        for _ in 0..80 {
            if self.script(&check).await == json!(true) {
                return;
            }
            self.keys(TAB).await;
        }
        panic!("Tab never reached {css} on {}", self.path().await);
    }

    /// Tabs to the select `css` and moves down its options with the arrow key until
    /// `value` is chosen (at most 20 presses).
    pub async fn choose_with_keys(&self, css: &str, value: &str) {
        self.tab_to(css).await;
        for _ in 0..20 {
            if self.value(css).await == value {
                return;
            }
            self.keys(ARROW_DOWN).await;
        }
        panic!("the arrow keys never chose {value} in {css}");
    }

    /// Tabs to `css` and presses `key` there.
    pub async fn press(&self, css: &str, key: &str) {
        self.tab_to(css).await;
        self.keys(key).await;
    }

    /// Tabs to each field in turn and types its text: a form filled with the keyboard.
    pub async fn type_into(&self, fields: &[(&str, &str)]) {
        for (field, text) in fields {
            self.tab_to(field).await;
            self.keys(text).await;
        }
    }

    /// Sends keys (text, or the key constants above) to the focused element.
    pub async fn keys(&self, keys: &str) {
        self.client
            .active_element()
            .await
            .unwrap()
            .send_keys(keys)
            .await
            .unwrap();
    }

    /// axe-core inside the page: no WCAG 2.0/2.1 A or AA violation. axe-core needs the
    /// page's own timers, which a browser without JavaScript doesn't run: there the
    /// same pages are checked by the runs with JavaScript (the markup is the same; the
    /// script only enhances), and the run without checks that the flow works.
    pub async fn accessible(&self, what: &str) {
        if !self.javascript {
            return;
        }
        self.script(&axe_source()).await;
        let result = self
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                                          nodes: v.nodes.slice(0, 5).map(n => n.html)}))))
                  .catch(e => done([{id: "axe-error", help: String(e)}]));"#,
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(
            result,
            json!([]),
            "axe-core found WCAG 2.1 AA violations on {what} ({})",
            self.path().await
        );
    }

    /// The page is usable at its width: nothing wider than the viewport (no sideways
    /// scrolling), and the document names its language.
    pub async fn fits(&self, what: &str) {
        let sizes = self
            .script("return [document.documentElement.scrollWidth, window.innerWidth];")
            .await;
        let (scroll, inner) = (sizes[0].as_u64().unwrap(), sizes[1].as_u64().unwrap());
        assert!(
            scroll <= inner,
            "{what} scrolls sideways at {inner}px: {scroll}px wide"
        );
    }

    /// `<html lang>` is `lang`, and every link to the other language says its own.
    pub async fn in_language(&self, lang: &str) {
        let seen = self
            .script(
                "return [document.documentElement.lang,
                  Array.from(document.querySelectorAll('a[hreflang]'))
                       .filter(a => a.lang !== a.hreflang).map(a => a.outerHTML)];",
            )
            .await;
        assert_eq!(
            seen[0],
            lang,
            "the page's language on {}",
            self.path().await
        );
        assert_eq!(seen[1], json!([]), "a language switch without its own lang");
    }
}
