//! The complaint pages: the form, the received page, the status, the escalation link.

use super::page::{FactsPage, FormState, Rows, notice_page, render};
use crate::complaints::StatusView as ComplaintView;
use crate::kernel::text::Lang;
use askama::Template;

fn complaint_rows<'l>(lang: Lang, view: &ComplaintView) -> Rows<'l> {
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
    rows
}

pub(crate) type Choice = (&'static str, &'static str, &'static str);

const COMPLAINT_KINDS: &[Choice] = &[
    (
        "service",
        "Serviciu (despre o programare)",
        "Service (about a booking)",
    ),
    (
        "proposal",
        "Propunere (despre o programare, de ex. anulare întârziată)",
        "Proposal (about a booking, e.g. a late cancellation)",
    ),
    ("product", "Document sau produs", "Document or product"),
    (
        "technical",
        "Problemă tehnică a site-ului",
        "Technical problem with the site",
    ),
];

/// The complaint's free texts: (name, label ro, label en, rows, max length, required).
const COMPLAINT_TEXTS: &[(&str, &str, &str, u32, u32, bool)] = &[
    (
        "description",
        "Descrierea problemei",
        "Description of the problem",
        6,
        4000,
        true,
    ),
    (
        "solution_idea",
        "Ideea dumneavoastră de soluție (opțional)",
        "Your idea of a solution (optional)",
        3,
        2000,
        false,
    ),
];

/// T01: a technical ticket's severity and preferred channel.
const COMPLAINT_CHOICES: &[(&str, &str, &str, &[Choice])] = &[
    (
        "severity",
        "Gravitate",
        "Severity",
        &[
            ("critical", "Critică (24 h)", "Critical (24 h)"),
            ("high", "Ridicată (48 h)", "High (48 h)"),
            ("normal", "Normală (72 h)", "Normal (72 h)"),
            ("low", "Scăzută (72 h)", "Low (72 h)"),
        ],
    ),
    (
        "channel",
        "Canal preferat",
        "Preferred channel",
        &[
            ("email", "Email", "Email"),
            ("phone", "Telefon", "Phone"),
            ("chat", "Chat", "Chat"),
            ("letter", "Scrisoare", "Letter"),
        ],
    ),
];

#[derive(Template)]
#[template(path = "complaints/form.html")]
struct ComplaintFormPage<'a> {
    lang: Lang,
    title: &'a str,
    kinds: &'static [Choice],
    texts: &'static [(&'static str, &'static str, &'static str, u32, u32, bool)],
    choices: &'static [(&'static str, &'static str, &'static str, &'static [Choice])],
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
        kinds: COMPLAINT_KINDS,
        texts: COMPLAINT_TEXTS,
        choices: COMPLAINT_CHOICES,
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
    rows: Rows<'a>,
}

/// C01: the complaint number, shown once at intake.
pub fn complaint_received_page(lang: Lang, number: Option<&str>, view: &ComplaintView) -> String {
    render(ComplaintReceivedPage {
        lang,
        title: lang.t("Sesizare primită", "Complaint received"),
        number,
        rows: complaint_rows(lang, view),
    })
}

pub fn complaint_status_page(lang: Lang, view: &ComplaintView) -> String {
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
    rows: Rows<'a>,
}

/// C05: what the escalation link shows before anything changes.
pub fn escalate_confirm_page(lang: Lang, view: &ComplaintView) -> String {
    render(EscalateConfirmPage {
        lang,
        title: lang.t("Escaladați sesizarea?", "Escalate this complaint?"),
        rows: complaint_rows(lang, view),
    })
}

pub fn escalated_page(lang: Lang) -> String {
    notice_page(
        lang,
        ("Sesizare escaladată", "Complaint escalated"),
        (
            "Sesizarea a fost redeschisă la nivelul superior. Veți primi confirmarea și noile termene.",
            "The complaint has been reopened one level up. You will receive the acknowledgement and the new deadlines.",
        ),
    )
}
