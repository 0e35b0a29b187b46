//! The complaints desk (C02–C05, T02): the queue by nearest deadline, a complaint's
//! detail and event log, and its workflow steps.

use super::shell::{Frame, form, id_of};
use crate::complaints;
use crate::complaints::Complaint;
use crate::complaints::MAX_DESCRIPTION;
use crate::complaints::Progress;
use crate::complaints::{Kind, Vocabulary};
use crate::context::Context;
use crate::kernel::error::Error;
use crate::kernel::text::Lang;
use crate::kernel::time::local_minute;
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

const FILTERS: [(&str, &str, &str); 5] = [
    ("open", "Deschise", "Open"),
    ("due_soon", "Termen apropiat", "Due soon"),
    ("overdue", "Depășite", "Overdue"),
    ("escalated", "Escaladate", "Escalated"),
    ("all", "Toate", "All"),
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
                title: &'a str,
                frame: Frame,
                filters: [(&'a str, &'a str, &'a str); 5],
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
                title: lang.t("Sesizări", "Complaints desk"),
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
            struct DetailPage<'a> {
                lang: Lang,
                title: String,
                frame: Frame,
                id: i64,
                rows: Vec<(&'a str, String)>,
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
            let rows = vec![
                (lang.t("Tip", "Kind"), found.kind.clone()),
                (lang.t("Stare", "State"), status.state.to_owned()),
                (lang.t("Nivel", "Level"), status.level.to_string()),
                (lang.t("Semnale", "Flags"), flags),
                (lang.t("Primită", "Received"), status.received_at.clone()),
                (
                    lang.t("Confirmare până la", "Acknowledge by"),
                    status.acknowledge_by.clone(),
                ),
                (
                    lang.t("Actualizare până la", "Progress update by"),
                    optional(&status.progress_update_by),
                ),
                (
                    lang.t("Soluționare până la", "Resolve by"),
                    status.resolve_by.clone(),
                ),
                (
                    lang.t("Descriere", "Description"),
                    found.description.clone(),
                ),
                (
                    lang.t("Idee de soluție", "Suggested solution"),
                    optional(&found.solution_idea),
                ),
                ("Email", optional(&found.email)),
                (lang.t("Telefon", "Phone"), optional(&found.phone)),
                (
                    lang.t("Comanda digitală", "Digital order"),
                    found.order_id.map(|o| format!("#{o}")).unwrap_or_default(),
                ),
            ];
            let events = events
                .iter()
                .map(|e| {
                    let what = match e.until {
                        Some(until) => format!("{} → {until}", e.kind),
                        None => e.kind.clone(),
                    };
                    (
                        local_minute(e.at),
                        what,
                        optional(&e.staff),
                        optional(&e.text),
                    )
                })
                .collect();
            let html = render(DetailPage {
                lang,
                title: format!("{} #{id}", lang.t("Sesizarea", "Complaint")),
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
