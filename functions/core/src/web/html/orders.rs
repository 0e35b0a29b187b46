//! The digital orders' pages (D01–D04): catalog, form, placed, status, information
//! link and the return from the payment provider.

use super::page::{FactRows, FormState, NoticePage, render};
use crate::kernel::i18n::dates;
use crate::kernel::text::Lang;
use crate::orders::OrderStatusView;
use crate::orders::catalog::{self, DocumentType, OrderSettings};
use askama::Template;

pub use catalog::fee;

fn document_name(view: &OrderStatusView, lang: Lang) -> &str {
    let [ro, en, hu] = &view.document_name;
    lang.pick(ro, en, hu)
}

/// A time from a view (RFC 3339, office time) the language's way: `25.11.2026 10:00`,
/// `2026. 11. 25. 10:00`.
fn shown(time: &str, lang: Lang) -> String {
    chrono::DateTime::parse_from_rfc3339(time)
        .map(|t| dates::date_time_numeric(t.naive_local(), lang))
        .unwrap_or_default()
}

/// The facts of an order anyone holding its number may see.
fn order_rows(lang: Lang, view: &OrderStatusView) -> FactRows {
    let mut rows = vec![
        (
            lang.tr("orders-row-document"),
            document_name(view, lang).to_owned(),
        ),
        (lang.tr("orders-row-requester"), view.requester.clone()),
        (lang.tr("orders-row-fee"), fee(view.fee_bani, lang)),
        (lang.tr("orders-row-state"), view.state.name(lang)),
        (lang.tr("orders-row-placed"), shown(&view.ordered_at, lang)),
    ];
    if let Some(pay_by) = &view.pay_by {
        rows.push((lang.tr("orders-row-pay-by"), shown(pay_by, lang)));
    }
    if let Some(due) = &view.due_by {
        rows.push((lang.tr("orders-row-due-by"), shown(due, lang)));
    }
    if let Some(until) = &view.download_until {
        rows.push((lang.tr("orders-row-download-until"), shown(until, lang)));
    }
    // The labels as the pages' rows hold them (owned, as messages are).
    rows.into_iter()
        .map(|(label, value)| (label.to_owned(), value))
        .collect()
}

#[derive(Template)]
#[template(path = "orders/catalog.html")]
struct CatalogPage<'a> {
    lang: Lang,
    title: String,
    /// Each document: its code, name, fee and time to issue.
    documents: Vec<(&'a str, &'a str, String, String)>,
    tariff_source: &'a str,
}

pub fn order_catalog_page(lang: Lang, settings: &OrderSettings) -> String {
    render(CatalogPage {
        lang,
        title: lang.tr("orders-catalog-title"),
        documents: settings
            .documents
            .iter()
            .map(|d| {
                (
                    d.code.as_str(),
                    d.name(lang),
                    fee(i64::from(d.fee_bani), lang),
                    lang.tr1("orders-catalog-days", "count", d.deadline_business_days),
                )
            })
            .collect(),
        tariff_source: &settings.tariff_source,
    })
}

#[derive(Template)]
#[template(path = "orders/form.html")]
struct FormPage<'a> {
    lang: Lang,
    title: &'a str,
    code: &'a str,
    fee: String,
    details: Vec<(&'static str, String)>,
    /// The bot defence is on: the form carries a challenge the page solves.
    challenged: bool,
    form: FormState,
}

pub fn order_form_page(
    lang: Lang,
    document: &DocumentType,
    challenged: bool,
    form: FormState,
) -> String {
    render(FormPage {
        lang,
        title: document.name(lang),
        code: &document.code,
        fee: fee(i64::from(document.fee_bani), lang),
        details: document
            .details
            .iter()
            .map(|d| (d.code(), d.name(lang)))
            .collect(),
        challenged,
        form,
    })
}

#[derive(Template)]
#[template(path = "orders/placed.html")]
struct PlacedPage<'a> {
    lang: Lang,
    title: String,
    number: Option<&'a str>,
    rows: FactRows,
}

/// D01: the number, shown once, and the pay button.
pub fn order_placed_page(lang: Lang, number: Option<&str>, view: &OrderStatusView) -> String {
    render(PlacedPage {
        lang,
        title: lang.tr("orders-placed-title"),
        number,
        rows: order_rows(lang, view),
    })
}

#[derive(Template)]
#[template(path = "orders/status.html")]
struct StatusPage<'a> {
    lang: Lang,
    title: String,
    number: &'a str,
    view: &'a OrderStatusView,
    rows: FactRows,
    history: Vec<(String, String, String)>,
    done: Option<String>,
}

/// A history line's kind and what it says to the requester.
const EVENTS: [(&str, &str); 13] = [
    ("received", "orders-event-received"),
    ("paid", "orders-event-paid"),
    ("processing", "orders-event-processing"),
    ("progress", "orders-event-progress"),
    ("info_requested", "orders-event-info-requested"),
    ("info_received", "orders-event-info-received"),
    ("problem_reported", "orders-event-problem-reported"),
    ("issued", "orders-event-issued"),
    ("delivered", "orders-event-delivered"),
    ("rejected", "orders-event-rejected"),
    ("refunded", "orders-event-refunded"),
    ("expired", "orders-event-expired"),
    ("cancelled", "orders-event-cancelled"),
];

/// What a history line's kind says to the requester.
fn event_name(kind: &str, lang: Lang) -> String {
    EVENTS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or_else(|| kind.to_owned(), |(_, id)| lang.tr(id))
}

/// D03, D04: the status page; `done` names the action just taken.
pub fn order_status_page(
    lang: Lang,
    number: &str,
    view: &OrderStatusView,
    done: Option<&str>,
) -> String {
    let done = done.and_then(|d| match d {
        "cancelled" => Some(lang.tr("orders-status-done-cancelled")),
        "problem" => Some(lang.tr("orders-status-done-problem")),
        "link" => Some(lang.tr("orders-status-done-link")),
        _ => None,
    });
    render(StatusPage {
        lang,
        title: lang.tr("orders-status-title"),
        number,
        view,
        rows: order_rows(lang, view),
        history: view
            .history
            .iter()
            .map(|e| {
                (
                    shown(&e.at, lang),
                    event_name(&e.kind, lang),
                    e.text.clone().unwrap_or_default(),
                )
            })
            .collect(),
        done,
    })
}

#[derive(Template)]
#[template(path = "orders/info.html")]
struct InfoPage<'a> {
    lang: Lang,
    title: String,
    question: &'a str,
}

pub fn order_info_page(lang: Lang, question: &str) -> String {
    render(InfoPage {
        lang,
        title: lang.tr("orders-info-title"),
        question,
    })
}

/// A page that only says one thing.
fn notice(lang: Lang, title: &str, text: &str) -> String {
    render(NoticePage { lang, title, text })
}

pub fn order_answered_page(lang: Lang) -> String {
    notice(
        lang,
        &lang.tr("orders-answered-title"),
        &lang.tr("orders-answered-text"),
    )
}

/// Where the payment provider sends the payer back: the payment counts only once
/// the provider's signed notification arrives.
pub fn order_return_page(lang: Lang, cancelled: bool) -> String {
    if cancelled {
        return notice(
            lang,
            &lang.tr("orders-return-cancelled-title"),
            &lang.tr("orders-return-cancelled-text"),
        );
    }
    notice(
        lang,
        &lang.tr("orders-return-sent-title"),
        &lang.tr("orders-return-sent-text"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::orders::{PublicEvent, State};

    fn view() -> OrderStatusView {
        OrderStatusView {
            document: "vehicle_history".to_owned(),
            document_name: [
                "Extras".to_owned(),
                "Extract".to_owned(),
                "Kivonat".to_owned(),
            ],
            state: State::Paid,
            requester: "Ion P.".to_owned(),
            fee_bani: 123_450,
            currency: "RON".to_owned(),
            ordered_at: "2026-11-25T10:05:00+02:00".to_owned(),
            pay_by: None,
            due_by: Some("2026-11-30T00:00:00+02:00".to_owned()),
            history: vec![PublicEvent {
                at: "2026-11-25T10:07:00+02:00".to_owned(),
                kind: "paid".to_owned(),
                text: None,
            }],
            download_until: None,
            download_available: false,
            can_pay: false,
            can_cancel: false,
            can_report_problem: false,
        }
    }

    #[test]
    fn d03_the_status_page_writes_fees_and_times_the_languages_way() {
        let hu = order_status_page(Lang::Hu, "AAAAA-BBBBB-CCCCC-DDDDD", &view(), None);
        for shown in [
            "<dd>Kivonat</dd>",
            "<dd>1234,50 lej</dd>",
            "<dd>Kifizetve</dd>",
            "<dd>2026. 11. 25. 10:05</dd>",
            "<td>Fizetés visszaigazolva</td>",
            "A megrendelés állapota",
        ] {
            assert!(hu.contains(shown), "{shown} in {hu}");
        }
        let ro = order_status_page(Lang::Ro, "AAAAA-BBBBB-CCCCC-DDDDD", &view(), None);
        for shown in [
            "<dd>1.234,50 lei</dd>",
            "<dd>25.11.2026 10:05</dd>",
            "Plătită",
        ] {
            assert!(ro.contains(shown), "{shown} in {ro}");
        }
        let en = order_status_page(Lang::En, "AAAAA-BBBBB-CCCCC-DDDDD", &view(), Some("link"));
        assert!(en.contains("<dd>RON 1,234.50</dd>"), "{en}");
        assert!(en.contains("A new download link has been emailed to you."));
    }

    #[test]
    fn d02_the_catalog_counts_business_days_in_each_language() {
        let settings = OrderSettings::default();
        let ro = order_catalog_page(Lang::Ro, &settings);
        assert!(ro.contains("3 zile lucrătoare"), "{ro}");
        assert!(ro.contains("25,00 lei"));
        let hu = order_catalog_page(Lang::Hu, &settings);
        assert!(
            hu.contains("3 munkanap") && hu.contains("25,00 lej"),
            "{hu}"
        );
        assert!(hu.contains("Elektronikus dokumentumok"));
    }
}
