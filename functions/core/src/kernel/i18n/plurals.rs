//! `PLURAL($count)`: the plural category of a number by today's CLDR rules, for a
//! message's selector. Fluent's own selector reads CLDR 37's rules (intl_pluralrules),
//! by which Romanian's 101 takes "de" ("101 de locuri"); CLDR 38 corrected that
//! ("101 locuri"), and ICU4X carries the corrected rules. So our messages select on
//! `PLURAL($count)`, never on `$count` itself (the message files' test holds them to it).

use super::Lang;
use fluent_bundle::{FluentArgs, FluentValue};
use icu_plurals::{PluralCategory, PluralRules};

fn rules(lang: Lang) -> PluralRules {
    let locale: icu_locale_core::Locale = lang.code().parse().expect("a language code is a locale");
    PluralRules::try_new_cardinal(locale.into()).expect("CLDR has every language ghiseu speaks")
}

/// The function a bundle calls: the category's CLDR keyword, or the argument unchanged
/// when it isn't a whole number. The rules come from data compiled in, so building them
/// per call costs next to nothing (and they can't be shared between threads, which a
/// bundle's functions must be).
pub(super) fn function(
    lang: Lang,
) -> impl for<'a> Fn(&[FluentValue<'a>], &FluentArgs) -> FluentValue<'a> + Send + Sync + 'static {
    move |positional, _| match positional.first() {
        Some(FluentValue::Number(n)) if n.value.fract() == 0.0 && n.value.abs() < 1e15 => {
            FluentValue::from(keyword(rules(lang).category_for(n.value.abs() as u64)))
        }
        Some(other) => other.clone(),
        None => FluentValue::Error,
    }
}

fn keyword(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}
