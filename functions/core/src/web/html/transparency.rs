//! The public transparency page (issue 23).

use super::page::render;
use crate::kernel::i18n::{self, dates};
use crate::kernel::text::Lang;
use crate::kernel::time::OFFICE_TZ;
use crate::stats::transparency::Outlook;
use askama::Template;
use chrono::NaiveDate;

#[derive(Template)]
#[template(path = "transparency.html")]
struct TransparencyPage<'a, 'o> {
    lang: Lang,
    title: String,
    outlooks: &'a [Outlook<'o>],
}

impl TransparencyPage<'_, '_> {
    fn day(&self, day: &NaiveDate) -> String {
        dates::date_numeric(*day, self.lang)
    }

    /// The next day, and when it opens for booking.
    fn next_day(&self, o: &Outlook) -> String {
        let opening = o.next_opening.with_timezone(&OFFICE_TZ).naive_local();
        self.lang.tr2(
            "transparency-next-day-opening",
            ("day", self.day(&o.next_day)),
            ("opening", dates::date_time_numeric(opening, self.lang)),
        )
    }

    fn recent(&self, o: &Outlook) -> String {
        self.lang.tr2(
            "transparency-recent-filled",
            ("days", o.recent_days),
            ("filled", o.recent_filled),
        )
    }

    /// A duration as people say it: minutes under an hour, then hours, then days.
    fn duration(&self, minutes: &f64) -> String {
        let m = *minutes;
        if m < 60.0 {
            self.lang
                .tr1("transparency-minutes", "minutes", i18n::decimal(m, 0))
        } else if m < 48.0 * 60.0 {
            self.lang
                .tr1("transparency-hours", "hours", i18n::decimal(m / 60.0, 1))
        } else {
            self.lang
                .tr1("transparency-days", "days", i18n::decimal(m / 1440.0, 1))
        }
    }

    /// A share in percent: whole, or with one decimal.
    fn percent(&self, p: &f64) -> String {
        let decimals = if p.fract() == 0.0 { 0 } else { 1 };
        self.lang.tr1(
            "transparency-percent",
            "percent",
            i18n::decimal(*p, decimals),
        )
    }
}

pub fn transparency_page(lang: Lang, outlooks: &[Outlook]) -> String {
    render(TransparencyPage {
        lang,
        title: lang.tr("transparency-title"),
        outlooks,
    })
}
