//! The floor's public pages (issue 22): the waiting-room display and the citizen's
//! live ticket; and the QR code that leads to a live ticket from paper.

use super::page::render;
use crate::counter::display::{Call, LiveTicket};
use crate::kernel::text::Lang;
use crate::office::Setup;
use askama::Template;
use qrcode::QrCode;
use qrcode::render::svg;

/// The display's two languages: the one asked for, and Romanian or (for Romanian)
/// English beside it.
fn pair(lang: Lang) -> (Lang, Lang) {
    match lang {
        Lang::Ro => (Lang::Ro, Lang::En),
        other => (other, Lang::Ro),
    }
}

#[derive(Template)]
#[template(path = "floor/display.html")]
struct DisplayPage<'a> {
    lang: Lang,
    other: Lang,
    place: &'a str,
    location: &'a str,
    calls: &'a [Call],
}

impl DisplayPage<'_> {
    /// A label in both the display's languages.
    fn both(&self, id: &str) -> String {
        format!("{} · {}", self.lang.tr(id), self.other.tr(id))
    }
}

/// The waiting-room display of `location`: today's latest calls, newest first.
pub fn display_page(lang: Lang, setup: &Setup, location: &str, calls: &[Call]) -> String {
    let (lang, other) = pair(lang);
    let place = setup.location(location).map_or(location, |l| l.name(lang));
    render(DisplayPage {
        lang,
        other,
        place,
        location,
        calls,
    })
}

#[derive(Template)]
#[template(path = "floor/ticket.html")]
struct TicketPage<'a> {
    lang: Lang,
    title: String,
    ticket: &'a LiveTicket,
    service: &'a str,
    place: &'a str,
}

impl TicketPage<'_> {
    /// Where the citizen stands, in a sentence.
    fn status(&self) -> String {
        let t = self.ticket;
        match (t.state.as_str(), t.window) {
            ("called", Some(window)) => self.lang.tr1("floor-ticket-called", "window", window),
            ("served", _) => self.lang.tr("floor-ticket-served"),
            ("absent", _) => self.lang.tr("floor-ticket-absent"),
            ("over", _) => self.lang.tr("floor-ticket-over"),
            _ if t.ahead == 0 => self.lang.tr("floor-ticket-next"),
            _ => self.lang.tr1("floor-ticket-ahead", "count", t.ahead),
        }
    }

    /// The estimated wait, while waiting.
    fn estimate(&self) -> Option<String> {
        if self.ticket.state != "waiting" {
            return None;
        }
        Some(match &self.ticket.estimate {
            Some(e) => self.lang.tr2(
                "floor-ticket-estimate",
                ("low", e.low_minutes.to_string()),
                ("high", e.high_minutes.to_string()),
            ),
            None => self.lang.tr("floor-ticket-no-estimate"),
        })
    }
}

/// A citizen's live ticket.
pub fn live_ticket_page(lang: Lang, setup: &Setup, ticket: &LiveTicket) -> String {
    let service = setup.service_name(&ticket.service, lang);
    let place = setup
        .location(&ticket.location)
        .map_or(ticket.location.as_str(), |l| l.name(lang));
    render(TicketPage {
        lang,
        title: lang.tr1("floor-ticket-title", "code", ticket.code.as_str()),
        ticket,
        service,
        place,
    })
}

/// A QR code of `url` as an inline SVG image, labelled for screen readers.
pub fn qr_svg(url: &str, label: &str) -> String {
    let Ok(code) = QrCode::new(url.as_bytes()) else {
        return String::new();
    };
    let image = code
        .render::<svg::Color>()
        .min_dimensions(160, 160)
        .quiet_zone(true)
        .build();
    // The renderer's document without its XML declaration, named as an image.
    let body = image
        .split_once("<svg")
        .map_or(image.as_str(), |(_, rest)| rest);
    format!(
        r#"<svg role="img" aria-label="{}"{body}"#,
        crate::kernel::text::escape(label)
    )
}
