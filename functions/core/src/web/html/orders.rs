//! The digital orders' pages (D01–D04): catalog, form, placed, status, information
//! link and the return from the payment provider.

use super::page::{FactRows, FormState, notice_page, render};
use crate::kernel::text::Lang;
use crate::orders::catalog::{DocumentType, OrderSettings, fee_text};
use crate::orders::{OrderStatusView, State};
use askama::Template;

/// A fee in the page's language: `25,00 lei` or `RON 25.00`.
pub fn fee(bani: i64, lang: Lang) -> String {
    let (ro, en) = fee_text(bani);
    lang.t(&ro, &en).to_owned()
}

fn document_name(view: &OrderStatusView, lang: Lang) -> &str {
    lang.t(&view.document_name.0, &view.document_name.1)
}

fn state_name(state: State, lang: Lang) -> String {
    let (ro, en) = state.label();
    lang.t(ro, en).to_owned()
}

/// A time from a view (RFC 3339, office time) as `25.11.2026 10:00`.
fn shown(time: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(time)
        .map(|t| t.format("%d.%m.%Y %H:%M").to_string())
        .unwrap_or_default()
}

/// The facts of an order anyone holding its number may see.
fn order_rows(lang: Lang, view: &OrderStatusView) -> FactRows {
    let mut rows = vec![
        (
            lang.t("Document", "Document"),
            document_name(view, lang).to_owned(),
        ),
        (lang.t("Solicitant", "Requester"), view.requester.clone()),
        (lang.t("Tarif", "Fee"), fee(view.fee_bani, lang)),
        (lang.t("Stare", "State"), state_name(view.state, lang)),
        (lang.t("Plasată", "Placed"), shown(&view.ordered_at)),
    ];
    if let Some(pay_by) = &view.pay_by {
        rows.push((lang.t("De plătit până la", "Pay by"), shown(pay_by)));
    }
    if let Some(due) = &view.due_by {
        rows.push((lang.t("Se emite până la", "Issued by"), shown(due)));
    }
    if let Some(until) = &view.download_until {
        rows.push((lang.t("Descărcare până la", "Download until"), shown(until)));
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
    title: &'a str,
    documents: Vec<(&'a str, &'a str, String, u32)>,
    tariff_source: &'a str,
}

pub fn order_catalog_page(lang: Lang, settings: &OrderSettings) -> String {
    render(CatalogPage {
        lang,
        title: lang.t("Documente digitale", "Digital documents"),
        documents: settings
            .documents
            .iter()
            .map(|d| {
                (
                    d.code.as_str(),
                    d.name(lang),
                    fee(i64::from(d.fee_bani), lang),
                    d.deadline_business_days,
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
    details: Vec<(&'static str, &'static str)>,
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
            .map(|d| {
                let (ro, en) = d.label();
                (d.code(), lang.t(ro, en))
            })
            .collect(),
        challenged,
        form,
    })
}

#[derive(Template)]
#[template(path = "orders/placed.html")]
struct PlacedPage<'a> {
    lang: Lang,
    title: &'a str,
    number: Option<&'a str>,
    rows: FactRows,
}

/// D01: the number, shown once, and the pay button.
pub fn order_placed_page(lang: Lang, number: Option<&str>, view: &OrderStatusView) -> String {
    render(PlacedPage {
        lang,
        title: lang.t("Comandă înregistrată", "Order placed"),
        number,
        rows: order_rows(lang, view),
    })
}

#[derive(Template)]
#[template(path = "orders/status.html")]
struct StatusPage<'a> {
    lang: Lang,
    title: &'a str,
    number: &'a str,
    view: &'a OrderStatusView,
    rows: FactRows,
    history: Vec<(String, String, String)>,
    done: Option<&'a str>,
}

/// What a history line's kind says to the requester.
fn event_name(kind: &str, lang: Lang) -> String {
    let (ro, en) = match kind {
        "received" => ("Comandă primită", "Order received"),
        "paid" => ("Plată confirmată", "Payment confirmed"),
        "processing" => ("Procesare începută", "Processing started"),
        "progress" => ("Actualizare", "Update"),
        "info_requested" => ("Informații cerute", "Information requested"),
        "info_received" => ("Informații primite", "Information received"),
        "problem_reported" => ("Problemă raportată", "Problem reported"),
        "issued" => ("Document emis", "Document issued"),
        "delivered" => ("Email de livrare trimis", "Delivery email sent"),
        "rejected" => ("Comandă respinsă", "Order rejected"),
        "refunded" => ("Tarif rambursat", "Fee refunded"),
        "expired" => ("Comandă expirată", "Order expired"),
        "cancelled" => ("Comandă anulată", "Order cancelled"),
        other => (other, other),
    };
    lang.t(ro, en).to_owned()
}

/// D03, D04: the status page; `done` names the action just taken.
pub fn order_status_page(
    lang: Lang,
    number: &str,
    view: &OrderStatusView,
    done: Option<&str>,
) -> String {
    let done = done.and_then(|d| match d {
        "cancelled" => Some(lang.t("Comanda a fost anulată.", "The order has been cancelled.")),
        "problem" => Some(lang.t(
            "Problema a fost transmisă; comanda a fost redeschisă.",
            "The problem has been passed on; the order is reopened.",
        )),
        "link" => Some(lang.t(
            "V-am trimis prin email un link nou de descărcare.",
            "A new download link has been emailed to you.",
        )),
        _ => None,
    });
    render(StatusPage {
        lang,
        title: lang.t("Starea comenzii", "Order status"),
        number,
        view,
        rows: order_rows(lang, view),
        history: view
            .history
            .iter()
            .map(|e| {
                (
                    shown(&e.at),
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
    title: &'a str,
    question: &'a str,
}

pub fn order_info_page(lang: Lang, question: &str) -> String {
    render(InfoPage {
        lang,
        title: lang.t(
            "Informații pentru comanda dvs.",
            "Information for your order",
        ),
        question,
    })
}

pub fn order_answered_page(lang: Lang) -> String {
    notice_page(
        lang,
        lang.t("Răspuns trimis", "Answer sent"),
        lang.t(
            "Mulțumim; comanda s-a întors la procesare.",
            "Thank you; the order is back in processing.",
        ),
    )
}

/// Where the payment provider sends the payer back: the payment counts only once
/// the provider's signed notification arrives.
pub fn order_return_page(lang: Lang, cancelled: bool) -> String {
    if cancelled {
        return notice_page(
            lang,
            lang.t("Plată neefectuată", "Payment not made"),
            lang.t(
                "Plata nu a fost făcută. O puteți relua de pe pagina comenzii, până la termenul de plată.",
                "The payment was not made. You can try again from the order's page before the payment deadline.",
            ),
        );
    }
    notice_page(
        lang,
        lang.t("Plată trimisă", "Payment sent"),
        lang.t(
            "Mulțumim. Confirmarea plății vă sosește prin email imediat ce procesatorul ne-o transmite; starea o vedeți pe pagina comenzii.",
            "Thank you. The payment confirmation is emailed to you as soon as the payment provider tells us; the order's page shows its state.",
        ),
    )
}
