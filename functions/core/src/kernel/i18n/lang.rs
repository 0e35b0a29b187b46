//! The languages the office speaks, and reading a message in one of them.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
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

    /// The language a code names, if the office speaks it.
    pub fn parse(code: &str) -> Option<Lang> {
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
}
