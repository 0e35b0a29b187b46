//! Server-rendered pages for browsers without JavaScript. The markup is in
//! `functions/core/templates/`, checked at compile time and escaped by default.

use crate::booking::availability::{DayAvailability, SlotAvailability};
use crate::booking::{Booking, StatusView};
use crate::complaints::StatusView as ComplaintView;
use crate::kernel::error::Error;
use crate::kernel::error::Explanation;
use crate::kernel::fields::Fields;
use crate::kernel::text::{Lang, escape};
use crate::kernel::time::OFFICE_TZ;
use crate::office::{Closed, Office, Proof, Service};
use askama::Template;
use chrono::{Datelike, NaiveDate};

mod orders;
pub use orders::*;

/// The header's language switch (`layout.html`) leads home: the right target after a
/// form post, which can't be repeated. A page fetched with GET can be fetched again, so
/// its switch is pointed at the same address in the other language. `path` and `query`
/// are the request's; None when the page has no switch to point.
pub fn switch_to_same_page(page: &str, path: &str, query: &str) -> Option<String> {
    // A path starting `//` would make a link to another site.
    if !path.starts_with('/') || path.starts_with("//") {
        return None;
    }
    [Lang::Ro, Lang::En].into_iter().find_map(|other| {
        let home = format!(r#"href="/?lang={}" hreflang="{0}""#, other.code());
        page.contains(&home).then(|| {
            let wanted = format!("lang={}", other.code());
            let mut pairs: Vec<&str> = query
                .split('&')
                .filter(|p| !p.is_empty() && !p.starts_with("lang="))
                .collect();
            pairs.push(&wanted);
            let here = escape(&format!("{path}?{}", pairs.join("&")));
            let switch = format!(r#"href="{here}" hreflang="{}""#, other.code());
            page.replacen(&home, &switch, 1)
        })
    })
}

/// Renders a page; our templates only fail on a broken `Display`, which ours never are.
pub(crate) fn render(page: impl Template) -> String {
    page.render().unwrap_or_default()
}

/// A list of (label, value) rows; values are plain text, escaped by the template.
pub(crate) type Rows<'l> = Vec<(&'l str, String)>;

#[derive(Template)]
#[template(path = "notice.html")]
struct NoticePage<'a> {
    lang: Lang,
    title: &'a str,
    text: &'a str,
}

#[derive(Template)]
#[template(path = "facts.html")]
struct FactsPage<'a> {
    lang: Lang,
    title: &'a str,
    rows: Rows<'a>,
}

pub fn service_name(service: &Service, lang: Lang) -> &'static str {
    match lang {
        Lang::Ro => service.name_ro,
        Lang::En => service.name_en,
    }
}

fn closed_reason(closed: &Closed, lang: Lang) -> String {
    match closed {
        Closed::Weekend => lang
            .t(
                "Weekend: instituția este închisă.",
                "Weekend: the office is closed.",
            )
            .to_owned(),
        Closed::Holiday { name } => {
            format!("{} {name}", lang.t("Sărbătoare legală:", "Public holiday:"))
        }
        Closed::Closure { name } => format!("{} {name}", lang.t("Închis:", "Closed:")),
        Closed::NoHours => lang
            .t(
                "Fără program în această zi.",
                "No opening hours on this day.",
            )
            .to_owned(),
    }
}

/// One day of the day picker.
#[derive(Debug)]
pub struct PickerDay {
    /// The long date, for the ear and the one-column list.
    pub label: String,
    /// The day of the month, shown in the month grid.
    pub day: u32,
    /// 1 (Monday) … 7 (Sunday): the column the day sits in.
    pub weekday: u32,
    /// `free`, `full`, `closed` or `outside` (before today or past the horizon).
    pub class: &'static str,
    pub note: String,
    pub href: Option<String>,
}

#[derive(Template)]
#[template(path = "booking/month.html")]
struct MonthPage<'a> {
    lang: Lang,
    title: &'a str,
    month_name: String,
    days: Vec<PickerDay>,
    previous: Option<String>,
    next: Option<String>,
}

const MONTHS: [(&str, &str); 12] = [
    ("ianuarie", "January"),
    ("februarie", "February"),
    ("martie", "March"),
    ("aprilie", "April"),
    ("mai", "May"),
    ("iunie", "June"),
    ("iulie", "July"),
    ("august", "August"),
    ("septembrie", "September"),
    ("octombrie", "October"),
    ("noiembrie", "November"),
    ("decembrie", "December"),
];
const WEEKDAYS: [(&str, &str); 7] = [
    ("luni", "Monday"),
    ("marți", "Tuesday"),
    ("miercuri", "Wednesday"),
    ("joi", "Thursday"),
    ("vineri", "Friday"),
    ("sâmbătă", "Saturday"),
    ("duminică", "Sunday"),
];

/// "miercuri 25 noiembrie" / "Wednesday 25 November".
pub fn long_date(date: NaiveDate, lang: Lang) -> String {
    let (wro, wen) = WEEKDAYS[date.weekday().num_days_from_monday() as usize];
    let (mro, men) = MONTHS[date.month0() as usize];
    format!("{} {} {}", lang.t(wro, wen), date.day(), lang.t(mro, men))
}

/// A day of the picker from the day's availability; `bookable`: inside today and the
/// booking horizon.
pub fn picker_day(
    lang: Lang,
    service: &Service,
    date: NaiveDate,
    day: Option<&DayAvailability>,
) -> PickerDay {
    let (class, note, href) = match day {
        None => ("outside", String::new(), None),
        Some(DayAvailability {
            closed: Some(c), ..
        }) => ("closed", closed_reason(c, lang), None),
        Some(d) => {
            let seats: u32 = d
                .slots
                .iter()
                .filter(|s| s.bookable)
                .map(|s| s.online_left)
                .sum();
            if seats == 0 {
                ("full", lang.t("Complet", "Full").to_owned(), None)
            } else {
                let href = format!(
                    "/api/availability?service={}&date={date}&lang={}",
                    service.code,
                    lang.code()
                );
                let note = format!("{seats} {}", lang.t("locuri libere", "free seats"));
                ("free", note, Some(href))
            }
        }
    };
    PickerDay {
        label: long_date(date, lang),
        day: date.day(),
        weekday: date.weekday().number_from_monday(),
        class,
        note,
        href,
    }
}

/// The day picker of one month; `previous`/`next`: the neighbouring months' links, when
/// they hold bookable days.
pub fn month_page(
    lang: Lang,
    service: &Service,
    month: NaiveDate,
    days: Vec<PickerDay>,
    previous: Option<String>,
    next: Option<String>,
) -> String {
    let (ro, en) = MONTHS[month.month0() as usize];
    render(MonthPage {
        lang,
        title: &format!(
            "{} — {}",
            service_name(service, lang),
            lang.t("alegeți ziua", "choose a day")
        ),
        month_name: format!("{} {}", lang.t(ro, en), month.year()),
        days,
        previous,
        next,
    })
}

/// What a form shows again after a refused submit: the values typed and the error,
/// next to its field and in the summary at the top. A fresh form has neither.
#[derive(Debug, Default)]
pub struct FormState {
    pub values: Fields,
    pub error: Option<ShownError>,
    /// The fields the page has an input for, which the summary can link to.
    inputs: &'static [&'static str],
}

#[derive(Debug)]
pub struct ShownError {
    pub field: String,
    pub message: String,
}

impl FormState {
    /// The form as submitted, refused with `error` (in the page's language). A solved
    /// proof of work is good once: it is dropped, and the page solves a fresh one.
    pub fn refused(
        mut values: Fields,
        error: &Error,
        lang: Lang,
        inputs: &'static [&'static str],
    ) -> Self {
        let x = error.explain();
        values.remove("altcha");
        FormState {
            values,
            error: Some(ShownError {
                field: x.field.clone().unwrap_or_default(),
                message: lang.t(&x.message_ro, &x.message).to_owned(),
            }),
            inputs,
        }
    }

    pub fn value(&self, name: &str) -> &str {
        self.values.get(name).map(String::as_str).unwrap_or("")
    }

    pub fn error_for(&self, name: &str) -> Option<&str> {
        self.error
            .as_ref()
            .filter(|e| e.field == name)
            .map(|e| e.message.as_str())
    }

    pub fn has_field(&self, name: &str) -> bool {
        self.inputs.contains(&name)
    }

    /// Whether a radio button is the chosen one: the submitted value, else the default.
    pub fn is_chosen(&self, name: &str, value: &str, default: bool) -> bool {
        match self.values.get(name) {
            Some(chosen) => chosen == value || chosen.get(..16) == value.get(..16),
            None => default,
        }
    }
}

#[derive(Template)]
#[template(path = "booking/availability.html")]
struct AvailabilityPage<'a> {
    lang: Lang,
    title: &'a str,
    service: &'a Service,
    /// `YYYY-MM`: the month view this day is picked from.
    month: String,
    closed: Option<String>,
    free: Vec<&'a SlotAvailability>,
    challenged: bool,
    form: &'a FormState,
}

/// The day's free slots as a booking form. `challenged`: the office's bot defence is
/// on, so the form carries the solved proof of work.
pub fn availability_page(
    lang: Lang,
    service: &Service,
    day: &DayAvailability,
    challenged: bool,
    form: &FormState,
) -> String {
    render(AvailabilityPage {
        lang,
        title: &format!(
            "{} — {} {}",
            service_name(service, lang),
            long_date(day.date, lang),
            day.date.year()
        ),
        service,
        month: day.date.format("%Y-%m").to_string(),
        closed: day.closed.as_ref().map(|c| closed_reason(c, lang)),
        free: day.slots.iter().filter(|s| s.bookable).collect(),
        challenged,
        form,
    })
}

fn state_text(state: &str, reason: Option<&str>, lang: Lang) -> String {
    let text = match (state, reason) {
        ("active", _) => lang.t("Activă", "Active"),
        ("cancelled", Some("duplicate_vin")) => lang.t(
            "Anulată: serie de șasiu folosită de mai multe ori",
            "Cancelled: VIN used more than once",
        ),
        ("cancelled", Some("duplicate_holder")) => lang.t(
            "Anulată: titular folosit de mai multe ori",
            "Cancelled: holder used more than once",
        ),
        ("cancelled", Some("cancelled_by_booker")) => {
            lang.t("Anulată de solicitant", "Cancelled by the booker")
        }
        ("cancelled", Some("superseded")) => lang.t(
            "Anulată: înlocuită de o programare nouă (scutire)",
            "Cancelled: replaced by a new booking (exemption)",
        ),
        ("cancelled", Some("office_closed")) => {
            lang.t("Anulată de instituție", "Cancelled by the office")
        }
        ("cancelled", Some("relocation_declined")) => lang.t(
            "Anulată: noua oră a fost refuzată",
            "Cancelled: the new time was declined",
        ),
        ("cancelled", _) => lang.t("Anulată", "Cancelled"),
        ("attended", _) => lang.t("Prezentat", "Attended"),
        ("no_show", _) => lang.t("Neprezentat", "No-show"),
        (other, _) => other,
    };
    text.to_owned()
}

#[derive(Template)]
#[template(path = "booking/confirmation.html")]
struct ConfirmationPage<'a> {
    lang: Lang,
    title: &'a str,
    number: Option<&'a str>,
    rows: Rows<'a>,
}

/// R02, R08: the end of the booking, with the number and the stored form of the data.
pub fn confirmation_page(
    lang: Lang,
    office: &Office,
    booking: &Booking,
    number: Option<&str>,
) -> String {
    let service = office
        .service(&booking.service)
        .map(|s| service_name(s, lang))
        .unwrap_or("");
    let local = booking.slot_start.with_timezone(&OFFICE_TZ);
    let mut rows = vec![
        (lang.t("Serviciu", "Service"), service.to_owned()),
        (
            lang.t("Data și ora", "Date and time"),
            local.format("%d.%m.%Y %H:%M").to_string(),
        ),
        (lang.t("Nume", "Name"), booking.name.clone()),
        (lang.t("Telefon", "Phone"), booking.phone.clone()),
        (
            lang.t("Stare", "State"),
            state_text(&booking.state, booking.cancel_reason.as_deref(), lang),
        ),
    ];
    if let Some(email) = &booking.email {
        rows.push(("Email", email.clone()));
    }
    if let Some(vin) = &booking.vin {
        rows.push((lang.t("Serie de șasiu", "VIN"), vin.clone()));
    }
    if let Some(holder) = &booking.holder {
        rows.push((lang.t("Titular", "Holder"), holder.clone()));
    }
    render(ConfirmationPage {
        lang,
        title: lang.t("Programare înregistrată", "Booking recorded"),
        number,
        rows,
    })
}

/// What anyone holding a number or link may see of a booking (R03): no personal
/// data but a masked name.
fn summary_rows<'l>(lang: Lang, office: &Office, view: &StatusView) -> Rows<'l> {
    let service = office
        .service(&view.service)
        .map(|s| service_name(s, lang))
        .unwrap_or("");
    vec![
        (lang.t("Serviciu", "Service"), service.to_owned()),
        (lang.t("Data", "Date"), view.date.clone()),
        (lang.t("Ora", "Time"), view.time.clone()),
        (lang.t("Nume", "Name"), view.name.clone()),
    ]
}

/// R03: the status check.
pub fn status_page(lang: Lang, office: &Office, view: &StatusView) -> String {
    let mut rows = summary_rows(lang, office, view);
    rows.push((
        lang.t("Stare", "State"),
        state_text(&view.state, view.cancel_reason.as_deref(), lang),
    ));
    render(FactsPage {
        lang,
        title: lang.t("Starea programării", "Booking status"),
        rows,
    })
}

#[derive(Template)]
#[template(path = "booking/cancel_confirm.html")]
struct CancelConfirmPage<'a> {
    lang: Lang,
    title: &'a str,
    rows: Rows<'a>,
}

/// R14: what the cancellation link shows before anything changes.
pub fn cancel_confirm_page(lang: Lang, office: &Office, view: &StatusView) -> String {
    render(CancelConfirmPage {
        lang,
        title: lang.t("Anulați programarea?", "Cancel this booking?"),
        rows: summary_rows(lang, office, view),
    })
}

#[derive(Template)]
#[template(path = "booking/relocation.html")]
struct RelocationPage<'a> {
    lang: Lang,
    title: &'a str,
    rows: Rows<'a>,
}

/// R18: the relocation link shows the old and new time; only a POST answers.
pub fn relocation_page(lang: Lang, office: &Office, view: &StatusView, old_time: &str) -> String {
    let mut rows = summary_rows(lang, office, view);
    rows.insert(
        1,
        (lang.t("Ora inițială", "Original time"), old_time.to_owned()),
    );
    render(RelocationPage {
        lang,
        title: lang.t("Programare mutată", "Appointment moved"),
        rows,
    })
}

pub fn relocation_answered_page(lang: Lang, confirmed: bool) -> String {
    if confirmed {
        notice_page(
            lang,
            ("Oră confirmată", "Time confirmed"),
            ("Vă așteptăm la noua oră.", "We expect you at the new time."),
        )
    } else {
        cancelled_page(lang)
    }
}

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

type Choice = (&'static str, &'static str, &'static str);

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

/// A page that only says one thing.
pub(crate) fn notice_page(lang: Lang, title: (&str, &str), text: (&str, &str)) -> String {
    render(NoticePage {
        lang,
        title: lang.t(title.0, title.1),
        text: lang.t(text.0, text.1),
    })
}

pub fn cancelled_page(lang: Lang) -> String {
    notice_page(
        lang,
        ("Programare anulată", "Booking cancelled"),
        (
            "Programarea a fost anulată. Locul a fost eliberat.",
            "The booking has been cancelled. The seat has been freed.",
        ),
    )
}

/// One page for unknown, used and expired links alike.
pub fn link_invalid_page(lang: Lang) -> String {
    notice_page(
        lang,
        ("Link nevalid", "Link not valid"),
        (
            "Acest link nu mai poate fi folosit.",
            "This link can no longer be used.",
        ),
    )
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    lang: Lang,
    title: &'a str,
    message: &'a str,
}

pub fn error_page(lang: Lang, e: &Explanation) -> String {
    render(ErrorPage {
        lang,
        title: lang.t(
            "Cererea nu a putut fi înregistrată",
            "The request could not be completed",
        ),
        message: lang.t(&e.message_ro, &e.message),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_neutralises_markup() {
        assert_eq!(
            escape(r#"<script>alert("x")</script>&'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;"
        );
    }

    #[test]
    fn the_language_switch_of_a_page_fetched_again_points_at_the_same_page() {
        let page = notice_page(Lang::Ro, ("Titlu", "Title"), ("Text", "Text"));
        assert!(page.contains(r#"href="/?lang=en" hreflang="en""#), "{page}");
        let switched = switch_to_same_page(
            &page,
            "/api/availability",
            "service=passport&lang=ro&date=2026-11-25",
        )
        .unwrap();
        assert!(
            switched.contains(
                r#"href="/api/availability?service=passport&amp;date=2026-11-25&amp;lang=en" hreflang="en""#
            ),
            "{switched}"
        );
        // No lang in the address: it is added; the English page leads to Romanian.
        let english = notice_page(Lang::En, ("Titlu", "Title"), ("Text", "Text"));
        let switched = switch_to_same_page(&english, "/cancel/abc", "").unwrap();
        assert!(switched.contains(r#"href="/cancel/abc?lang=ro" hreflang="ro""#));
        // Whatever the address holds stays inside the attribute.
        let switched = switch_to_same_page(&page, "/complaints", r#"x="><script>"#).unwrap();
        assert!(switched.contains(r#"href="/complaints?x=&quot;&gt;&lt;script&gt;&amp;lang=en""#));
        // Never a link to another site, and nothing to do on a page without the switch.
        assert_eq!(switch_to_same_page(&page, "//evil.example", ""), None);
        assert_eq!(switch_to_same_page("<p>no header</p>", "/", ""), None);
    }
}
