//! The complaint's vocabulary (C01, T01–T02): its kinds, severities with their fix times,
//! preferred channels, and its free texts with their limits. The parser, the form and
//! the desk read these tables; the database and JSON hold each term's `code`.

use crate::kernel::text::Lang;

/// A term as the complaints form offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    /// What the database and JSON hold.
    pub code: &'static str,
    pub label_ro: &'static str,
    pub label_en: &'static str,
}

impl Term {
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.t(self.label_ro, self.label_en)
    }
}

/// A field of the complaints form that takes one term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub label_ro: &'static str,
    pub label_en: &'static str,
}

impl Field {
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.t(self.label_ro, self.label_en)
    }
}

/// A closed set of terms one form field takes: the field, its terms in the form's
/// order, and each term's code and labels. Parsing and codes follow from those.
pub trait Vocabulary: Copy + 'static {
    /// In the order the form offers them.
    const ALL: &'static [Self];
    const FIELD: Field;

    fn term(self) -> Term;

    fn code(self) -> &'static str {
        self.term().code
    }

    fn parse(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|t| t.code() == code)
    }

    /// The field and its terms, as the form shows them.
    fn offered() -> (Field, Vec<Term>) {
        (Self::FIELD, Self::ALL.iter().map(|t| t.term()).collect())
    }
}

/// What a complaint is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// About a booking.
    Service,
    /// About a booking, e.g. a late cancellation (R16).
    Proposal,
    Product,
    Technical,
}

impl Vocabulary for Kind {
    const ALL: &'static [Kind] = &[
        Kind::Service,
        Kind::Proposal,
        Kind::Product,
        Kind::Technical,
    ];
    const FIELD: Field = Field {
        name: "kind",
        label_ro: "Tipul",
        label_en: "Kind",
    };

    fn term(self) -> Term {
        let (code, label_ro, label_en) = match self {
            Kind::Service => (
                "service",
                "Serviciu (despre o programare)",
                "Service (about a booking)",
            ),
            Kind::Proposal => (
                "proposal",
                "Propunere (despre o programare, de ex. anulare întârziată)",
                "Proposal (about a booking, e.g. a late cancellation)",
            ),
            Kind::Product => ("product", "Document sau produs", "Document or product"),
            Kind::Technical => (
                "technical",
                "Problemă tehnică a site-ului",
                "Technical problem with the site",
            ),
        };
        Term {
            code,
            label_ro,
            label_en,
        }
    }
}

/// T01: how bad a technical problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Critical,
    High,
    Normal,
    Low,
}

impl Vocabulary for Severity {
    const ALL: &'static [Severity] = &[
        Severity::Critical,
        Severity::High,
        Severity::Normal,
        Severity::Low,
    ];
    const FIELD: Field = Field {
        name: "severity",
        label_ro: "Gravitate",
        label_en: "Severity",
    };

    fn term(self) -> Term {
        let (code, label_ro, label_en) = match self {
            Severity::Critical => ("critical", "Critică (24 h)", "Critical (24 h)"),
            Severity::High => ("high", "Ridicată (48 h)", "High (48 h)"),
            Severity::Normal => ("normal", "Normală (72 h)", "Normal (72 h)"),
            Severity::Low => ("low", "Scăzută (72 h)", "Low (72 h)"),
        };
        Term {
            code,
            label_ro,
            label_en,
        }
    }
}

impl Severity {
    /// T02: the hours to fix it in, from receipt.
    pub fn fix_hours(self) -> i64 {
        match self {
            Severity::Critical => 24,
            Severity::High => 48,
            Severity::Normal | Severity::Low => 72,
        }
    }
}

/// T01: how the reporter of a technical problem wants to hear back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Email,
    Phone,
    Chat,
    Letter,
}

impl Vocabulary for Channel {
    const ALL: &'static [Channel] = &[
        Channel::Email,
        Channel::Phone,
        Channel::Chat,
        Channel::Letter,
    ];
    const FIELD: Field = Field {
        name: "channel",
        label_ro: "Canal preferat",
        label_en: "Preferred channel",
    };

    fn term(self) -> Term {
        let (code, label_ro, label_en) = match self {
            Channel::Email => ("email", "Email", "Email"),
            Channel::Phone => ("phone", "Telefon", "Phone"),
            Channel::Chat => ("chat", "Chat", "Chat"),
            Channel::Letter => ("letter", "Scrisoare", "Letter"),
        };
        Term {
            code,
            label_ro,
            label_en,
        }
    }
}

/// A free text of the complaint, as the form shows it and the parser limits it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextField {
    pub name: &'static str,
    pub label_ro: &'static str,
    pub label_en: &'static str,
    /// The height of its box on the form.
    pub rows: u32,
    pub max_chars: usize,
    pub required: bool,
}

impl TextField {
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.t(self.label_ro, self.label_en)
    }
}

/// The longest text a complaint, or a staff step's text, may carry.
pub const MAX_DESCRIPTION: usize = 4000;
pub const DESCRIPTION: TextField = TextField {
    name: "description",
    label_ro: "Descrierea problemei",
    label_en: "Description of the problem",
    rows: 6,
    max_chars: MAX_DESCRIPTION,
    required: true,
};
pub const SOLUTION_IDEA: TextField = TextField {
    name: "solution_idea",
    label_ro: "Ideea dumneavoastră de soluție (opțional)",
    label_en: "Your idea of a solution (optional)",
    rows: 3,
    max_chars: 2000,
    required: false,
};
/// The free texts in the order the form shows them.
pub const TEXTS: [TextField; 2] = [DESCRIPTION, SOLUTION_IDEA];
/// A serial number's limit.
pub(super) const MAX_SHORT: usize = 100;
/// C05: a complaint can go up this many levels above the first.
pub const MAX_LEVEL: u32 = 3;
