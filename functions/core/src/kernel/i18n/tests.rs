//! The message files are complete and used: the same ids in every language, each in the
//! file of its area, each written without a syntax error, each id the code asks for
//! there, none that nothing asks for; plurals and numbers the language's way.

use super::*;
use chrono::NaiveDate;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn ids_of(text: &str) -> Vec<String> {
    let resource = fluent_syntax::parser::parse(text).unwrap_or_else(|(_, e)| panic!("{e:?}"));
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// language → ids, checking each file on the way.
fn catalogue() -> BTreeMap<&'static str, BTreeSet<String>> {
    let mut by_language: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for &(language, area, text) in files() {
        if let Err((_, errors)) = FluentResource::try_new(text.to_owned()) {
            panic!("{language}/{area}.ftl doesn't parse: {errors:?}");
        }
        let ids = by_language.entry(language).or_default();
        for id in ids_of(text) {
            assert!(
                id.starts_with(&format!("{area}-")),
                "{language}/{area}.ftl: `{id}` belongs in the file of its own area"
            );
            assert!(ids.insert(id.clone()), "{language}: `{id}` twice");
        }
    }
    by_language
}

#[test]
fn every_language_has_the_same_messages() {
    let by_language = catalogue();
    let codes: BTreeSet<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
    assert_eq!(by_language.keys().copied().collect::<BTreeSet<_>>(), codes);
    let all: BTreeSet<&String> = by_language.values().flatten().collect();
    for (language, ids) in &by_language {
        let missing: Vec<_> = all.iter().filter(|id| !ids.contains(**id)).collect();
        assert!(missing.is_empty(), "{language} lacks {missing:?}");
    }
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path
            .extension()
            .is_some_and(|x| ["rs", "html", "js", "txt", "ics"].contains(&x.to_str().unwrap_or("")))
        {
            out.push(path);
        }
    }
}

/// Every file that may ask for a message: the functions' code and templates, and the
/// static pages and scripts.
fn source_texts() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut paths = Vec::new();
    sources(&root.join("functions"), &mut paths);
    sources(&root.join("static"), &mut paths);
    paths
        .into_iter()
        .filter(|p| !p.ends_with("kernel/i18n/tests.rs"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("a text file");
            (p, text)
        })
        .collect()
}

/// Every quoted word ('…' or "…" around letters, digits, `-` and `_` only) and every
/// `{{…}}` marker of a static page. A word is found by its own two quotes, whatever
/// quotes surround it (`attr="{{ lang.tr("id") }}"` in a template).
fn literals(text: &str) -> BTreeSet<&str> {
    let mut out = BTreeSet::new();
    let bytes = text.as_bytes();
    for (at, &quote) in bytes.iter().enumerate() {
        if quote != b'"' && quote != b'\'' {
            continue;
        }
        let start = at + 1;
        let end = start
            + bytes[start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b'_')
                .count();
        if end > start && bytes.get(end) == Some(&quote) {
            out.insert(&text[start..end]);
        }
    }
    for piece in text.split("{{").skip(1) {
        if let Some((inner, _)) = piece.split_once("}}") {
            out.insert(inner.trim());
        }
    }
    out
}

/// The ids the code asks for by name: the first argument of `.tr`, `.tr1`, `.tr2`,
/// `tr_args`, and a static page's `{{id}}`.
fn asked_for(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for call in [".tr(", ".tr1(", ".tr2(", ".tr_args("] {
        for piece in text.split(call).skip(1) {
            let piece = piece.trim_start();
            if let Some(rest) = piece.strip_prefix('"')
                && let Some((id, _)) = rest.split_once('"')
            {
                out.insert(id.to_owned());
            }
        }
    }
    for piece in text.split("{{").skip(1) {
        if let Some((inner, _)) = piece.split_once("}}") {
            let inner = inner.trim();
            if is_id(inner) {
                out.insert(inner.to_owned());
            }
        }
    }
    out
}

fn is_id(s: &str) -> bool {
    s.contains('-')
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

#[test]
fn every_message_asked_for_exists_and_every_message_is_asked_for() {
    let by_language = catalogue();
    let defined = &by_language["ro"];
    let texts = source_texts();
    let mut missing = BTreeSet::new();
    let mut quoted = BTreeSet::new();
    for (path, text) in &texts {
        for id in asked_for(text) {
            if !defined.contains(&id) {
                missing.insert(format!("{id} ({})", path.display()));
            }
        }
        quoted.extend(literals(text).into_iter().map(str::to_owned));
    }
    assert!(
        missing.is_empty(),
        "asked for but not in the message files: {missing:#?}"
    );
    // An error's message is asked for by the error's code.
    let unused: Vec<_> = defined
        .iter()
        .filter(|id| {
            !quoted.contains(*id)
                && !id
                    .strip_prefix("error-")
                    .is_some_and(|code| quoted.contains(code))
        })
        .collect();
    assert!(
        unused.is_empty(),
        "in the message files but asked for nowhere: {unused:#?}"
    );
}

/// Whether the message selects on `PLURAL($count)`; a selector on `$count` itself is
/// refused (see `plurals` for why).
fn counts(text: &str, id: &str) -> bool {
    let resource = fluent_syntax::parser::parse(text).expect("parses");
    resource.body.iter().any(|entry| match entry {
        Entry::Message(m) if m.id.name == id => m.value.as_ref().is_some_and(|p| {
            p.elements.iter().any(|e| {
                let PatternElement::Placeable { expression: Expression::Select { selector, .. } } = e else {
                    return false;
                };
                match selector {
                    InlineExpression::FunctionReference { id: f, arguments } => {
                        f.name == "PLURAL"
                            && matches!(arguments.positional.first(), Some(InlineExpression::VariableReference { id }) if id.name == "count")
                    }
                    InlineExpression::VariableReference { .. } => {
                        panic!("{id}: select on PLURAL($var), not on the number itself")
                    }
                    _ => false,
                }
            })
        }),
        _ => false,
    })
}

#[test]
fn number_dependent_texts_take_each_languages_forms() {
    let mut checked = 0;
    for &(language, _, text) in files() {
        let lang = Lang::from_code(Some(language));
        for id in ids_of(text).into_iter().filter(|id| counts(text, id)) {
            let render = |n: i64| {
                let mut args = Args::new();
                args.set("count", n);
                renders_cleanly(lang, &id, Some(&args)).unwrap_or_else(|e| panic!("{e}"))
            };
            let shown: Vec<(i64, String)> =
                [0, 1, 2, 19, 20, 21, 101].map(|n| (n, render(n))).into();
            if lang == Lang::Ro {
                // Romanian's three forms: "1 loc", "2 locuri", "20 de locuri" (from 20
                // up, unless the last two digits are 01–19: "101 locuri").
                for (n, text) in &shown {
                    if !text.contains(&n.to_string()) {
                        continue;
                    }
                    let with_de = text.contains(&format!("{n} de "));
                    assert_eq!(with_de, [20, 21].contains(n), "{id} for {n}: {text}");
                }
                assert_ne!(
                    shown[1].1,
                    shown[2].1.replace('2', "1"),
                    "{id}: 1 takes the singular"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 0, "no number-dependent message found");
}

#[test]
fn numbers_are_written_the_languages_way() {
    let shown = |lang: Lang, n: f64, decimals: Option<usize>| {
        let mut v = fluent_bundle::types::FluentNumber::from(n);
        v.options.minimum_fraction_digits = decimals;
        numbers::formatter(lang)(
            &FluentValue::Number(v),
            &intl_memoizer::concurrent::IntlLangMemoizer::new("ro".parse().unwrap()),
        )
        .expect("a number")
    };
    assert_eq!(shown(Lang::Ro, 1234.5, Some(2)), "1.234,50");
    assert_eq!(shown(Lang::En, 1234.5, Some(2)), "1,234.50");
    assert_eq!(shown(Lang::Hu, 1234.0, None), "1234");
    assert_eq!(shown(Lang::Hu, 12345.0, None), "12\u{a0}345");
    assert_eq!(shown(Lang::Ro, 999.0, None), "999");
    assert_eq!(shown(Lang::Ro, 1_000_000.0, None), "1.000.000");
}

#[test]
fn dates_are_written_the_languages_way() {
    let d = NaiveDate::from_ymd_opt(2026, 11, 25).expect("a date");
    assert_eq!(dates::day_long(d, Lang::Ro), "miercuri 25 noiembrie");
    assert_eq!(dates::day_long(d, Lang::En), "Wednesday 25 November");
    assert_eq!(dates::day_long(d, Lang::Hu), "november 25., szerda");
    assert_eq!(dates::date_long(d, Lang::Hu), "2026. november 25.");
    assert_eq!(dates::date_long(d, Lang::Ro), "25 noiembrie 2026");
    assert_eq!(dates::month_year(2026, 11, Lang::Hu), "2026. november");
    assert_eq!(dates::date_numeric(d, Lang::Hu), "2026. 11. 25.");
    assert_eq!(dates::date_numeric(d, Lang::Ro), "25.11.2026");
}

#[test]
fn the_language_is_read_from_accept_language() {
    assert_eq!(
        Lang::from_accept_language("hu-HU,hu;q=0.9,en;q=0.8"),
        Some(Lang::Hu)
    );
    assert_eq!(
        Lang::from_accept_language("de-DE, en;q=0.5, ro;q=0.7"),
        Some(Lang::Ro)
    );
    assert_eq!(Lang::from_accept_language("de, fr;q=0.5"), None);
    assert_eq!(Lang::from_accept_language("en;q=0, hu"), Some(Lang::Hu));
    assert_eq!(Lang::from_code(Some("HU")), Lang::Hu);
    assert_eq!(Lang::from_code(Some("xx")), Lang::Ro);
}

/// Every error code the code can produce, with a file that produces it: the literal
/// first argument of each call that makes an error, and the codes `Error::code` names.
fn error_codes(texts: &[(PathBuf, String)]) -> BTreeMap<String, PathBuf> {
    let is_code = |s: &str| {
        !s.is_empty()
            && s.starts_with(|c: char| c.is_ascii_lowercase())
            && s.chars().all(|c| c.is_ascii_lowercase() || c == '_')
    };
    let mut out = BTreeMap::new();
    let calls = [
        "Error::field(",
        "Error::conflict(",
        "FieldError::new(",
        "refuse(",
        "refused(",
        "Error::Gone(",
        "Error::WebhookRefused(",
    ];
    for (path, text) in texts {
        for call in calls {
            for piece in text.split(call).skip(1) {
                if let Some(rest) = piece.trim_start().strip_prefix('"')
                    && let Some((code, _)) = rest.split_once('"')
                {
                    assert!(
                        is_code(code),
                        "{}: `{code}` is not an error code",
                        path.display()
                    );
                    out.insert(code.to_owned(), path.clone());
                }
            }
        }
        // `Error::code`: each arm's value, e.g. `Error::NotFound => "not_found",`.
        if path.ends_with("kernel/error.rs") {
            let body = text
                .split_once("pub fn code(&self)")
                .and_then(|(_, rest)| rest.split_once("\n    }\n"))
                .expect("error.rs has Error::code")
                .0;
            for arm in body.split("=>").skip(1) {
                let arm = arm.trim_start().trim_start_matches('{').trim_start();
                if let Some(rest) = arm.strip_prefix('"')
                    && let Some((code, _)) = rest.split_once('"')
                {
                    out.insert(code.to_owned(), path.clone());
                }
            }
        }
    }
    out
}

#[test]
fn every_error_code_has_its_message_in_every_language() {
    let codes = error_codes(&source_texts());
    for code in [
        "invalid_vin",
        "idempotency_key_reused",
        "challenge_used",
        "already_resolved",
        "download_expired",
        "signature_invalid",
        "not_found",
        "rate_limited",
        "contact_banned",
        "office_config_invalid",
        "internal",
    ] {
        assert!(codes.contains_key(code), "the scan missed {code}");
    }
    // The arguments the messages with a value take (more are ignored).
    let mut args = Args::new();
    args.set("count", 30);
    args.set("until", "20 decembrie 2026");
    let mut missing = Vec::new();
    for lang in Lang::ALL {
        for (code, path) in &codes {
            if let Err(e) = renders_cleanly(lang, &format!("error-{code}"), Some(&args)) {
                missing.push(format!("{e} (for {})", path.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "error codes without their message: {missing:#?}"
    );
}
