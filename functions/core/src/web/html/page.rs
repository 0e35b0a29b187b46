//! What every page shares: the language switch, rendering, the notice, facts and error
//! pages, a refused form shown again.

use crate::kernel::error::Error;
use crate::kernel::error::Explanation;
use crate::kernel::fields::Fields;
use crate::kernel::text::{Lang, escape};
use crate::office::Service;
use askama::Template;

/// The header's language switch (`layout.html`) leads home: the right target after a
/// form post, which can't be repeated. A page fetched with GET can be fetched again, so
/// its switch is pointed at the same address in each other language, and its head names
/// the address in every language (`<link rel="alternate" hreflang>`). `path` and `query`
/// are the request's; None when the page has no switch to point.
pub fn switch_to_same_page(page: &str, path: &str, query: &str) -> Option<String> {
    // A path starting `//` would make a link to another site.
    if !path.starts_with('/') || path.starts_with("//") {
        return None;
    }
    let pairs: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("lang="))
        .collect();
    let here = |lang: Lang| {
        let wanted = format!("lang={}", lang.code());
        let with_lang: Vec<&str> = pairs.iter().copied().chain([wanted.as_str()]).collect();
        escape(&format!("{path}?{}", with_lang.join("&")))
    };
    let mut switched: Option<String> = None;
    for other in Lang::ALL {
        let home = format!(r#"href="/?lang={}" hreflang="{0}""#, other.code());
        let page = switched.as_deref().unwrap_or(page);
        if page.contains(&home) {
            let switch = format!(r#"href="{}" hreflang="{}""#, here(other), other.code());
            switched = Some(page.replacen(&home, &switch, 1));
        }
    }
    let switched = switched?;
    let alternates = alternate_links(here);
    Some(switched.replacen("</head>", &format!("{alternates}</head>"), 1))
}

/// The head's `<link rel="alternate" hreflang>` for each language, at the address
/// `href` gives it (already escaped for an attribute).
pub fn alternate_links(href: impl Fn(Lang) -> String) -> String {
    Lang::ALL
        .into_iter()
        .map(|l| {
            format!(
                r#"<link rel="alternate" hreflang="{}" href="{}">"#,
                l.code(),
                href(l)
            )
        })
        .collect()
}

/// Renders a page; our templates only fail on a broken `Display`, which ours never are.
pub(crate) fn render(page: impl Template) -> String {
    page.render().unwrap_or_default()
}

/// A list of (label, value) rows; both are plain text, escaped by the template.
pub(crate) type FactRows = Vec<(String, String)>;

#[derive(Template)]
#[template(path = "notice.html")]
pub(crate) struct NoticePage<'a> {
    pub(crate) lang: Lang,
    pub(crate) title: &'a str,
    pub(crate) text: &'a str,
}

#[derive(Template)]
#[template(path = "facts.html")]
pub(crate) struct FactsPage<'a> {
    pub(crate) lang: Lang,
    pub(crate) title: &'a str,
    pub(crate) rows: FactRows,
}

pub fn service_name(service: &Service, lang: Lang) -> &str {
    service.name(lang)
}

/// What a form shows again after a refused submit: the values typed and the error,
/// next to its field and in the summary at the top. A fresh form has neither.
#[derive(Debug, Default)]
pub struct FormState {
    pub values: Fields,
    pub error: Option<ShownError>,
    /// The fields the page has an input for, which the summary can link to.
    inputs: &'static [&'static str],
}

#[derive(Debug)]
pub struct ShownError {
    pub field: String,
    pub message: String,
}

impl FormState {
    /// The form as submitted, refused with `error` (in the page's language). A solved
    /// proof of work is good once: it is dropped, and the page solves a fresh one.
    pub fn refused(
        mut values: Fields,
        error: &Error,
        lang: Lang,
        inputs: &'static [&'static str],
    ) -> Self {
        let x = error.explain(lang);
        values.remove("altcha");
        FormState {
            values,
            error: Some(ShownError {
                field: x.field.clone().unwrap_or_default(),
                message: x.message,
            }),
            inputs,
        }
    }

    pub fn value(&self, name: &str) -> &str {
        self.values.get(name).map(String::as_str).unwrap_or("")
    }

    pub fn error_for(&self, name: &str) -> Option<&str> {
        self.error
            .as_ref()
            .filter(|e| e.field == name)
            .map(|e| e.message.as_str())
    }

    pub fn has_field(&self, name: &str) -> bool {
        self.inputs.contains(&name)
    }

    /// Whether a radio button is the chosen one: the submitted value, else the default.
    pub fn is_chosen(&self, name: &str, value: &str, default: bool) -> bool {
        match self.values.get(name) {
            Some(chosen) => chosen == value || chosen.get(..16) == value.get(..16),
            None => default,
        }
    }
}

/// A page that only says one thing: its title and text in the page's language.
pub(crate) fn notice_page(lang: Lang, title: &str, text: &str) -> String {
    render(NoticePage { lang, title, text })
}

/// One page for unknown, used and expired links alike.
pub fn link_invalid_page(lang: Lang) -> String {
    notice_page(
        lang,
        &lang.tr("common-link-invalid-title"),
        &lang.tr("common-link-invalid-text"),
    )
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    lang: Lang,
    title: &'a str,
    message: &'a str,
}

pub fn error_page(lang: Lang, e: &Explanation) -> String {
    render(ErrorPage {
        lang,
        title: &lang.tr("common-error-title"),
        message: &e.message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_neutralises_markup() {
        assert_eq!(
            escape(r#"<script>alert("x")</script>&'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;"
        );
    }

    #[test]
    fn the_language_switch_of_a_page_fetched_again_points_at_the_same_page() {
        let page = notice_page(Lang::Ro, "Titlu", "Text");
        assert!(page.contains(r#"href="/?lang=en" hreflang="en""#), "{page}");
        assert!(page.contains(r#"href="/?lang=hu" hreflang="hu""#), "{page}");
        assert!(
            !page.contains(r#"rel="alternate""#),
            "a post's answer names no address"
        );
        let switched = switch_to_same_page(
            &page,
            "/api/availability",
            "service=passport&lang=ro&date=2026-11-25",
        )
        .unwrap();
        // Both other languages lead to the same page.
        for code in ["en", "hu"] {
            let link = format!(
                r#"href="/api/availability?service=passport&amp;date=2026-11-25&amp;lang={code}" hreflang="{code}""#
            );
            assert!(switched.contains(&link), "{switched}");
        }
        // The head names the page in every language, its own too.
        let head = switched.split("</head>").next().unwrap();
        for code in ["ro", "en", "hu"] {
            let alternate = format!(
                r#"<link rel="alternate" hreflang="{code}" href="/api/availability?service=passport&amp;date=2026-11-25&amp;lang={code}">"#
            );
            assert!(head.contains(&alternate), "{head}");
        }
        // No lang in the address: it is added; the English page leads to Romanian and
        // Hungarian, the Hungarian one to Romanian and English.
        let english = notice_page(Lang::En, "Title", "Text");
        let switched = switch_to_same_page(&english, "/cancel/abc", "").unwrap();
        assert!(switched.contains(r#"href="/cancel/abc?lang=ro" hreflang="ro""#));
        assert!(switched.contains(r#"href="/cancel/abc?lang=hu" hreflang="hu""#));
        let hungarian = notice_page(Lang::Hu, "Cím", "Szöveg");
        assert!(hungarian.contains(r#"<html lang="hu">"#));
        let switched = switch_to_same_page(&hungarian, "/cancel/abc", "lang=hu").unwrap();
        assert!(switched.contains(r#"href="/cancel/abc?lang=ro" hreflang="ro""#));
        assert!(switched.contains(r#"href="/cancel/abc?lang=en" hreflang="en""#));
        assert!(!switched.contains(r#"href="/cancel/abc?lang=hu" hreflang"#));
        // Whatever the address holds stays inside the attribute.
        let switched = switch_to_same_page(&page, "/complaints", r#"x="><script>"#).unwrap();
        assert!(switched.contains(r#"href="/complaints?x=&quot;&gt;&lt;script&gt;&amp;lang=en""#));
        // Never a link to another site, and nothing to do on a page without the switch.
        assert_eq!(switch_to_same_page(&page, "//evil.example", ""), None);
        assert_eq!(switch_to_same_page("<p>no header</p>", "/", ""), None);
    }

    #[test]
    fn every_page_has_a_description_in_its_language() {
        // A notice's one sentence is its description.
        for lang in Lang::ALL {
            let page = notice_page(lang, "T", "Said & done");
            assert!(
                page.contains(r#"<meta name="description" content="Said &#38; done">"#),
                "{page}"
            );
        }
        let hungarian = link_invalid_page(Lang::Hu);
        assert!(hungarian.contains("<title>Érvénytelen hivatkozás · ghiseu</title>"));
        assert!(hungarian.contains("Főoldal") || hungarian.contains("Foglalás ellenőrzése"));
    }
}
