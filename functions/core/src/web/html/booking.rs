//! The booking pages: the month's day picker, a day's slots and form, the
//! confirmation, the status check, the cancellation and relocation links.

use super::page::{
    FactRows, FactsPage, FormState, MONTHS, long_date, notice_page, render, service_name,
};
use crate::booking::availability::{DayAvailability, SlotAvailability};
use crate::booking::{Booking, BookingStatusView};
use crate::kernel::text::Lang;
use crate::kernel::time::OFFICE_TZ;
use crate::office::{Closed, Office, Proof, Service};
use askama::Template;
use chrono::{Datelike, NaiveDate};

pub(crate) fn closed_reason(closed: &Closed, lang: Lang) -> String {
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
                let note = lang.tr1("booking-seats-free", "count", seats);
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

pub(crate) fn state_text(state: &str, reason: Option<&str>, lang: Lang) -> String {
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
    rows: FactRows<'a>,
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
pub(crate) fn summary_rows<'l>(
    lang: Lang,
    office: &Office,
    view: &BookingStatusView,
) -> FactRows<'l> {
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
pub fn status_page(lang: Lang, office: &Office, view: &BookingStatusView) -> String {
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
    rows: FactRows<'a>,
}

/// R14: what the cancellation link shows before anything changes.
pub fn cancel_confirm_page(lang: Lang, office: &Office, view: &BookingStatusView) -> String {
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
    rows: FactRows<'a>,
}

/// R18: the relocation link shows the old and new time; only a POST answers.
pub fn relocation_page(
    lang: Lang,
    office: &Office,
    view: &BookingStatusView,
    old_time: &str,
) -> String {
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
