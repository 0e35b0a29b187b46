//! Citizen-facing messages (R02, R04, R14, R21): Romanian first, English below, office
//! time, every user-supplied value escaped in HTML. The confirmation email carries
//! the appointment as an `.ics` calendar file.

use crate::booking::Booking;
use crate::html::escape;
use crate::office::{OFFICE_TZ, Office};
use chrono::{DateTime, Utc};

pub struct Attachment {
    pub filename: &'static str,
    pub content_type: &'static str,
    pub content: String,
}

pub struct Email {
    pub subject: String,
    pub text: String,
    pub html: String,
    pub attachments: Vec<Attachment>,
}

struct Appointment {
    service_ro: &'static str,
    service_en: &'static str,
    when: String,
}

fn appointment(booking: &Booking, office: &Office) -> Appointment {
    let (service_ro, service_en) = office
        .service(&booking.service)
        .map(|s| (s.name_ro, s.name_en))
        .unwrap_or(("", ""));
    let when = booking
        .slot_start
        .with_timezone(&OFFICE_TZ)
        .format("%d.%m.%Y %H:%M")
        .to_string();
    Appointment {
        service_ro,
        service_en,
        when,
    }
}

/// An email from paragraphs of plain text: the HTML version escapes each one.
fn email(subject: String, paragraphs: &[String], attachments: Vec<Attachment>) -> Email {
    let text = paragraphs.join("\n\n");
    let html = paragraphs
        .iter()
        .map(|p| format!("<p>{}</p>", escape(p).replace('\n', "<br>")))
        .collect::<String>();
    Email {
        subject,
        text,
        html: format!("<!doctype html><html><body>{html}</body></html>"),
        attachments,
    }
}

pub fn confirmation_email(booking: &Booking, office: &Office, number: &str) -> Email {
    let a = appointment(booking, office);
    email(
        format!("Confirmare programare / Booking confirmation {number}"),
        &[
            format!("Bună ziua, {},", booking.name),
            format!("Programarea dumneavoastră: {}, {}.\nNumărul rezervării: {number}", a.service_ro, a.when),
            "Prezentați la ghișeu numărul rezervării, telefonul folosit la programare, actul de identitate și seria de șasiu sau titularul. Cu o zi înainte primiți un email cu singurul link de anulare.".to_owned(),
            "—".to_owned(),
            format!("Hello {},", booking.name),
            format!("Your booking: {}, {} (Bucharest time).\nReservation number: {number}", a.service_en, a.when),
            "At the counter, show the reservation number, the phone used to book, your identity card and the VIN or holder. The day before, you receive an email with the only cancellation link.".to_owned(),
        ],
        vec![Attachment { filename: "programare.ics", content_type: "text/calendar; charset=utf-8", content: ics(booking, office, number) }],
    )
}

pub fn confirmation_sms(booking: &Booking, office: &Office, number: &str) -> String {
    let a = appointment(booking, office);
    format!(
        "Programare {} {}. Nr. {number}. / Booking {} {}. No. {number}.",
        a.service_ro, a.when, a.service_en, a.when
    )
}

pub fn reminder_email(booking: &Booking, office: &Office, cancel_link: &str) -> Email {
    let a = appointment(booking, office);
    email(
        format!("Reamintire programare / Appointment reminder {}", a.when),
        &[
            format!("Bună ziua, {},", booking.name),
            format!(
                "Vă reamintim programarea de mâine: {}, {}.",
                a.service_ro, a.when
            ),
            format!("Dacă nu puteți veni, anulați aici (anularea este definitivă): {cancel_link}"),
            "—".to_owned(),
            format!("Hello {},", booking.name),
            format!(
                "A reminder of your appointment tomorrow: {}, {} (Bucharest time).",
                a.service_en, a.when
            ),
            format!("If you cannot come, cancel here (cancelling is final): {cancel_link}"),
        ],
        vec![],
    )
}

pub fn reminder_sms(booking: &Booking, office: &Office) -> String {
    let a = appointment(booking, office);
    format!(
        "Reamintire: {} {}. Anularea: linkul din email. / Reminder: {} {}. To cancel: the link in your email.",
        a.service_ro, a.when, a.service_en, a.when
    )
}

/// R18: the new time, and the link to confirm or decline it (SMS and email alike:
/// every booker gave a phone, not everyone an email).
pub fn relocation_email(booking: &Booking, office: &Office, link: &str) -> Email {
    let a = appointment(booking, office);
    email(
        format!("Programare mutată / Appointment moved {}", a.when),
        &[
            format!("Bună ziua, {},", booking.name),
            format!(
                "Instituția a trebuit să închidă intervalul programării dumneavoastră. Programarea pentru {} a fost mutată la {}.",
                a.service_ro, a.when
            ),
            format!("Confirmați noua oră sau renunțați (programarea se anulează): {link}"),
            "—".to_owned(),
            format!("Hello {},", booking.name),
            format!(
                "The office had to close the time of your appointment. Your {} appointment has moved to {} (Bucharest time).",
                a.service_en, a.when
            ),
            format!("Confirm the new time or decline it (the booking is cancelled): {link}"),
        ],
        vec![],
    )
}

pub fn relocation_sms(booking: &Booking, office: &Office, link: &str) -> String {
    let a = appointment(booking, office);
    format!(
        "Programarea {} a fost mutată la {}. Confirmați: {link} / Your {} appointment moved to {}. Confirm: {link}",
        a.service_ro, a.when, a.service_en, a.when
    )
}

/// R18: no free time was left to move the booking to.
pub fn office_cancelled_email(booking: &Booking, office: &Office) -> Email {
    let a = appointment(booking, office);
    email(
        format!(
            "Programare anulată de instituție / Appointment cancelled by the office {}",
            a.when
        ),
        &[
            format!("Bună ziua, {},", booking.name),
            format!(
                "Instituția a trebuit să închidă intervalul programării dumneavoastră ({}, {}) și nu a mai rămas nicio oră liberă. Programarea a fost anulată; vă rugăm să faceți o nouă programare. Ne cerem scuze.",
                a.service_ro, a.when
            ),
            "—".to_owned(),
            format!("Hello {},", booking.name),
            format!(
                "The office had to close the time of your appointment ({}, {}) and no free time was left. The booking is cancelled; please book again. We apologise.",
                a.service_en, a.when
            ),
        ],
        vec![],
    )
}

pub fn office_cancelled_sms(booking: &Booking, office: &Office) -> String {
    let a = appointment(booking, office);
    format!(
        "Programarea {} {} a fost anulată de instituție; programați-vă din nou. / Your {} appointment {} was cancelled by the office; please book again.",
        a.service_ro, a.when, a.service_en, a.when
    )
}

fn ics_time(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// RFC 5545 text values escape backslash, semicolon, comma and newline.
fn ics_text(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

pub fn ics(booking: &Booking, office: &Office, number: &str) -> String {
    let a = appointment(booking, office);
    [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//ghiseu//booking//RO".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}@ghiseu", ics_text(number)),
        format!("DTSTAMP:{}", ics_time(booking.slot_start)),
        format!("DTSTART:{}", ics_time(booking.slot_start)),
        format!("DTEND:{}", ics_time(booking.slot_end)),
        format!(
            "SUMMARY:{}",
            ics_text(&format!("{} / {} – {number}", a.service_ro, a.service_en))
        ),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ]
    .join("\r\n")
        + "\r\n"
}
