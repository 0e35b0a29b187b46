//! Numbers the language's way: Romanian writes 1.234,50, English 1,234.50, Hungarian
//! 12 345,50 (CLDR: Hungarian groups from five digits). Fluent hands every number it
//! prints to the language's formatter; the plural it selects is unaffected.

use super::Lang;
use fluent_bundle::FluentValue;
use intl_memoizer::concurrent::IntlLangMemoizer;

type Formatter = fn(&FluentValue, &IntlLangMemoizer) -> Option<String>;

struct Style {
    group: &'static str,
    decimal: char,
    /// The fewest integer digits that are grouped at all.
    group_from: usize,
}

pub(super) fn formatter(lang: Lang) -> Formatter {
    match lang {
        Lang::Ro => |v, _| format(v, &RO),
        Lang::En => |v, _| format(v, &EN),
        Lang::Hu => |v, _| format(v, &HU),
    }
}

const RO: Style = Style {
    group: ".",
    decimal: ',',
    group_from: 4,
};
const EN: Style = Style {
    group: ",",
    decimal: '.',
    group_from: 4,
};
const HU: Style = Style {
    group: "\u{a0}",
    decimal: ',',
    group_from: 5,
};

fn format(value: &FluentValue, style: &Style) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let decimals = n.options.minimum_fraction_digits.unwrap_or(0);
    let plain = format!("{:.*}", decimals, n.value.abs());
    let (integer, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
    let mut out = String::new();
    if n.value < 0.0 {
        out.push('-');
    }
    let grouped = n.options.use_grouping && integer.len() >= style.group_from;
    for (at, digit) in integer.chars().enumerate() {
        let left = integer.len() - at;
        if grouped && at > 0 && left % 3 == 0 {
            out.push_str(style.group);
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(style.decimal);
        out.push_str(fraction);
    }
    Some(out)
}
