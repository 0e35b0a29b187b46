//! The citizen's language and text made safe for HTML.

use super::i18n;
pub use super::i18n::{Arg, Args};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Ro,
    En,
    /// Hungarian: Bihor's second language (Law 215/2001 lets its speakers address the
    /// office in it).
    Hu,
}

impl Lang {
    /// Every language, Romanian (the office's own) first: the switch offers them in
    /// this order.
    pub const ALL: [Lang; 3] = [Lang::Ro, Lang::En, Lang::Hu];

    /// The language a `lang` parameter names; anything else is Romanian.
    pub fn from_code(code: Option<&str>) -> Lang {
        code.and_then(Lang::parse).unwrap_or(Lang::Ro)
    }

    fn parse(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code))
    }

    /// The first language of an `Accept-Language` header that the office speaks, by
    /// the client's preference (`q`); none when it names none of them.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut ranked: Vec<(f32, usize, Lang)> = header
            .split(',')
            .enumerate()
            .filter_map(|(at, range)| {
                let mut parts = range.split(';');
                let tag = parts.next()?.trim();
                let primary = tag.split('-').next()?;
                let q = parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                (q > 0.0).then_some((q, at, Lang::parse(primary)?))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked.first().map(|&(_, _, lang)| lang)
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ro => "ro",
            Lang::En => "en",
            Lang::Hu => "hu",
        }
    }

    /// The languages other than this one, as the switch offers them.
    pub fn others(self) -> Vec<Lang> {
        Lang::ALL.into_iter().filter(|&l| l != self).collect()
    }

    /// The language's own name, as the switch shows it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Ro => "Română",
            Lang::En => "English",
            Lang::Hu => "Magyar",
        }
    }

    /// This language's of three texts: for names that are data (a service's, a
    /// document's), not messages.
    pub fn pick<'a>(self, ro: &'a str, en: &'a str, hu: &'a str) -> &'a str {
        match self {
            Lang::Ro => ro,
            Lang::En => en,
            Lang::Hu => hu,
        }
    }

    /// The message `id` in this language (`locales/{code}/{area}.ftl`).
    pub fn tr(self, id: &str) -> String {
        i18n::message(self, id, None)
    }

    /// The message `id` with one argument, e.g. `$count` for a plural.
    pub fn tr1<'a>(self, id: &str, name: &'a str, value: impl Into<Arg<'a>>) -> String {
        let mut args = Args::new();
        args.set(name, value.into());
        i18n::message(self, id, Some(&args))
    }

    /// The message `id` with two arguments.
    pub fn tr2<'a>(
        self,
        id: &str,
        (n1, v1): (&'a str, impl Into<Arg<'a>>),
        (n2, v2): (&'a str, impl Into<Arg<'a>>),
    ) -> String {
        let mut args = Args::new();
        args.set(n1, v1.into());
        args.set(n2, v2.into());
        i18n::message(self, id, Some(&args))
    }

    /// The message `id` with any number of arguments.
    pub fn tr_args(self, id: &str, args: &Args) -> String {
        i18n::message(self, id, Some(args))
    }

    /// Picks the text of this language.
    // TODO(issue 26): removed once every text reads from the message files.
    pub fn t<'a>(self, ro: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ro | Lang::Hu => ro,
            Lang::En => en,
        }
    }
}

/// Text as HTML character data or an attribute value.
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
