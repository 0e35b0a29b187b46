//! The complaints desk (C02–C05, T02): the queue by nearest deadline, a complaint's
//! detail and event log, and its workflow steps.

use super::shell::{Frame, form, id_of, local_time, moment};
use crate::complaints;
use crate::complaints::Complaint;
use crate::complaints::MAX_DESCRIPTION;
use crate::complaints::Progress;
use crate::complaints::{Kind, Vocabulary};
use crate::context::Context;
use crate::kernel::error::Error;
use crate::kernel::i18n::dates::date_numeric;
use crate::kernel::text::Lang;
use crate::staff::Task;
use crate::staff::actions;
use crate::staff::session::Session;
use crate::web::html::render;
use crate::web::toolkit::Request;
use crate::web::toolkit::Response;
use crate::web::toolkit::html_response;
use crate::web::toolkit::query_pairs;
use crate::web::toolkit::see_other;
use askama::Template;
use chrono::Duration;
use http::StatusCode;

/// The queue's filters: the code, and the message naming it.
const FILTERS: [(&str, &str); 5] = [
    ("open", "staff-complaints-filter-open"),
    ("due_soon", "staff-complaints-filter-due-soon"),
    ("overdue", "staff-complaints-filter-overdue"),
    ("escalated", "staff-complaints-filter-escalated"),
    ("all", "staff-complaints-filter-all"),
];

pub(super) fn complaints_desk(
    req: &Request,
    ctx: &Context,
    session: &Session,
    rest: &[&str],
    get: bool,
) -> Result<Response, Error> {
    let lang = session.lang;
    let who = &session.staff;
    let warning = Duration::hours(i64::from(ctx.office.sla_warning_hours));
    match (rest, get) {
        ([], true) => {
            #[derive(Template)]
            #[template(path = "staff/complaints.html")]
            struct QueuePage<'a> {
                lang: Lang,
                title: String,
                frame: Frame,
                filters: [(&'a str, &'a str); 5],
                filter: String,
                rows: Vec<complaints::ListedComplaint>,
            }
            let filter = query_pairs(req)
                .remove("filter")
                .unwrap_or_else(|| "open".to_owned());
            let mut rows = complaints::list(ctx.db, ctx.office, &filter, warning, ctx.now)?;
            // Nearest deadline first; resolved complaints (no deadline) last.
            rows.sort_by(|a, b| {
                let (x, y) = (a.status.next_deadline(), b.status.next_deadline());
                (x.is_none(), x).cmp(&(y.is_none(), y))
            });
            let html = render(QueuePage {
                lang,
                title: lang.tr("staff-nav-complaints"),
                frame: Frame::new(req, session),
                filters: FILTERS,
                filter,
                rows,
            });
            Ok(html_response(StatusCode::OK, html))
        }
        ([id], true) => {
            #[derive(Template)]
            #[template(path = "staff/complaint.html")]
            struct DetailPage {
                lang: Lang,
                title: String,
                frame: Frame,
                id: i64,
                rows: Vec<(String, String)>,
                events: Vec<(String, String, String, String)>,
                open: bool,
                acknowledged: bool,
                can_exempt: bool,
                max_text: usize,
            }
            let id = id_of(id)?;
            let found = Complaint::by_id(ctx.db, id)?.ok_or(Error::NotFound)?;
            let events = complaints::events(ctx.db, id)?;
            let progress = Progress::compute(&found, &events, &ctx.office.business_days());
            let status = complaints::ComplaintStatusView::new(&found, &progress);
            let flags = progress.flags(warning, ctx.now).join(", ");
            let optional = |v: &Option<String>| v.clone().unwrap_or_default();
            let time = |t: &str| moment(t, &lang);
            let rows = vec![
                (lang.tr("staff-column-kind"), found.kind.clone()),
                (lang.tr("staff-column-state"), status.state.to_owned()),
                (lang.tr("staff-column-level"), status.level.to_string()),
                (lang.tr("staff-column-flags"), flags),
                (
                    lang.tr("staff-complaint-received"),
                    time(&status.received_at),
                ),
                (
                    lang.tr("staff-complaint-acknowledge-by"),
                    time(&status.acknowledge_by),
                ),
                (
                    lang.tr("staff-complaint-progress-by"),
                    status
                        .progress_update_by
                        .as_deref()
                        .map(time)
                        .unwrap_or_default(),
                ),
                (
                    lang.tr("staff-complaint-resolve-by"),
                    time(&status.resolve_by),
                ),
                (
                    lang.tr("staff-complaint-description"),
                    found.description.clone(),
                ),
                (
                    lang.tr("staff-complaint-solution-idea"),
                    optional(&found.solution_idea),
                ),
                (lang.tr("staff-field-email"), optional(&found.email)),
                (lang.tr("staff-field-phone"), optional(&found.phone)),
                (
                    lang.tr("staff-complaint-order"),
                    found.order_id.map(|o| format!("#{o}")).unwrap_or_default(),
                ),
            ];
            let events = events
                .iter()
                .map(|e| {
                    let what = match e.until {
                        Some(until) => format!("{} → {}", e.kind, date_numeric(until, lang)),
                        None => e.kind.clone(),
                    };
                    (
                        local_time(e.at, lang),
                        what,
                        optional(&e.staff),
                        optional(&e.text),
                    )
                })
                .collect();
            let html = render(DetailPage {
                lang,
                title: lang.tr1("staff-complaint-title", "id", id.to_string()),
                frame: Frame::new(req, session),
                id,
                rows,
                events,
                open: status.resolved_at.is_none(),
                acknowledged: status.acknowledged_at.is_some(),
                can_exempt: session.role.may(Task::Supervise)
                    && found.kind == Kind::Proposal.code()
                    && found.booking_id.is_some(),
                max_text: MAX_DESCRIPTION,
            });
            Ok(html_response(StatusCode::OK, html))
        }
        ([id, "exemption"], false) => {
            let fields = form(req, session)?;
            let id = id_of(id)?;
            actions::grant_for_proposal(ctx, who, id, fields.get("reason").map(String::as_str))?;
            Ok(see_other(&format!("/staff/complaints/{id}?done=exemption")))
        }
        (
            [
                id,
                step @ ("acknowledge" | "progress" | "resolve" | "timeline"),
            ],
            false,
        ) => {
            let fields = form(req, session)?;
            let id = id_of(id)?;
            actions::complaint_step(ctx, who, id, step, &fields)?;
            Ok(see_other(&format!("/staff/complaints/{id}?done=step")))
        }
        _ => Err(Error::NotFound),
    }
}
