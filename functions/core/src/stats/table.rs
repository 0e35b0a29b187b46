//! A figure: named columns and rows of cells, whatever it counts. Its texts are message
//! ids (`stats.ftl`), so a figure is built once and shown in any language.

use crate::kernel::i18n::{self, dates};
use crate::kernel::text::Lang;
use chrono::{NaiveDate, NaiveDateTime};

/// What a column holds, which decides how it is shown and exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Names the row (a day, a service, a channel).
    Label,
    Count,
    /// A share, 0–100; empty when there is nothing to divide by.
    Percent,
    /// A duration in minutes; empty when it never happened (a day that never filled).
    Minutes,
    /// A duration in hours, one decimal; empty when it never happened.
    Hours,
    /// An amount in lei, two decimals (kept in bani, so never rounded on the way).
    Money,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The message naming it: the table's and the CSV's heading.
    pub name: &'static str,
    pub kind: Kind,
}

pub const fn column(name: &'static str, kind: Kind) -> Column {
    Column { name, kind }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Label(String),
    /// A day, labelling its row.
    Day(NaiveDate),
    /// An office-time minute, labelling its row.
    Moment(NaiveDateTime),
    Number(Option<f64>),
    /// An amount in bani, shown in lei with two decimals.
    Money(i64),
}

impl Cell {
    pub fn count(n: i64) -> Cell {
        Cell::Number(Some(n as f64))
    }

    /// `part` of `whole` in percent, one decimal; empty when `whole` is 0.
    pub fn percent(part: i64, whole: i64) -> Cell {
        Cell::Number((whole > 0).then(|| (1000.0 * part as f64 / whole as f64).round() / 10.0))
    }

    /// An amount in bani (1 leu = 100 bani).
    pub fn money(bani: i64) -> Cell {
        Cell::Money(bani)
    }

    /// A duration in seconds as hours, one decimal; empty when it never happened.
    pub fn hours(seconds: Option<f64>) -> Cell {
        Cell::Number(seconds.map(|s| (s / 360.0).round() / 10.0))
    }

    pub fn number(&self) -> Option<f64> {
        match self {
            Cell::Number(n) => *n,
            Cell::Money(bani) => Some(*bani as f64 / 100.0),
            Cell::Label(_) | Cell::Day(_) | Cell::Moment(_) => None,
        }
    }

    /// As the CSV writes it, the same in every language: labels as they are, days and
    /// minutes as ISO 8601 (`2026-11-25`, `2026-11-25 08:30`), numbers without a
    /// needless `.0`, money in lei with two decimals (`25.00`), nothing for an empty
    /// figure.
    pub fn text(&self) -> String {
        match self {
            Cell::Label(s) => s.clone(),
            Cell::Day(d) => d.to_string(),
            Cell::Moment(m) => m.format("%Y-%m-%d %H:%M").to_string(),
            Cell::Number(None) => String::new(),
            Cell::Number(Some(n)) if n.fract() == 0.0 => format!("{n:.0}"),
            Cell::Number(Some(n)) => format!("{n:.1}"),
            Cell::Money(bani) => {
                let sign = if *bani < 0 { "-" } else { "" };
                let bani = bani.unsigned_abs();
                format!("{sign}{}.{:02}", bani / 100, bani % 100)
            }
        }
    }
}

impl Cell {
    /// As the page shows it, the language's way: days and minutes in figures
    /// (`25.11.2026`), numbers grouped and with the language's decimal mark
    /// (`1.234`, `33,3`, `175,00`).
    pub fn shown(&self, lang: Lang) -> String {
        let number = |value: f64, decimals| {
            lang.tr1("stats-number", "value", i18n::decimal(value, decimals))
        };
        match self {
            Cell::Label(s) => s.clone(),
            Cell::Day(d) => dates::date_numeric(*d, lang),
            Cell::Moment(m) => dates::date_time_numeric(*m, lang),
            Cell::Number(None) => String::new(),
            Cell::Number(Some(n)) if n.fract() == 0.0 => number(*n, 0),
            Cell::Number(Some(n)) => number(*n, 1),
            Cell::Money(bani) => number(*bani as f64 / 100.0, 2),
        }
    }
}

/// One figure over the period.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Stable, for the page's anchors and the export's address (`/staff/stats/{id}.csv`).
    pub id: &'static str,
    /// The message naming the figure.
    pub title: &'static str,
    /// The message saying what the figure means, in a sentence (how it is counted).
    pub about: &'static str,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// The columns the chart draws, one bar each per row.
    pub charted: Vec<usize>,
}

impl Table {
    /// The row's label as the page shows it: its label cells joined (e.g.
    /// "23.11.2026 · passport").
    pub fn label(&self, row: &[Cell], lang: Lang) -> String {
        row.iter()
            .zip(&self.columns)
            .filter(|(_, c)| c.kind == Kind::Label)
            .map(|(cell, _)| cell.shown(lang))
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// The middle value, or the mean of the two middle ones; None for none.
pub fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}
