//! The public transparency page (issue 23).

use super::page::render;
use crate::kernel::text::Lang;
use crate::kernel::time::OFFICE_TZ;
use crate::stats::transparency::Outlook;
use askama::Template;

#[derive(Template)]
#[template(path = "transparency.html")]
struct TransparencyPage<'a, 'o> {
    lang: Lang,
    title: &'a str,
    outlooks: &'a [Outlook<'o>],
}

impl TransparencyPage<'_, '_> {
    fn opening(&self, o: &Outlook) -> String {
        o.next_opening
            .with_timezone(&OFFICE_TZ)
            .format("%d.%m.%Y %H:%M")
            .to_string()
    }

    /// A duration as people say it: minutes under an hour, then hours, then days.
    fn duration(&self, minutes: &f64) -> String {
        let m = *minutes;
        if m < 60.0 {
            format!("{m:.0} min")
        } else if m < 48.0 * 60.0 {
            format!("{:.1} h", m / 60.0)
        } else {
            format!("{:.1} {}", m / 1440.0, self.lang.t("zile", "days"))
        }
    }
}

pub fn transparency_page(lang: Lang, outlooks: &[Outlook]) -> String {
    render(TransparencyPage {
        lang,
        title: lang.t(
            "Transparență: programările în cifre",
            "Transparency: bookings in figures",
        ),
        outlooks,
    })
}
