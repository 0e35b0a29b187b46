//! A figure drawn as SVG on the server (no JavaScript): one horizontal bar per row and
//! charted column, scaled to the largest value (a share to at least 100 %). The table
//! beside it carries the same numbers for screen readers and for copying.

use crate::kernel::text::Lang;
use crate::stats::{Kind, Table};

/// Rows drawn at most; the table below the chart holds them all.
const MAX_ROWS: usize = 62;
const WIDTH: f64 = 640.0;
/// Where the bars start: the row labels sit left of it.
const BARS_X: f64 = 190.0;
/// Room right of the longest bar for its value.
const VALUE_ROOM: f64 = 56.0;
const BAR_HEIGHT: f64 = 12.0;
const ROW_GAP: f64 = 8.0;
const TOP: f64 = 24.0;

pub struct Bar {
    pub y: f64,
    pub width: f64,
    pub series: usize,
    pub value: String,
}

pub struct Row {
    pub label: String,
    pub label_y: f64,
    pub bars: Vec<Bar>,
}

pub struct Legend {
    pub x: f64,
    pub series: usize,
    pub name: String,
}

pub struct Chart {
    pub width: f64,
    pub height: f64,
    pub bars_x: f64,
    pub bar_height: f64,
    pub rows: Vec<Row>,
    pub legend: Vec<Legend>,
    /// How many rows the chart left out (0: it draws them all).
    pub left_out: usize,
}

impl Chart {
    /// The chart of a figure; None when it has no rows or nothing to draw.
    pub fn of(table: &Table, lang: Lang) -> Option<Chart> {
        if table.rows.is_empty() || table.charted.is_empty() {
            return None;
        }
        let drawn = &table.rows[..table.rows.len().min(MAX_ROWS)];
        let largest = drawn
            .iter()
            .flat_map(|row| table.charted.iter().filter_map(|c| row[*c].number()))
            .fold(0.0_f64, f64::max);
        let percent = table
            .charted
            .iter()
            .all(|c| table.columns[*c].kind == Kind::Percent);
        let scale_to = if percent { largest.max(100.0) } else { largest };
        let room = WIDTH - BARS_X - VALUE_ROOM;
        let per_row = table.charted.len() as f64 * BAR_HEIGHT + ROW_GAP;
        let rows = drawn
            .iter()
            .enumerate()
            .map(|(i, row)| {
                let top = TOP + i as f64 * per_row;
                Row {
                    label: table.label(row, lang),
                    label_y: top + table.charted.len() as f64 * BAR_HEIGHT / 2.0 + 4.0,
                    bars: table
                        .charted
                        .iter()
                        .enumerate()
                        .map(|(series, c)| {
                            let value = row[*c].number().unwrap_or(0.0);
                            Bar {
                                y: top + series as f64 * BAR_HEIGHT,
                                width: if scale_to > 0.0 {
                                    (room * value / scale_to).max(0.0)
                                } else {
                                    0.0
                                },
                                series,
                                value: row[*c].shown(lang),
                            }
                        })
                        .collect(),
                }
            })
            .collect();
        let legend = table
            .charted
            .iter()
            .enumerate()
            .map(|(series, c)| Legend {
                x: BARS_X + series as f64 * 220.0,
                series,
                name: lang.tr(table.columns[*c].name),
            })
            .collect();
        Some(Chart {
            width: WIDTH,
            height: TOP + drawn.len() as f64 * per_row,
            bars_x: BARS_X,
            bar_height: BAR_HEIGHT - 2.0,
            rows,
            legend,
            left_out: table.rows.len() - drawn.len(),
        })
    }
}
