//! Server-rendered pages for browsers without JavaScript: every user-supplied value
//! goes through `escape`.

use crate::booking::availability::DayAvailability;
use crate::booking::{Booking, StatusView};
use crate::error::Explanation;
use crate::office::{Closed, OFFICE_TZ, Office, Proof, Service};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Ro,
    En,
}

impl Lang {
    pub fn from_code(code: Option<&str>) -> Lang {
        match code {
            Some("en") => Lang::En,
            _ => Lang::Ro,
        }
    }

    fn code(self) -> &'static str {
        match self {
            Lang::Ro => "ro",
            Lang::En => "en",
        }
    }

    /// Picks the text of this language.
    pub fn t<'a>(self, ro: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ro => ro,
            Lang::En => en,
        }
    }
}

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The common frame of every page; `body` must already be escaped HTML.
pub fn layout(lang: Lang, title: &str, body: &str) -> String {
    let other = match lang {
        // Server-rendered pages answer a form or a link; switching starts again from home.
        Lang::Ro => r#"<a href="/?lang=en" hreflang="en" lang="en">English</a>"#,
        Lang::En => r#"<a href="/?lang=ro" hreflang="ro" lang="ro">Română</a>"#,
    };
    format!(
        r#"<!doctype html>
<html lang="{code}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · ghiseu</title><link rel="stylesheet" href="/style.css"></head>
<body><header><a class="brand" href="/?lang={code}">ghiseu</a><nav>{other}</nav></header>
<main>
<h1>{title}</h1>
{body}
</main></body></html>
"#,
        code = lang.code(),
        title = escape(title),
    )
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
        Closed::Holiday { name } => format!(
            "{} {}",
            lang.t("Sărbătoare legală:", "Public holiday:"),
            escape(name)
        ),
        Closed::Closure { name } => format!("{} {}", lang.t("Închis:", "Closed:"), escape(name)),
        Closed::NoHours => lang
            .t(
                "Fără program în această zi.",
                "No opening hours on this day.",
            )
            .to_owned(),
    }
}

/// The day's free slots as a booking form: works with no JavaScript at all.
/// `challenged`: the office's bot defence is on, so the form carries the solved
/// proof of work, which needs JavaScript.
pub fn availability_page(
    lang: Lang,
    service: &Service,
    day: &DayAvailability,
    challenged: bool,
) -> String {
    let title = format!("{} — {}", service_name(service, lang), day.date);
    let mut body = String::new();
    if let Some(closed) = &day.closed {
        body.push_str(&format!(
            "<p class=\"notice\">{}</p>",
            closed_reason(closed, lang)
        ));
        return layout(lang, &title, &body);
    }
    let free: Vec<_> = day.slots.iter().filter(|s| s.bookable).collect();
    if free.is_empty() {
        body.push_str(&format!(
            "<p class=\"notice\">{}</p>",
            lang.t(
                "Nu mai sunt locuri online în această zi.",
                "No online seats are left on this day."
            )
        ));
        return layout(lang, &title, &body);
    }
    body.push_str(r#"<form method="post" action="/api/bookings"><fieldset><legend>"#);
    body.push_str(lang.t("Alegeți ora", "Choose a time"));
    body.push_str("</legend><div class=\"slots\">");
    for (i, slot) in free.iter().enumerate() {
        body.push_str(&format!(
            r#"<label><input type="radio" name="slot" value="{start}"{checked} required> {time} <small>({left} {seats})</small></label>"#,
            start = escape(&slot.start),
            checked = if i == 0 { " checked" } else { "" },
            time = escape(&slot.time),
            left = slot.online_left,
            seats = lang.t("locuri", "seats"),
        ));
    }
    body.push_str("</div></fieldset>");
    if challenged {
        body.push_str(&format!(
            r#"<input type="hidden" name="altcha" data-altcha="booking"><noscript><p class="notice">{}</p></noscript>"#,
            lang.t(
                "Verificarea anti-robot are nevoie de JavaScript; fără el, programarea va fi refuzată.",
                "The anti-bot check needs JavaScript; without it the booking will be refused."
            )
        ));
    }
    body.push_str(&booking_fields(lang, service));
    body.push_str("</form>");
    if challenged {
        body.push_str(r#"<script src="/altcha.js" defer></script>"#);
    }
    layout(lang, &title, &body)
}

fn booking_fields(lang: Lang, service: &Service) -> String {
    let field = |name: &str, label: &str, kind: &str, extra: &str| {
        format!(
            r#"<label for="f-{name}">{label}</label><input id="f-{name}" name="{name}" type="{kind}" maxlength="200" {extra}>"#
        )
    };
    let proof = match service.proof {
        Proof::Vin => field(
            "vin",
            lang.t("Seria de șasiu (VIN, 17 caractere)", "VIN (17 characters)"),
            "text",
            r#"required minlength="17" autocapitalize="characters""#,
        ),
        Proof::Holder => field(
            "holder",
            lang.t(
                "Titular (dacă programați pentru altcineva)",
                "Holder (if booking for someone else)",
            ),
            "text",
            r#"autocomplete="off""#,
        ),
    };
    format!(
        r#"<input type="hidden" name="service" value="{code}"><input type="hidden" name="lang" value="{lang}">
{name}{phone}{email}{proof}
<p class="hint">{hint}</p>
<label class="check"><input type="checkbox" name="consent" value="true" required> {consent}</label>
<button type="submit">{submit}</button>"#,
        code = escape(service.code),
        lang = lang.code(),
        name = field(
            "name",
            lang.t(
                "Nume și prenume, exact ca în actul de identitate",
                "Full name, exactly as on the identity card"
            ),
            "text",
            r#"required autocomplete="name""#
        ),
        phone = field(
            "phone",
            lang.t("Telefon", "Phone"),
            "tel",
            r#"required autocomplete="tel""#
        ),
        email = field(
            "email",
            lang.t("Email (opțional)", "Email (optional)"),
            "email",
            r#"autocomplete="email""#
        ),
        hint = lang.t(
            "Nu introduceți CNP-ul nicăieri. Nu scrieți cu MAJUSCULE.",
            "Never enter a personal numeric code (CNP). Do not write in CAPITALS."
        ),
        consent = lang.t(
            "Accept regulile de programare online.",
            "I accept the online booking rules."
        ),
        submit = lang.t("Programează", "Book"),
    )
}

fn state_text(state: &str, reason: Option<&str>, lang: Lang) -> String {
    match (state, reason) {
        ("active", _) => lang.t("Activă", "Active").to_owned(),
        ("cancelled", Some("duplicate_vin")) => lang
            .t(
                "Anulată: serie de șasiu folosită de mai multe ori",
                "Cancelled: VIN used more than once",
            )
            .to_owned(),
        ("cancelled", Some("duplicate_holder")) => lang
            .t(
                "Anulată: titular folosit de mai multe ori",
                "Cancelled: holder used more than once",
            )
            .to_owned(),
        ("cancelled", Some("cancelled_by_booker")) => lang
            .t("Anulată de solicitant", "Cancelled by the booker")
            .to_owned(),
        ("cancelled", Some("superseded")) => lang
            .t(
                "Anulată: înlocuită de o programare nouă (scutire)",
                "Cancelled: replaced by a new booking (exemption)",
            )
            .to_owned(),
        ("cancelled", Some("office_closed")) => lang
            .t("Anulată de instituție", "Cancelled by the office")
            .to_owned(),
        ("cancelled", Some("relocation_declined")) => lang
            .t(
                "Anulată: noua oră a fost refuzată",
                "Cancelled: the new time was declined",
            )
            .to_owned(),
        ("cancelled", _) => lang.t("Anulată", "Cancelled").to_owned(),
        ("attended", _) => lang.t("Prezentat", "Attended").to_owned(),
        ("no_show", _) => lang.t("Neprezentat", "No-show").to_owned(),
        (other, _) => escape(other),
    }
}

fn dl(rows: &[(&str, String)]) -> String {
    let items: String = rows
        .iter()
        .map(|(k, v)| format!("<dt>{k}</dt><dd>{v}</dd>"))
        .collect();
    format!("<dl>{items}</dl>")
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
        (lang.t("Serviciu", "Service"), escape(service)),
        (
            lang.t("Data și ora", "Date and time"),
            local.format("%d.%m.%Y %H:%M").to_string(),
        ),
        (lang.t("Nume", "Name"), escape(&booking.name)),
        (lang.t("Telefon", "Phone"), escape(&booking.phone)),
        (
            lang.t("Stare", "State"),
            state_text(&booking.state, booking.cancel_reason.as_deref(), lang),
        ),
    ];
    if let Some(email) = &booking.email {
        rows.push(("Email", escape(email)));
    }
    if let Some(vin) = &booking.vin {
        rows.push((lang.t("Serie de șasiu", "VIN"), escape(vin)));
    }
    if let Some(holder) = &booking.holder {
        rows.push((lang.t("Titular", "Holder"), escape(holder)));
    }
    let number_html = match number {
        Some(n) => format!(
            "<p>{}</p><p class=\"number\"><strong>{}</strong></p><p>{}</p>",
            lang.t("Numărul rezervării:", "Your reservation number:"),
            escape(n),
            lang.t(
                "Păstrați acest număr: îl primiți și prin SMS/email și vă trebuie la ghișeu.",
                "Keep this number: it is also sent by SMS/email and you need it at the counter."
            ),
        ),
        None => format!(
            "<p>{}</p>",
            lang.t(
                "Programarea era deja făcută; numărul ei v-a fost trimis prin SMS/email.",
                "This booking was already made; its number was sent to you by SMS/email."
            )
        ),
    };
    let title = lang.t("Programare înregistrată", "Booking recorded");
    layout(lang, title, &format!("{number_html}{}", dl(&rows)))
}

/// What anyone holding a number or link may see of a booking (R03): no personal
/// data but a masked name.
fn summary_rows<'l>(lang: Lang, office: &Office, view: &StatusView) -> Vec<(&'l str, String)> {
    let service = office
        .service(&view.service)
        .map(|s| service_name(s, lang))
        .unwrap_or("");
    vec![
        (lang.t("Serviciu", "Service"), escape(service)),
        (lang.t("Data", "Date"), escape(&view.date)),
        (lang.t("Ora", "Time"), escape(&view.time)),
        (lang.t("Nume", "Name"), escape(&view.name)),
    ]
}

/// R03: the status check.
pub fn status_page(lang: Lang, office: &Office, view: &StatusView) -> String {
    let mut rows = summary_rows(lang, office, view);
    rows.push((
        lang.t("Stare", "State"),
        state_text(&view.state, view.cancel_reason.as_deref(), lang),
    ));
    layout(
        lang,
        lang.t("Starea programării", "Booking status"),
        &dl(&rows),
    )
}

/// R14: what the cancellation link shows before anything changes.
pub fn cancel_confirm_page(lang: Lang, office: &Office, view: &StatusView) -> String {
    let rows = summary_rows(lang, office, view);
    let body = format!(
        r#"{}<p>{}</p><form method="post"><button type="submit">{}</button></form>"#,
        dl(&rows),
        lang.t(
            "Anularea este definitivă: programarea nu mai poate fi refăcută, doar una nouă făcută.",
            "Cancelling is final: the booking can't be restored, only a new one made."
        ),
        lang.t("Confirm anularea", "Confirm the cancellation"),
    );
    layout(
        lang,
        lang.t("Anulați programarea?", "Cancel this booking?"),
        &body,
    )
}

/// R18: the relocation link shows the old and new time; only a POST answers.
pub fn relocation_page(lang: Lang, office: &Office, view: &StatusView, old_time: &str) -> String {
    let mut rows = summary_rows(lang, office, view);
    rows.insert(
        1,
        (lang.t("Ora inițială", "Original time"), escape(old_time)),
    );
    let button = |action: &str, text: &str| {
        format!(
            r#"<form method="post"><input type="hidden" name="action" value="{action}"><button type="submit">{}</button></form>"#,
            escape(text)
        )
    };
    let body = format!(
        "<p>{}</p>{}{}{}",
        escape(lang.t(
            "Instituția a trebuit să închidă intervalul programării. Aceasta este noua oră.",
            "The office had to close the time of your appointment. This is the new time."
        )),
        dl(&rows),
        button(
            "confirm",
            lang.t("Confirm noua oră", "Confirm the new time")
        ),
        button(
            "decline",
            lang.t(
                "Renunț (programarea se anulează)",
                "Decline (the booking is cancelled)"
            )
        ),
    );
    layout(
        lang,
        lang.t("Programare mutată", "Appointment moved"),
        &body,
    )
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

fn complaint_rows<'l>(lang: Lang, view: &crate::complaints::StatusView) -> Vec<(&'l str, String)> {
    let day = |t: &str| escape(t.get(..10).unwrap_or(t));
    let mut rows = vec![
        (lang.t("Tip", "Kind"), escape(&view.kind)),
        (lang.t("Stare", "State"), escape(view.state)),
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

/// C01: the complaint number, shown once at intake.
pub fn complaint_received_page(
    lang: Lang,
    number: Option<&str>,
    view: &crate::complaints::StatusView,
) -> String {
    let mut rows = complaint_rows(lang, view);
    if let Some(n) = number {
        rows.insert(
            0,
            (
                lang.t("Numărul sesizării", "Complaint number"),
                format!("<strong>{}</strong>", escape(n)),
            ),
        );
    }
    let body = format!(
        "<p>{}</p>{}",
        escape(lang.t(
            "Păstrați numărul: cu el verificați starea sesizării.",
            "Keep the number: it is how you check the complaint's status."
        )),
        dl(&rows)
    );
    layout(
        lang,
        lang.t("Sesizare primită", "Complaint received"),
        &body,
    )
}

pub fn complaint_status_page(lang: Lang, view: &crate::complaints::StatusView) -> String {
    layout(
        lang,
        lang.t("Starea sesizării", "Complaint status"),
        &dl(&complaint_rows(lang, view)),
    )
}

/// C05: what the escalation link shows before anything changes.
pub fn escalate_confirm_page(lang: Lang, view: &crate::complaints::StatusView) -> String {
    let body = format!(
        r#"{}<p>{}</p><form method="post"><button type="submit">{}</button></form>"#,
        dl(&complaint_rows(lang, view)),
        escape(lang.t(
            "Dacă nu sunteți mulțumit(ă) de decizie, sesizarea se redeschide la nivelul superior, cu termene noi.",
            "If you are not satisfied with the decision, the complaint reopens one level up, with new deadlines."
        )),
        escape(lang.t("Escaladez sesizarea", "Escalate the complaint")),
    );
    layout(
        lang,
        lang.t("Escaladați sesizarea?", "Escalate this complaint?"),
        &body,
    )
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
fn notice_page(lang: Lang, title: (&str, &str), text: (&str, &str)) -> String {
    let body = format!("<p>{}</p>", escape(lang.t(text.0, text.1)));
    layout(lang, lang.t(title.0, title.1), &body)
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

pub fn error_page(lang: Lang, e: &Explanation) -> String {
    let message = lang.t(&e.message_ro, &e.message);
    let body = format!(
        r#"<p class="error" role="alert">{}</p><p>{}</p><p><a href="/?lang={}">{}</a></p>"#,
        escape(message),
        lang.t(
            "Folosiți butonul Înapoi al browserului pentru a corecta datele.",
            "Use your browser's Back button to correct the form."
        ),
        lang.code(),
        lang.t("Pagina principală", "Home"),
    );
    layout(
        lang,
        lang.t(
            "Cererea nu a putut fi înregistrată",
            "The request could not be completed",
        ),
        &body,
    )
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
}
