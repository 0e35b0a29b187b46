//! The office's texts in every language, from Project Fluent files: one file a language
//! an area (`functions/core/locales/{ro,en,hu}/{area}.ftl`), each message's id starting
//! with its area (`booking-…` lives in `booking.ftl`). Plurals follow CLDR's rules
//! (Romanian's "1 loc", "2 locuri", "20 de locuri", "101 locuri" are ICU4X's, not ours:
//! see `plurals`);
//! numbers and dates are written the language's way (`numbers`, `dates`).
//!
//! Each component instance serves one request, so a file is parsed only when a message
//! of its area is first asked for, and only in the language asked: the booking API's
//! hot path reads none.

pub mod dates;
mod lang;
mod numbers;
mod plurals;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
pub use lang::Lang;
use std::sync::OnceLock;

mod table {
    include!(concat!(env!("OUT_DIR"), "/locales.rs"));
}

/// Reading a message: here rather than in `lang`, which the number and plural rules
/// read and which so reads nothing back.
impl Lang {
    /// The message `id` in this language (`locales/{code}/{area}.ftl`).
    pub fn tr(self, id: &str) -> String {
        message(self, id, None)
    }

    /// The message `id` with one argument, e.g. `$count` for a plural.
    pub fn tr1<'a>(self, id: &str, name: &'a str, value: impl Into<Arg<'a>>) -> String {
        let mut args = Args::new();
        args.set(name, value.into());
        message(self, id, Some(&args))
    }

    /// The message `id` with two arguments.
    pub fn tr2<'a>(
        self,
        id: &str,
        (n1, v1): (&'a str, impl Into<Arg<'a>>),
        (n2, v2): (&'a str, impl Into<Arg<'a>>),
    ) -> String {
        let mut args = Args::new();
        args.set(n1, v1.into());
        args.set(n2, v2.into());
        message(self, id, Some(&args))
    }

    /// The message `id` with any number of arguments.
    pub fn tr_args(self, id: &str, args: &Args) -> String {
        message(self, id, Some(args))
    }
}

/// A message's argument: text or a number (plurals select on numbers).
pub type Arg<'a> = FluentValue<'a>;
/// A message's named arguments.
pub type Args<'a> = FluentArgs<'a>;

type Bundle = FluentBundle<FluentResource>;

/// A number shown with exactly `decimals` decimals, grouped the language's way when the
/// message prints it (`numbers`).
pub fn decimal(value: f64, decimals: usize) -> Arg<'static> {
    let mut n = fluent_bundle::types::FluentNumber::from(value);
    n.options.minimum_fraction_digits = Some(decimals);
    Arg::Number(n)
}

static BUNDLES: [OnceLock<Bundle>; table::FILES.len()] =
    [const { OnceLock::new() }; table::FILES.len()];

/// Every message file: (language code, area, text).
pub fn files() -> &'static [(&'static str, &'static str, &'static str)] {
    table::FILES
}

fn bundle(lang: Lang, area: &str) -> Option<&'static Bundle> {
    let at = table::FILES
        .iter()
        .position(|&(code, a, _)| code == lang.code() && a == area)?;
    Some(BUNDLES[at].get_or_init(|| {
        let (_, _, text) = table::FILES[at];
        // A file with a syntax error keeps the messages it could read; the message
        // files' test refuses any error, so none ships.
        let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(r, _)| r);
        let locale = lang.code().parse().expect("a language code is a locale");
        let mut bundle = Bundle::new_concurrent(vec![locale]);
        // The texts go into HTML, emails and SMS, where Unicode isolation marks would
        // show as stray characters.
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(numbers::formatter(lang)));
        bundle
            .add_function("PLURAL", plurals::function(lang))
            .expect("PLURAL is added once");
        // Ids are unique within a file (the test checks), so adding can't clash.
        let _ = bundle.add_resource(resource);
        bundle
    }))
}

/// The message `id` in `lang`, with its arguments. An id that isn't there reads as
/// itself (the message files' test fails on any such id before it can ship).
pub(super) fn message(lang: Lang, id: &str, args: Option<&Args>) -> String {
    let area = id.split('-').next().unwrap_or(id);
    let Some(bundle) = bundle(lang, area) else {
        return id.to_owned();
    };
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

/// Whether `id` renders in `lang` without an error, given these arguments: for the
/// message files' tests.
pub fn renders_cleanly(lang: Lang, id: &str, args: Option<&Args>) -> Result<String, String> {
    let area = id.split('-').next().unwrap_or(id);
    let bundle = bundle(lang, area).ok_or_else(|| format!("no {area}.ftl in {}", lang.code()))?;
    let pattern = bundle
        .get_message(id)
        .and_then(|m| m.value())
        .ok_or_else(|| format!("no {id} in {}", lang.code()))?;
    let mut errors = Vec::new();
    let text = bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned();
    if errors.is_empty() {
        Ok(text)
    } else {
        Err(format!("{id} in {}: {errors:?}", lang.code()))
    }
}

#[cfg(test)]
mod tests;
