//! Citizen-facing messages (R02, R04, R14, R21): Romanian first, English below, office
//! time, every user-supplied value escaped in HTML. The confirmation email carries
//! the appointment as an `.ics` calendar file.

use crate::booking::Booking;
use crate::kernel::text::escape;
use crate::kernel::time::OFFICE_TZ;
use crate::office::Office;
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
pub(crate) fn email(subject: String, paragraphs: &[String], attachments: Vec<Attachment>) -> Email {
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

/// The name a booker typed, shown as data in quotes, never as words the office says
/// ("Bună ziua, Plătiți pe amenzi-ro.ro" would read as the office's own request).
fn booked_by_ro(booking: &Booking) -> String {
    format!("Programare pe numele: „{}”", booking.name)
}

fn booked_by_en(booking: &Booking) -> String {
    format!("Booked in the name of: “{}”", booking.name)
}

pub fn confirmation_email(booking: &Booking, office: &Office, number: &str) -> Email {
    let a = appointment(booking, office);
    email(
        format!("Confirmare programare / Booking confirmation {number}"),
        &[
            "Bună ziua,".to_owned(),
            booked_by_ro(booking),
            format!("Programarea dumneavoastră: {}, {}.\nNumărul rezervării: {number}", a.service_ro, a.when),
            "Prezentați la ghișeu numărul rezervării, telefonul folosit la programare, actul de identitate și seria de șasiu sau titularul. Cu o zi înainte primiți un email cu singurul link de anulare.".to_owned(),
            "—".to_owned(),
            "Hello,".to_owned(),
            booked_by_en(booking),
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
            "Bună ziua,".to_owned(),
            booked_by_ro(booking),
            format!(
                "Vă reamintim programarea de mâine: {}, {}.",
                a.service_ro, a.when
            ),
            format!("Dacă nu puteți veni, anulați aici (anularea este definitivă): {cancel_link}"),
            "—".to_owned(),
            "Hello,".to_owned(),
            booked_by_en(booking),
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
            "Bună ziua,".to_owned(),
            booked_by_ro(booking),
            format!(
                "Instituția a trebuit să închidă intervalul programării dumneavoastră. Programarea pentru {} a fost mutată la {}.",
                a.service_ro, a.when
            ),
            format!("Confirmați noua oră sau renunțați (programarea se anulează): {link}"),
            "—".to_owned(),
            "Hello,".to_owned(),
            booked_by_en(booking),
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
            "Bună ziua,".to_owned(),
            booked_by_ro(booking),
            format!(
                "Instituția a trebuit să închidă intervalul programării dumneavoastră ({}, {}) și nu a mai rămas nicio oră liberă. Programarea a fost anulată; vă rugăm să faceți o nouă programare. Ne cerem scuze.",
                a.service_ro, a.when
            ),
            "—".to_owned(),
            "Hello,".to_owned(),
            booked_by_en(booking),
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

/// A complaint message, rendered when queued: the email and the SMS text.
pub struct Notice {
    pub email: Email,
    pub sms: String,
}

impl Email {
    /// What the outbox keeps for a message rendered when queued.
    pub fn payload(&self) -> serde_json::Value {
        serde_json::json!({"subject": self.subject, "text": self.text, "html": self.html})
    }
}

pub fn sms_payload(text: &str) -> serde_json::Value {
    serde_json::json!({ "text": text })
}

/// C02: the automatic acknowledgement, the only message carrying the complaint number.
pub fn complaint_ack(number: &str, received: &str, resolve_by: &str, status_link: &str) -> Notice {
    Notice {
        email: email(
            format!("Confirmare sesizare / Complaint received {number}"),
            &[
                format!(
                    "Am primit sesizarea dumneavoastră din {received}. Numărul sesizării: {number}"
                ),
                format!("Vă răspundem cel târziu la {resolve_by}. Starea sesizării: {status_link}"),
                "—".to_owned(),
                format!("We received your complaint of {received}. Complaint number: {number}"),
                format!("We will answer by {resolve_by} at the latest. Its status: {status_link}"),
            ],
            vec![],
        ),
        sms: format!(
            "Sesizare primită, nr. {number}. Răspuns până la {resolve_by}. / Complaint received, no. {number}. Answer by {resolve_by}."
        ),
    }
}

/// C05: the escalation is received; it counts as the new level's acknowledgement.
pub fn complaint_escalated(received: &str, level: u32, resolve_by: &str) -> Notice {
    Notice {
        email: email(
            format!("Sesizare escaladată / Complaint escalated (nivel/level {level})"),
            &[
                format!(
                    "Sesizarea dumneavoastră din {received} a fost redeschisă la nivelul {level}. Vă răspundem cel târziu la {resolve_by}."
                ),
                "—".to_owned(),
                format!(
                    "Your complaint of {received} has been reopened at level {level}. We will answer by {resolve_by} at the latest."
                ),
            ],
            vec![],
        ),
        sms: format!(
            "Sesizarea din {received} a fost escaladată (nivel {level}); răspuns până la {resolve_by}. / Complaint of {received} escalated (level {level}); answer by {resolve_by}."
        ),
    }
}

/// C03: the progress update staff wrote.
pub fn complaint_progress(received: &str, text: &str) -> Notice {
    Notice {
        email: email(
            "Stadiul sesizării / Complaint progress".to_owned(),
            &[
                format!("Stadiul sesizării dumneavoastră din {received}:"),
                text.to_owned(),
                "—".to_owned(),
                format!(
                    "Progress on your complaint of {received} (text above, in the office's words)."
                ),
            ],
            vec![],
        ),
        sms: format!(
            "Sesizarea din {received}: v-am trimis stadiul pe email. / Complaint of {received}: progress sent by email."
        ),
    }
}

/// C04/C05: the written decision, with the only link to escalate it.
pub fn complaint_decision(received: &str, decision: &str, escalate_link: &str) -> Notice {
    Notice {
        email: email(
            "Soluționarea sesizării / Complaint decision".to_owned(),
            &[
                format!("Decizia privind sesizarea dumneavoastră din {received}:"),
                decision.to_owned(),
                format!(
                    "Dacă nu sunteți mulțumit(ă), puteți escalada sesizarea la nivelul superior: {escalate_link}"
                ),
                "—".to_owned(),
                format!(
                    "The decision on your complaint of {received} is above, in the office's words."
                ),
                format!(
                    "If you are not satisfied, you can escalate it to the next level: {escalate_link}"
                ),
            ],
            vec![],
        ),
        sms: format!(
            "Sesizarea din {received} a fost soluționată. Decizia și escaladarea: {escalate_link} / Your complaint of {received} is decided. Decision and escalation: {escalate_link}"
        ),
    }
}

/// C04 missed: the explanation and new timeline staff recorded.
pub fn complaint_new_timeline(received: &str, explanation: &str, until: &str) -> Notice {
    Notice {
        email: email(
            "Termen nou pentru sesizare / New timeline for your complaint".to_owned(),
            &[
                format!(
                    "Nu am putut soluționa sesizarea dumneavoastră din {received} în termen. Explicația:"
                ),
                explanation.to_owned(),
                format!("Noul termen: {until}."),
                "—".to_owned(),
                format!(
                    "We could not resolve your complaint of {received} in time; the explanation is above. New timeline: {until}."
                ),
            ],
            vec![],
        ),
        sms: format!(
            "Sesizarea din {received}: termen nou {until}, detalii pe email. / Complaint of {received}: new timeline {until}, details by email."
        ),
    }
}

/// C04 missed with no new timeline recorded yet: a holding notice.
pub fn complaint_holding(received: &str) -> Notice {
    Notice {
        email: email(
            "Sesizarea este încă în lucru / Your complaint is still being handled".to_owned(),
            &[
                format!(
                    "Nu am putut soluționa sesizarea dumneavoastră din {received} în 30 de zile lucrătoare. Vă scriem în curând cu explicația și un termen nou."
                ),
                "—".to_owned(),
                format!(
                    "We could not resolve your complaint of {received} within 30 business days. We will write soon with the explanation and a new timeline."
                ),
            ],
            vec![],
        ),
        sms: format!(
            "Sesizarea din {received} e încă în lucru; revenim cu un termen nou. / Complaint of {received} still in progress; a new timeline follows."
        ),
    }
}

/// The SLA check's note to staff (no personal data: the complaint's id and kind).
pub fn complaint_sla_staff(id: i64, kind: &str, flag: &str, due: &str, link: &str) -> Email {
    email(
        format!("SLA sesizare #{id}: {flag}"),
        &[format!(
            "Sesizarea #{id} ({kind}): {flag}, termen {due}.\nComplaint #{id} ({kind}): {flag}, due {due}.\n{link}"
        )],
        vec![],
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
