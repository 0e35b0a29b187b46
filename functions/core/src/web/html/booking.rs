//! The booking pages: the month's day picker, a day's slots and form, the
//! confirmation, the status check, the cancellation and relocation links.

use super::page::{FactRows, FactsPage, FormState, notice_page, render, service_name};
use crate::booking::availability::{DayAvailability, SlotAvailability};
use crate::booking::{Booking, BookingStatusView};
use crate::kernel::i18n::dates;
use crate::kernel::text::{Args, Lang};
use crate::kernel::time::OFFICE_TZ;
use crate::office::{Closed, Desk, Proof, Service, Setup};
use askama::Template;
use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// Why a day takes no bookings. A holiday's or closure's name is the office's data, as
/// its calendar names it.
pub(crate) fn closed_reason(closed: &Closed, lang: Lang) -> String {
    match closed {
        Closed::Weekend => lang.tr("booking-closed-weekend"),
        Closed::Holiday { name } => lang.tr1("booking-closed-holiday", "name", name.as_str()),
        Closed::Closure { name } => lang.tr1("booking-closed-closure", "name", name.as_str()),
        Closed::NoHours => lang.tr("booking-closed-no-hours"),
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
    description: String,
    month_name: String,
    /// The location's name and address.
    place: String,
    /// The weekdays' short names, Monday first: the grid's column heads.
    weekdays: [String; 7],
    days: Vec<PickerDay>,
    previous: Option<String>,
    next: Option<String>,
}

/// A day of the picker from the day's availability; `bookable`: inside today and the
/// booking horizon.
pub fn picker_day(
    lang: Lang,
    desk: &Desk,
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
                ("full", lang.tr("booking-day-full"), None)
            } else {
                let href = format!(
                    "/api/availability?service={}&location={}&date={date}&lang={}",
                    desk.service.code,
                    desk.location.code,
                    lang.code()
                );
                let note = lang.tr1("booking-seats-free", "count", seats);
                ("free", note, Some(href))
            }
        }
    };
    PickerDay {
        label: dates::day_long(date, lang),
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
    desk: &Desk,
    month: NaiveDate,
    days: Vec<PickerDay>,
    previous: Option<String>,
    next: Option<String>,
) -> String {
    let name = service_name(desk.service, lang);
    render(MonthPage {
        lang,
        title: &lang.tr1("booking-month-title", "service", name),
        description: lang.tr1("booking-month-description", "service", name),
        place: desk.location.where_(lang),
        month_name: dates::month_year(month.year(), month.month(), lang),
        weekdays: dates::weekdays_short(lang),
        days,
        previous,
        next,
    })
}

/// One location of the location choice.
pub struct Place {
    pub name: String,
    pub address: String,
    pub directions: String,
    /// Its next day with a free online seat, in words (or that none is left).
    pub next_free: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "booking/locations.html")]
struct LocationsPage<'a> {
    lang: Lang,
    title: &'a str,
    description: String,
    places: Vec<Place>,
}

/// The locations that give `service`, each with its next free day, leading to its
/// day picker.
pub fn locations_page(lang: Lang, service: &Service, places: &[(Desk, Option<NaiveDate>)]) -> String {
    let name = service_name(service, lang);
    let places = places
        .iter()
        .map(|(desk, next)| Place {
            name: desk.location.name(lang).to_owned(),
            address: desk.location.address.clone(),
            directions: desk
                .location
                .directions
                .as_ref()
                .map(|d| d.get(lang).to_owned())
                .unwrap_or_default(),
            next_free: match next {
                Some(day) => lang.tr1("booking-next-free-day", "day", dates::day_long(*day, lang)),
                None => lang.tr("booking-no-free-day"),
            },
            href: format!(
                "/api/availability?service={}&location={}&lang={}",
                service.code,
                desk.location.code,
                lang.code()
            ),
        })
        .collect();
    render(LocationsPage {
        lang,
        title: &lang.tr1("booking-locations-title", "service", name),
        description: lang.tr1("booking-locations-description", "service", name),
        places,
    })
}

#[derive(Template)]
#[template(path = "booking/availability.html")]
struct AvailabilityPage<'a> {
    lang: Lang,
    title: &'a str,
    description: String,
    desk: &'a Desk<'a>,
    place: String,
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
    desk: &Desk,
    day: &DayAvailability,
    challenged: bool,
    form: &FormState,
) -> String {
    let mut args = Args::new();
    args.set("service", service_name(desk.service, lang));
    args.set("day", dates::day_long(day.date, lang));
    // As text: a number would be grouped ("2.026").
    args.set("year", day.date.year().to_string());
    render(AvailabilityPage {
        lang,
        title: &lang.tr_args("booking-day-title", &args),
        description: lang.tr_args("booking-day-description", &args),
        desk,
        place: desk.location.where_(lang),
        month: day.date.format("%Y-%m").to_string(),
        closed: day.closed.as_ref().map(|c| closed_reason(c, lang)),
        free: day.slots.iter().filter(|s| s.bookable).collect(),
        challenged,
        form,
    })
}

/// A booking's state, with why it was cancelled when it was.
pub(crate) fn state_text(state: &str, reason: Option<&str>, lang: Lang) -> String {
    let id = match (state, reason) {
        ("active", _) => "booking-state-active",
        ("cancelled", Some("duplicate_vin")) => "booking-state-cancelled-duplicate-vin",
        ("cancelled", Some("duplicate_holder")) => "booking-state-cancelled-duplicate-holder",
        ("cancelled", Some("cancelled_by_booker")) => "booking-state-cancelled-by-booker",
        ("cancelled", Some("superseded")) => "booking-state-cancelled-superseded",
        ("cancelled", Some("office_closed")) => "booking-state-cancelled-by-office",
        ("cancelled", Some("relocation_declined")) => "booking-state-cancelled-relocation-declined",
        ("cancelled", _) => "booking-state-cancelled",
        ("attended", _) => "booking-state-attended",
        ("no_show", _) => "booking-state-no-show",
        (other, _) => return other.to_owned(),
    };
    lang.tr(id)
}

#[derive(Template)]
#[template(path = "booking/confirmation.html")]
struct ConfirmationPage<'a> {
    lang: Lang,
    title: &'a str,
    number: Option<&'a str>,
    rows: FactRows,
}

/// R02, R08: the end of the booking, with the number and the stored form of the data.
pub fn confirmation_page(
    lang: Lang,
    setup: &Setup,
    booking: &Booking,
    number: Option<&str>,
) -> String {
    let mut rows = vec![
        (
            lang.tr("booking-row-service"),
            setup.service_name(&booking.service, lang).to_owned(),
        ),
        (
            lang.tr("booking-row-location"),
            setup.place(&booking.location, lang),
        ),
        (
            lang.tr("booking-row-date-time"),
            office_time(booking.slot_start, lang),
        ),
        (lang.tr("booking-row-name"), booking.name.clone()),
        (lang.tr("booking-row-phone"), booking.phone.clone()),
        (
            lang.tr("booking-row-state"),
            state_text(&booking.state, booking.cancel_reason.as_deref(), lang),
        ),
    ];
    if let Some(email) = &booking.email {
        rows.push((lang.tr("booking-row-email"), email.clone()));
    }
    if let Some(vin) = &booking.vin {
        rows.push((lang.tr("booking-row-vin"), vin.clone()));
    }
    if let Some(holder) = &booking.holder {
        rows.push((lang.tr("booking-row-holder"), holder.clone()));
    }
    let bring = setup.what_to_bring(&booking.service, lang);
    if !bring.is_empty() {
        rows.push((lang.tr("booking-row-bring"), bring.join("; ")));
    }
    render(ConfirmationPage {
        lang,
        title: &lang.tr("booking-confirmation-title"),
        number,
        rows,
    })
}

/// What anyone holding a number or link may see of a booking (R03): no personal
/// data but a masked name.
pub(crate) fn summary_rows(lang: Lang, setup: &Setup, view: &BookingStatusView) -> FactRows {
    let date = NaiveDate::parse_from_str(&view.date, "%Y-%m-%d")
        .map(|d| dates::date_numeric(d, lang))
        .unwrap_or_else(|_| view.date.clone());
    vec![
        (
            lang.tr("booking-row-service"),
            setup.service_name(&view.service, lang).to_owned(),
        ),
        (
            lang.tr("booking-row-location"),
            setup.place(&view.location, lang),
        ),
        (lang.tr("booking-row-date"), date),
        (lang.tr("booking-row-time"), view.time.clone()),
        (lang.tr("booking-row-name"), view.name.clone()),
    ]
}

/// A moment as the office's clock shows it, in figures the language's way.
fn office_time(at: DateTime<Utc>, lang: Lang) -> String {
    dates::date_time_numeric(at.with_timezone(&OFFICE_TZ).naive_local(), lang)
}

/// R03: the status check.
pub fn status_page(lang: Lang, setup: &Setup, view: &BookingStatusView) -> String {
    let mut rows = summary_rows(lang, setup, view);
    rows.push((
        lang.tr("booking-row-state"),
        state_text(&view.state, view.cancel_reason.as_deref(), lang),
    ));
    render(FactsPage {
        lang,
        title: &lang.tr("booking-status-title"),
        rows,
    })
}

#[derive(Template)]
#[template(path = "booking/cancel_confirm.html")]
struct CancelConfirmPage<'a> {
    lang: Lang,
    title: &'a str,
    rows: FactRows,
}

/// R14: what the cancellation link shows before anything changes.
pub fn cancel_confirm_page(lang: Lang, setup: &Setup, view: &BookingStatusView) -> String {
    render(CancelConfirmPage {
        lang,
        title: &lang.tr("booking-cancel-title"),
        rows: summary_rows(lang, setup, view),
    })
}

#[derive(Template)]
#[template(path = "booking/relocation.html")]
struct RelocationPage<'a> {
    lang: Lang,
    title: &'a str,
    rows: FactRows,
}

/// R18: the relocation link shows the old and new time; only a POST answers.
pub fn relocation_page(
    lang: Lang,
    setup: &Setup,
    view: &BookingStatusView,
    old_start: DateTime<Utc>,
) -> String {
    let mut rows = summary_rows(lang, setup, view);
    rows.insert(
        1,
        (
            lang.tr("booking-row-original-time"),
            office_time(old_start, lang),
        ),
    );
    render(RelocationPage {
        lang,
        title: &lang.tr("booking-relocation-title"),
        rows,
    })
}

pub fn relocation_answered_page(lang: Lang, confirmed: bool) -> String {
    if confirmed {
        notice_page(
            lang,
            &lang.tr("booking-relocation-confirmed-title"),
            &lang.tr("booking-relocation-confirmed-text"),
        )
    } else {
        cancelled_page(lang)
    }
}

pub fn cancelled_page(lang: Lang) -> String {
    notice_page(
        lang,
        &lang.tr("booking-cancelled-title"),
        &lang.tr("booking-cancelled-text"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day_with(date: NaiveDate, seats: &[u32]) -> DayAvailability {
        DayAvailability {
            date,
            open: true,
            closed: None,
            slots: seats
                .iter()
                .enumerate()
                .map(|(i, &left)| SlotAvailability {
                    start: format!("{date}T09:{:02}:00+02:00", i * 15),
                    time: format!("09:{:02}", i * 15),
                    online_seats: left,
                    online_left: left,
                    bookable: true,
                })
                .collect(),
        }
    }

    fn wednesday() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).expect("a date")
    }

    #[test]
    fn a_picker_day_counts_its_seats_in_each_languages_forms() {
        let setup = Setup::default();
        let desk = setup.desk(None, "passport").expect("a desk");
        let note = |lang: Lang, seats: &[u32]| {
            let day = day_with(wednesday(), seats);
            picker_day(lang, &desk, wednesday(), Some(&day)).note
        };
        assert_eq!(note(Lang::Ro, &[1]), "1 loc liber");
        assert_eq!(note(Lang::Ro, &[1, 1]), "2 locuri libere");
        assert_eq!(note(Lang::Ro, &[10, 10]), "20 de locuri libere");
        assert_eq!(note(Lang::Ro, &[50, 51]), "101 locuri libere");
        assert_eq!(note(Lang::En, &[1]), "1 free seat");
        assert_eq!(note(Lang::En, &[10, 10]), "20 free seats");
        assert_eq!(note(Lang::Hu, &[1]), "1 szabad hely");
        assert_eq!(note(Lang::Hu, &[10, 10]), "20 szabad hely");
        assert_eq!(note(Lang::Hu, &[0]), "Betelt");
        let day = day_with(wednesday(), &[2]);
        let picked = picker_day(Lang::Hu, &desk, wednesday(), Some(&day));
        assert_eq!(picked.label, "november 25., szerda");
        assert_eq!(
            picked.href.as_deref(),
            Some("/api/availability?service=passport&location=main&date=2026-11-25&lang=hu")
        );
    }

    #[test]
    fn a_days_page_names_the_day_the_languages_way() {
        let setup = Setup::default();
        let desk = setup.desk(None, "passport").expect("a desk");
        let day = day_with(wednesday(), &[1, 2]);
        let page = |lang| availability_page(lang, &desk, &day, false, &FormState::default());
        let hungarian = page(Lang::Hu);
        assert!(
            hungarian.contains("<h1>Útlevelek — 2026. november 25., szerda</h1>"),
            "{hungarian}"
        );
        assert!(hungarian.contains("(1 hely)") && hungarian.contains("(2 hely)"));
        assert!(hungarian.contains("Foglalás</button>"));
        assert!(hungarian.contains(r#"<input type="hidden" name="lang" value="hu">"#));
        assert!(hungarian.contains(
            r#"<meta name="description" content="Útlevelek, november 25., szerda: a szabad időpontok és a foglalási űrlap.">"#
        ));
        let romanian = page(Lang::Ro);
        assert!(romanian.contains("<h1>Pașapoarte — miercuri 25 noiembrie 2026</h1>"));
        assert!(romanian.contains("(1 loc)") && romanian.contains("(2 locuri)"));
        let english = page(Lang::En);
        assert!(english.contains("<h1>Passports — Wednesday 25 November 2026</h1>"));
    }

    #[test]
    fn the_month_page_is_in_the_page_language() {
        let setup = Setup::default();
        let desk = setup.desk(None, "registration").expect("a desk");
        let day = day_with(wednesday(), &[3]);
        let days = vec![picker_day(Lang::Hu, &desk, wednesday(), Some(&day))];
        let page = month_page(Lang::Hu, &desk, wednesday(), days, None, None);
        assert!(page.contains("<h2>2026. november</h2>"), "{page}");
        assert!(page.contains("<span>H</span><span>K</span><span>Sze</span>"));
        assert!(page.contains("3 szabad hely"));
        assert!(page.contains(r#"<meta name="description" content="Járműnyilvántartásba vétel: "#));
        let romanian = month_page(Lang::Ro, &desk, wednesday(), vec![], None, None);
        assert!(romanian.contains("<h2>noiembrie 2026</h2>"));
        assert!(romanian.contains("Înmatriculări vehicule — alegeți ziua"));
    }

    #[test]
    fn a_state_and_a_closed_day_read_in_the_page_language() {
        assert_eq!(
            state_text("cancelled", Some("duplicate_vin"), Lang::Ro),
            "Anulată: serie de șasiu folosită de mai multe ori"
        );
        assert_eq!(state_text("no_show", None, Lang::En), "No-show");
        assert_eq!(state_text("attended", None, Lang::Hu), "Megjelent");
        assert_eq!(state_text("unknown", None, Lang::Hu), "unknown");
        let holiday = Closed::Holiday {
            name: "Crăciunul".to_owned(),
        };
        assert_eq!(
            closed_reason(&holiday, Lang::Ro),
            "Sărbătoare legală: Crăciunul"
        );
        assert_eq!(
            closed_reason(&holiday, Lang::Hu),
            "Munkaszüneti nap: Crăciunul"
        );
    }
}
