//! The supervisor's numbers (issue 23): `/staff/stats?from=…&to=…` draws every figure
//! as a chart beside its table; `/staff/stats/{figure}.csv` exports one.

use super::chart::Chart;
use super::shell::Frame;
use crate::context::Context;
use crate::kernel::error::Error;
use crate::kernel::text::Lang;
use crate::kernel::time::OFFICE_TZ;
use crate::staff::session::Session;
use crate::stats::{self, Period, Table};
use crate::web::html::render;
use crate::web::toolkit::{Request, Response, html_response, query_pairs, respond};
use askama::Template;
use http::{StatusCode, header};

pub struct Figure {
    pub table: Table,
    pub chart: Option<Chart>,
}

fn period(req: &Request, ctx: &Context) -> Result<Period, Error> {
    let query = query_pairs(req);
    let today = ctx.now.with_timezone(&OFFICE_TZ).date_naive();
    Period::parse(
        query.get("from").map(String::as_str),
        query.get("to").map(String::as_str),
        today,
    )
}

pub(super) fn dashboard(
    req: &Request,
    ctx: &Context,
    session: &Session,
) -> Result<Response, Error> {
    #[derive(Template)]
    #[template(path = "staff/stats.html")]
    struct StatsPage {
        lang: Lang,
        title: String,
        frame: Frame,
        period: Period,
        figures: Vec<Figure>,
    }
    let lang = session.lang;
    let period = period(req, ctx)?;
    let figures = stats::all(ctx.db, ctx.office, ctx.setup()?, &period, ctx.now)?
        .into_iter()
        .map(|table| Figure {
            chart: Chart::of(&table, lang),
            table,
        })
        .collect();
    let html = render(StatsPage {
        lang,
        title: lang.tr("staff-nav-stats"),
        frame: Frame::new(req, session),
        period,
        figures,
    });
    Ok(html_response(StatusCode::OK, html))
}

/// One figure as CSV, named after it and the period.
pub(super) fn export(
    req: &Request,
    ctx: &Context,
    session: &Session,
    file: &str,
) -> Result<Response, Error> {
    let id = file.strip_suffix(".csv").ok_or(Error::NotFound)?;
    let period = period(req, ctx)?;
    let table = stats::by_id(ctx.db, ctx.office, ctx.setup()?, &period, id, ctx.now)?.ok_or(Error::NotFound)?;
    let csv = stats::csv::write(&table, session.lang).into_bytes();
    let mut response = respond(StatusCode::OK, "text/csv; charset=utf-8", csv);
    let name = format!(
        "attachment; filename=\"{}-{}-{}.csv\"",
        table.id, period.from, period.to
    );
    response.headers_mut().insert(
        header::CONTENT_DISPOSITION,
        http::HeaderValue::from_str(&name).expect("ASCII header"),
    );
    Ok(response)
}
