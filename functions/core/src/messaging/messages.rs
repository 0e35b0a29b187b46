//! Citizen-facing messages (R02, R04, R14, R21), from `locales/*/message.ftl`: in the
//! citizen's language, and when that isn't Romanian, the Romanian text below it
//! (Romanian is the office's official language, the text it stands behind). Office
//! time; every user-supplied value escaped in HTML. The confirmation email carries the
//! appointment as an `.ics` calendar file.

use crate::booking::Booking;
use crate::kernel::i18n::dates::{date_numeric, date_time_numeric};
use crate::kernel::text::{Args, Lang, escape};
use crate::kernel::time::{OFFICE_TZ, office_date as office_day};
use crate::kernel::token::hex_sha256;
use crate::messaging::limits;
use crate::office::Setup;
use chrono::{DateTime, Duration, NaiveDate, Utc};

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

/// The languages a citizen's message is written in: theirs, then Romanian when theirs
/// isn't.
pub(crate) fn languages(lang: Lang) -> Vec<Lang> {
    match lang {
        Lang::Ro => vec![Lang::Ro],
        other => vec![other, Lang::Ro],
    }
}

/// A message's paragraphs in each of its languages, the parts parted by a dash. `part`
/// is told whether it writes the first part: a text staff wrote is shown there only.
pub(crate) fn in_languages(lang: Lang, part: impl Fn(Lang, bool) -> Vec<String>) -> Vec<String> {
    let mut paragraphs = Vec::new();
    for (at, l) in languages(lang).into_iter().enumerate() {
        if at > 0 {
            paragraphs.push("—".to_owned());
        }
        paragraphs.extend(part(l, at == 0));
    }
    paragraphs
}

/// A subject: its title in each language, then what it is about (a number, a time).
pub(crate) fn subject(lang: Lang, title: impl Fn(Lang) -> String, about: Option<&str>) -> String {
    let titles: Vec<String> = languages(lang).into_iter().map(title).collect();
    match about {
        Some(about) => format!("{} {about}", titles.join(" / ")),
        None => titles.join(" / "),
    }
}

/// An SMS in the citizen's language, the Romanian after it when both fit within the
/// office's SMS length (`limits::SMS_MAX_SEGMENTS`), else theirs alone.
pub(crate) fn sms(lang: Lang, text: impl Fn(Lang) -> String) -> String {
    let own = text(lang);
    if lang == Lang::Ro {
        return own;
    }
    let both = format!("{own} / {}", text(Lang::Ro));
    if limits::sms_fits(&both) { both } else { own }
}

/// A message's named arguments, all text (numbers would be grouped: "2.026").
pub(crate) fn args<const N: usize>(pairs: [(&'static str, &str); N]) -> Args<'static> {
    let mut a = Args::new();
    for (name, value) in pairs {
        a.set(name, value.to_owned());
    }
    a
}

/// A text followed by a link.
pub(crate) fn with_link(text: String, link: &str) -> String {
    format!("{text} {link}")
}

/// An office-time moment in figures, the language's way.
pub(crate) fn moment(t: DateTime<Utc>, lang: Lang) -> String {
    date_time_numeric(t.with_timezone(&OFFICE_TZ).naive_local(), lang)
}

/// An office day in figures, the language's way.
pub(crate) fn day(date: NaiveDate, lang: Lang) -> String {
    date_numeric(date, lang)
}

/// The last office day of a deadline: one that runs until a day's midnight (the end
/// of that day, as `complaints::deadlines::end_of` gives it) is that day, not the next.
fn last_day(deadline: DateTime<Utc>) -> NaiveDate {
    office_day(deadline - Duration::seconds(1))
}

/// What a booking's messages say of it, in one language: the service, the time and
/// the place (the location's name and address).
fn appointment(booking: &Booking, setup: &Setup, lang: Lang) -> Args<'static> {
    args([
        ("service", setup.service_name(&booking.service, lang)),
        ("when", &moment(booking.slot_start, lang)),
        ("place", &setup.place(&booking.location, lang)),
    ])
}

/// The paragraphs on where to go and what to bring (the service's list, when it has one).
fn where_and_what(booking: &Booking, setup: &Setup, lang: Lang) -> Vec<String> {
    let place = setup.place(&booking.location, lang);
    let mut out = vec![lang.tr1("message-place", "place", place)];
    let bring = setup.what_to_bring(&booking.service, lang);
    if !bring.is_empty() {
        out.push(format!(
            "{}\n- {}",
            lang.tr("message-bring-list"),
            bring.join("\n- ")
        ));
    }
    out
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
fn booked_by(booking: &Booking, lang: Lang) -> String {
    lang.tr1("message-booked-by", "name", booking.name.as_str())
}

/// A booking's email: greeting, the booker's name, then `body` (in each language).
fn booking_email(
    booking: &Booking,
    subject: String,
    body: impl Fn(Lang) -> Vec<String>,
    attachments: Vec<Attachment>,
) -> Email {
    let paragraphs = in_languages(booking.lang, |l, _| {
        let mut p = vec![l.tr("message-greeting"), booked_by(booking, l)];
        p.extend(body(l));
        p
    });
    email(subject, &paragraphs, attachments)
}

pub fn confirmation_email(
    booking: &Booking,
    setup: &Setup,
    number: &str,
    now: DateTime<Utc>,
) -> Email {
    let lang = booking.lang;
    booking_email(
        booking,
        subject(lang, |l| l.tr("message-confirmation-subject"), Some(number)),
        |l| {
            let a = appointment(booking, setup, l);
            let mut p = vec![format!(
                "{}\n{}",
                l.tr_args("message-confirmation-appointment", &a),
                l.tr1("message-confirmation-number", "number", number)
            )];
            p.extend(where_and_what(booking, setup, l));
            p.push(l.tr("message-confirmation-bring"));
            p
        },
        vec![Attachment {
            filename: "programare.ics",
            content_type: "text/calendar; charset=utf-8",
            content: ics(booking, setup, number, now),
        }],
    )
}

pub fn confirmation_sms(booking: &Booking, setup: &Setup, number: &str) -> String {
    sms(booking.lang, |l| {
        let mut a = appointment(booking, setup, l);
        a.set("number", number.to_owned());
        l.tr_args("message-confirmation-sms", &a)
    })
}

pub fn reminder_email(booking: &Booking, setup: &Setup, cancel_link: &str) -> Email {
    let lang = booking.lang;
    let when = moment(booking.slot_start, lang);
    booking_email(
        booking,
        subject(lang, |l| l.tr("message-reminder-subject"), Some(&when)),
        |l| {
            let a = appointment(booking, setup, l);
            let mut p = vec![l.tr_args("message-reminder-appointment", &a)];
            p.extend(where_and_what(booking, setup, l));
            p.push(with_link(l.tr("message-reminder-cancel"), cancel_link));
            p
        },
        vec![],
    )
}

pub fn reminder_sms(booking: &Booking, setup: &Setup) -> String {
    sms(booking.lang, |l| {
        l.tr_args("message-reminder-sms", &appointment(booking, setup, l))
    })
}

/// R18: the new time, and the link to confirm or decline it (SMS and email alike:
/// every booker gave a phone, not everyone an email).
pub fn relocation_email(booking: &Booking, setup: &Setup, link: &str) -> Email {
    let lang = booking.lang;
    let when = moment(booking.slot_start, lang);
    booking_email(
        booking,
        subject(lang, |l| l.tr("message-relocation-subject"), Some(&when)),
        |l| {
            let a = appointment(booking, setup, l);
            vec![
                l.tr_args("message-relocation-moved", &a),
                l.tr1("message-place", "place", setup.place(&booking.location, l)),
                with_link(l.tr("message-relocation-answer"), link),
            ]
        },
        vec![],
    )
}

pub fn relocation_sms(booking: &Booking, setup: &Setup, link: &str) -> String {
    sms(booking.lang, |l| {
        let a = appointment(booking, setup, l);
        with_link(l.tr_args("message-relocation-sms", &a), link)
    })
}

/// R18: no free time was left to move the booking to.
pub fn office_cancelled_email(booking: &Booking, setup: &Setup) -> Email {
    let lang = booking.lang;
    let when = moment(booking.slot_start, lang);
    booking_email(
        booking,
        subject(
            lang,
            |l| l.tr("message-office-cancelled-subject"),
            Some(&when),
        ),
        |l| {
            let a = appointment(booking, setup, l);
            vec![l.tr_args("message-office-cancelled-text", &a)]
        },
        vec![],
    )
}

pub fn office_cancelled_sms(booking: &Booking, setup: &Setup) -> String {
    sms(booking.lang, |l| {
        l.tr_args(
            "message-office-cancelled-sms",
            &appointment(booking, setup, l),
        )
    })
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

/// What every complaint message names: when it was received, the language's way.
fn received(received_at: DateTime<Utc>, lang: Lang) -> String {
    day(office_day(received_at), lang)
}

/// C02: the automatic acknowledgement, the only message carrying the complaint number.
pub fn complaint_ack(
    lang: Lang,
    number: &str,
    received_at: DateTime<Utc>,
    resolve_by: DateTime<Utc>,
    status_link: &str,
) -> Notice {
    let a = |l: Lang| {
        args([
            ("number", number),
            ("received", &received(received_at, l)),
            ("resolve_by", &day(last_day(resolve_by), l)),
        ])
    };
    Notice {
        email: email(
            subject(
                lang,
                |l| l.tr("message-complaint-ack-subject"),
                Some(number),
            ),
            &in_languages(lang, |l, _| {
                vec![
                    l.tr_args("message-complaint-ack-received", &a(l)),
                    with_link(
                        l.tr_args("message-complaint-ack-answer", &a(l)),
                        status_link,
                    ),
                ]
            }),
            vec![],
        ),
        sms: sms(lang, |l| l.tr_args("message-complaint-ack-sms", &a(l))),
    }
}

/// C05: the escalation is received; it counts as the new level's acknowledgement.
pub fn complaint_escalated(
    lang: Lang,
    received_at: DateTime<Utc>,
    level: u32,
    resolve_by: DateTime<Utc>,
) -> Notice {
    let level = level.to_string();
    let a = |l: Lang| {
        args([
            ("level", level.as_str()),
            ("received", &received(received_at, l)),
            ("resolve_by", &day(last_day(resolve_by), l)),
        ])
    };
    Notice {
        email: email(
            subject(
                lang,
                |l| l.tr_args("message-complaint-escalated-subject", &a(l)),
                None,
            ),
            &in_languages(lang, |l, _| {
                vec![l.tr_args("message-complaint-escalated-text", &a(l))]
            }),
            vec![],
        ),
        sms: sms(lang, |l| {
            l.tr_args("message-complaint-escalated-sms", &a(l))
        }),
    }
}

/// C03: the progress update staff wrote, shown once, in the first language's part.
pub fn complaint_progress(lang: Lang, received_at: DateTime<Utc>, text: &str) -> Notice {
    let a = |l: Lang| args([("received", &received(received_at, l))]);
    Notice {
        email: email(
            subject(lang, |l| l.tr("message-complaint-progress-subject"), None),
            &in_languages(lang, |l, first| match first {
                true => vec![
                    l.tr_args("message-complaint-progress-intro", &a(l)),
                    text.to_owned(),
                ],
                false => vec![l.tr_args("message-complaint-progress-above", &a(l))],
            }),
            vec![],
        ),
        sms: sms(lang, |l| l.tr_args("message-complaint-progress-sms", &a(l))),
    }
}

/// C04/C05: the written decision, with the only link to escalate it.
pub fn complaint_decision(
    lang: Lang,
    received_at: DateTime<Utc>,
    decision: &str,
    escalate_link: &str,
) -> Notice {
    let a = |l: Lang| args([("received", &received(received_at, l))]);
    Notice {
        email: email(
            subject(lang, |l| l.tr("message-complaint-decision-subject"), None),
            &in_languages(lang, |l, first| {
                let mut p = match first {
                    true => vec![
                        l.tr_args("message-complaint-decision-intro", &a(l)),
                        decision.to_owned(),
                    ],
                    false => vec![l.tr_args("message-complaint-decision-above", &a(l))],
                };
                p.push(with_link(
                    l.tr("message-complaint-decision-escalate"),
                    escalate_link,
                ));
                p
            }),
            vec![],
        ),
        sms: sms(lang, |l| {
            with_link(
                l.tr_args("message-complaint-decision-sms", &a(l)),
                escalate_link,
            )
        }),
    }
}

/// C04 missed: the explanation and new timeline staff recorded.
pub fn complaint_new_timeline(
    lang: Lang,
    received_at: DateTime<Utc>,
    explanation: &str,
    until: NaiveDate,
) -> Notice {
    let a = |l: Lang| {
        args([
            ("received", &received(received_at, l)),
            ("until", &day(until, l)),
        ])
    };
    Notice {
        email: email(
            subject(
                lang,
                |l| l.tr("message-complaint-new-timeline-subject"),
                None,
            ),
            &in_languages(lang, |l, first| match first {
                true => vec![
                    l.tr_args("message-complaint-new-timeline-intro", &a(l)),
                    explanation.to_owned(),
                    l.tr_args("message-complaint-new-timeline-until", &a(l)),
                ],
                false => vec![l.tr_args("message-complaint-new-timeline-above", &a(l))],
            }),
            vec![],
        ),
        sms: sms(lang, |l| {
            l.tr_args("message-complaint-new-timeline-sms", &a(l))
        }),
    }
}

/// C04 missed with no new timeline recorded yet: a holding notice.
pub fn complaint_holding(lang: Lang, received_at: DateTime<Utc>) -> Notice {
    let a = |l: Lang| args([("received", &received(received_at, l))]);
    Notice {
        email: email(
            subject(lang, |l| l.tr("message-complaint-holding-subject"), None),
            &in_languages(lang, |l, _| {
                vec![l.tr_args("message-complaint-holding-text", &a(l))]
            }),
            vec![],
        ),
        sms: sms(lang, |l| l.tr_args("message-complaint-holding-sms", &a(l))),
    }
}

/// Issue 22: the turn-near message, when `ahead` people are before the citizen with
/// `code` in `service`'s queue at `location`.
pub fn turn_near(lang: Lang, code: &str, ahead: u32, service: &str, location: &str) -> Notice {
    let a = |l: Lang| {
        let ahead = l.tr1("message-turn-near-ahead", "count", ahead);
        args([("code", code), ("service", service), ("location", location), ("ahead", &ahead)])
    };
    Notice {
        email: email(
            subject(lang, |l| l.tr("message-turn-near-subject"), Some(code)),
            &in_languages(lang, |l, _| vec![l.tr_args("message-turn-near-text", &a(l))]),
            vec![],
        ),
        sms: sms(lang, |l| l.tr_args("message-turn-near-sms", &a(l))),
    }
}

/// The languages of a note to staff: Romanian, English below (staff have no language
/// on file).
pub(crate) const STAFF: [Lang; 2] = [Lang::Ro, Lang::En];

/// The SLA check's note to staff (no personal data: the complaint's id and kind).
pub fn complaint_sla_staff(id: i64, kind: &str, flag: &str, due: &str, link: &str) -> Email {
    let id = id.to_string();
    let a = args([("id", &id), ("kind", kind), ("flag", flag), ("due", due)]);
    let lines: Vec<String> = STAFF
        .iter()
        .map(|l| l.tr_args("message-complaint-sla-text", &a))
        .collect();
    email(
        Lang::Ro.tr_args("message-complaint-sla-subject", &a),
        &[format!("{}\n{link}", lines.join("\n"))],
        vec![],
    )
}

fn ics_time(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// RFC 5545 §3.3.11: text values escape backslash, semicolon, comma and newline.
fn ics_text(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace(['\n', '\r'], "\\n")
}

/// RFC 5545 §3.1: a content line of more than 75 octets is folded, each further
/// piece on a line of its own that starts with a space; never inside a character, nor
/// (for readers that unescape before they unfold) inside an escape such as `\,`.
fn ics_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut octets = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        let mut unit = c.to_string();
        if c == '\\'
            && let Some(escaped) = chars.next()
        {
            unit.push(escaped);
        }
        if octets + unit.len() > 75 {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push_str(&unit);
        octets += unit.len();
    }
    out.push_str("\r\n");
    out
}

/// The event's UID: calendar services keep it, share it with invitees and sync it, so
/// it is an opaque hash, not the reservation number; the same booking's file always
/// has the same one, so a calendar updates the event rather than adding another.
fn ics_uid(number: &str) -> String {
    let hash = hex_sha256(format!("ghiseu calendar event\n{number}").as_bytes());
    format!("{}@ghiseu", &hash[..32])
}

/// The appointment as a calendar file, in the booker's language; `now` is when it is
/// made (DTSTAMP).
pub fn ics(booking: &Booking, setup: &Setup, number: &str, now: DateTime<Utc>) -> String {
    let l = booking.lang;
    let a = appointment(booking, setup, l);
    let mut description = vec![
        l.tr_args("message-confirmation-appointment", &a),
        l.tr1("message-confirmation-number", "number", number),
    ];
    description.extend(where_and_what(booking, setup, l));
    description.push(l.tr("message-confirmation-bring"));
    let description = description.join("\n");
    let language = l.code();
    [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//ghiseu//booking//RO".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", ics_uid(number)),
        format!("DTSTAMP:{}", ics_time(now)),
        format!("DTSTART:{}", ics_time(booking.slot_start)),
        format!("DTEND:{}", ics_time(booking.slot_end)),
        format!(
            "SUMMARY;LANGUAGE={language}:{}",
            ics_text(&l.tr_args("message-ics-summary", &a))
        ),
        format!("DESCRIPTION;LANGUAGE={language}:{}", ics_text(&description)),
        format!(
            "LOCATION;LANGUAGE={language}:{}",
            ics_text(&setup.place(&booking.location, l))
        ),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ]
    .iter()
    .map(|line| ics_line(line))
    .collect()
}

#[cfg(test)]
mod tests;
