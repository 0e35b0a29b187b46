//! The citizen's language and text made safe for HTML.

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

    pub fn code(self) -> &'static str {
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
