//! A figure as CSV (RFC 4180): UTF-8 with a byte-order mark so a spreadsheet keeps
//! the diacritics, CRLF line ends, every field quoted, and a field that a spreadsheet
//! would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return first) led by an
//! apostrophe, so an export opened in Excel runs nothing. The headings are in the
//! viewer's language; the values are the same in every language (ISO days, a decimal
//! point, no grouping), so an export reads the same whoever downloaded it.

use super::table::{Kind, Table};
use crate::kernel::text::Lang;

pub fn write(table: &Table, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = table
        .columns
        .iter()
        .map(|c| field(&lang.tr(c.name), Kind::Label))
        .collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for row in &table.rows {
        let fields: Vec<String> = row
            .iter()
            .zip(&table.columns)
            .map(|(cell, column)| field(&cell.text(), column.kind))
            .collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

fn field(text: &str, kind: Kind) -> String {
    // A number of ours is a number; any text may have come from outside.
    let risky = kind == Kind::Label && text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let text = if risky {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    format!("\"{}\"", text.replace('"', "\"\""))
}
