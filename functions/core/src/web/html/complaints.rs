//! The complaint pages: the form, the received page, the status, the escalation link.

use super::page::{FactRows, FactsPage, FormState, notice_page, render};
use crate::complaints::ComplaintStatusView;
use crate::complaints::{Channel, Field, Kind, Severity, TEXTS, Term, TextField, Vocabulary};
use crate::kernel::text::Lang;
use askama::Template;

fn complaint_rows(lang: Lang, view: &ComplaintStatusView) -> FactRows {
    let day = |t: &str| t.get(..10).unwrap_or(t).to_owned();
    let mut rows = vec![
        (lang.t("Tip", "Kind"), view.kind.clone()),
        (lang.t("Stare", "State"), view.state.to_owned()),
        (lang.t("Nivel", "Level"), view.level.to_string()),
        (lang.t("Primită", "Received"), day(&view.received_at)),
        (
            lang.t("Confirmare până la", "Acknowledgement by"),
            day(&view.acknowledge_by),
        ),
    ];
    if let Some(p) = &view.progress_update_by {
        rows.push((lang.t("Actualizare până la", "Progress update by"), day(p)));
    }
    rows.push((
        lang.t("Soluționare până la", "Resolution by"),
        day(&view.resolve_by),
    ));
    // The labels as the pages' rows hold them (owned, as messages are).
    rows.into_iter()
        .map(|(label, value)| (label.to_owned(), value))
        .collect()
}

#[derive(Template)]
#[template(path = "complaints/form.html")]
struct ComplaintFormPage<'a> {
    lang: Lang,
    title: &'a str,
    kind: (Field, Vec<Term>),
    texts: [TextField; 2],
    /// T01: a technical ticket's severity and preferred channel.
    choices: [(Field, Vec<Term>); 2],
    challenged: bool,
    form: &'a FormState,
}

/// C01, T01: the complaints form, fresh or refused.
pub fn complaint_form_page(lang: Lang, challenged: bool, form: &FormState) -> String {
    render(ComplaintFormPage {
        lang,
        title: lang.t(
            "Sesizări, propuneri și probleme tehnice",
            "Complaints, proposals and technical problems",
        ),
        kind: Kind::offered(),
        texts: TEXTS,
        choices: [Severity::offered(), Channel::offered()],
        challenged,
        form,
    })
}

#[derive(Template)]
#[template(path = "complaints/received.html")]
struct ComplaintReceivedPage<'a> {
    lang: Lang,
    title: &'a str,
    number: Option<&'a str>,
    rows: FactRows,
}

/// C01: the complaint number, shown once at intake.
pub fn complaint_received_page(
    lang: Lang,
    number: Option<&str>,
    view: &ComplaintStatusView,
) -> String {
    render(ComplaintReceivedPage {
        lang,
        title: lang.t("Sesizare primită", "Complaint received"),
        number,
        rows: complaint_rows(lang, view),
    })
}

pub fn complaint_status_page(lang: Lang, view: &ComplaintStatusView) -> String {
    render(FactsPage {
        lang,
        title: lang.t("Starea sesizării", "Complaint status"),
        rows: complaint_rows(lang, view),
    })
}

#[derive(Template)]
#[template(path = "complaints/escalate_confirm.html")]
struct EscalateConfirmPage<'a> {
    lang: Lang,
    title: &'a str,
    rows: FactRows,
}

/// C05: what the escalation link shows before anything changes.
pub fn escalate_confirm_page(lang: Lang, view: &ComplaintStatusView) -> String {
    render(EscalateConfirmPage {
        lang,
        title: lang.t("Escaladați sesizarea?", "Escalate this complaint?"),
        rows: complaint_rows(lang, view),
    })
}

pub fn escalated_page(lang: Lang) -> String {
    notice_page(
        lang,
        lang.t("Sesizare escaladată", "Complaint escalated"),
        lang.t(
            "Sesizarea a fost redeschisă la nivelul superior. Veți primi confirmarea și noile termene.",
            "The complaint has been reopened one level up. You will receive the acknowledgement and the new deadlines.",
        ),
    )
}
