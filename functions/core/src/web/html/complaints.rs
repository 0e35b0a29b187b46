//! The complaint pages: the form, the received page, the status, the escalation link.

use super::page::{FactRows, FormState, NoticePage, render};
use crate::complaints::ComplaintStatusView;
use crate::complaints::{
    Channel, Field, Kind, Severity, TEXTS, Term, TextField, Vocabulary, kind_name, state_name,
};
use crate::kernel::i18n::dates;
use crate::kernel::text::Lang;
use askama::Template;

/// A moment from the view (RFC 3339, office time) as its day, the language's way.
fn day(time: &str, lang: Lang) -> String {
    chrono::DateTime::parse_from_rfc3339(time)
        .map(|t| dates::date_numeric(t.date_naive(), lang))
        .unwrap_or_else(|_| time.get(..10).unwrap_or(time).to_owned())
}

fn complaint_rows(lang: Lang, view: &ComplaintStatusView) -> FactRows {
    let mut rows = vec![
        (lang.tr("complaints-row-kind"), kind_name(&view.kind, lang)),
        (
            lang.tr("complaints-row-state"),
            state_name(view.state, lang),
        ),
        (lang.tr("complaints-row-level"), view.level.to_string()),
        (
            lang.tr("complaints-row-received"),
            day(&view.received_at, lang),
        ),
        (
            lang.tr("complaints-row-acknowledge-by"),
            day(&view.acknowledge_by, lang),
        ),
    ];
    if let Some(p) = &view.progress_update_by {
        rows.push((lang.tr("complaints-row-progress-by"), day(p, lang)));
    }
    rows.push((
        lang.tr("complaints-row-resolve-by"),
        day(&view.resolve_by, lang),
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
    title: String,
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
        title: lang.tr("complaints-form-title"),
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
    title: String,
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
        title: lang.tr("complaints-received-title"),
        number,
        rows: complaint_rows(lang, view),
    })
}

#[derive(Template)]
#[template(path = "complaints/status.html")]
struct ComplaintStatusPage {
    lang: Lang,
    title: String,
    rows: FactRows,
}

pub fn complaint_status_page(lang: Lang, view: &ComplaintStatusView) -> String {
    render(ComplaintStatusPage {
        lang,
        title: lang.tr("complaints-status-title"),
        rows: complaint_rows(lang, view),
    })
}

#[derive(Template)]
#[template(path = "complaints/escalate_confirm.html")]
struct EscalateConfirmPage {
    lang: Lang,
    title: String,
    rows: FactRows,
}

/// C05: what the escalation link shows before anything changes.
pub fn escalate_confirm_page(lang: Lang, view: &ComplaintStatusView) -> String {
    render(EscalateConfirmPage {
        lang,
        title: lang.tr("complaints-escalate-title"),
        rows: complaint_rows(lang, view),
    })
}

pub fn escalated_page(lang: Lang) -> String {
    render(NoticePage {
        lang,
        title: &lang.tr("complaints-escalated-title"),
        text: &lang.tr("complaints-escalated-text"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c01_a_complaints_status_reads_in_hungarian_with_the_year_first() {
        let view = ComplaintStatusView {
            kind: "technical".to_owned(),
            state: "in_progress",
            level: 1,
            severity: Some("high".to_owned()),
            received_at: "2026-11-25T10:05:00+02:00".to_owned(),
            acknowledged_at: Some("2026-11-26T09:00:00+02:00".to_owned()),
            resolved_at: None,
            acknowledge_by: "2026-12-04T23:59:59+02:00".to_owned(),
            progress_update_by: None,
            resolve_by: "2026-12-28T23:59:59+02:00".to_owned(),
            new_timeline_until: None,
        };
        let hu = complaint_status_page(Lang::Hu, &view);
        for shown in [
            "<dt>Típus</dt><dd>A weboldal műszaki problémája</dd>",
            "<dt>Állapot</dt><dd>Folyamatban</dd>",
            "<dt>Beérkezett</dt><dd>2026. 11. 25.</dd>",
            "<dt>Megoldás határideje</dt><dd>2026. 12. 28.</dd>",
        ] {
            assert!(hu.contains(shown), "{shown} in {hu}");
        }
        let ro = complaint_status_page(Lang::Ro, &view);
        assert!(ro.contains("<dd>25.11.2026</dd>") && ro.contains("<dd>În lucru</dd>"));
        let form = complaint_form_page(Lang::Hu, false, &FormState::default());
        assert!(form.contains("A panasz elküldése") && form.contains("Kritikus (24 óra)"));
    }
}
