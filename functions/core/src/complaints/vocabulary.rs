//! The complaint's vocabulary (C01, T01–T02): its kinds, severities with their fix times,
//! preferred channels, and its free texts with their limits. The parser, the form and
//! the desk read these tables; the database and JSON hold each term's `code`.

use crate::kernel::text::Lang;

/// A term as the complaints form offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    /// What the database and JSON hold.
    pub code: &'static str,
    /// Its label's message id (`complaints.ftl`).
    pub label: &'static str,
}

impl Term {
    pub fn label(&self, lang: Lang) -> String {
        lang.tr(self.label)
    }
}

/// A field of the complaints form that takes one term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    /// Its label's message id (`complaints.ftl`).
    pub label: &'static str,
}

impl Field {
    pub fn label(&self, lang: Lang) -> String {
        lang.tr(self.label)
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
        label: "complaints-kind-label",
    };

    fn term(self) -> Term {
        let (code, label) = match self {
            Kind::Service => ("service", "complaints-kind-service"),
            Kind::Proposal => ("proposal", "complaints-kind-proposal"),
            Kind::Product => ("product", "complaints-kind-product"),
            Kind::Technical => ("technical", "complaints-kind-technical"),
        };
        Term { code, label }
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
        label: "complaints-severity-label",
    };

    fn term(self) -> Term {
        let (code, label) = match self {
            Severity::Critical => ("critical", "complaints-severity-critical"),
            Severity::High => ("high", "complaints-severity-high"),
            Severity::Normal => ("normal", "complaints-severity-normal"),
            Severity::Low => ("low", "complaints-severity-low"),
        };
        Term { code, label }
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
        label: "complaints-channel-label",
    };

    fn term(self) -> Term {
        let (code, label) = match self {
            Channel::Email => ("email", "complaints-channel-email"),
            Channel::Phone => ("phone", "complaints-channel-phone"),
            Channel::Chat => ("chat", "complaints-channel-chat"),
            Channel::Letter => ("letter", "complaints-channel-letter"),
        };
        Term { code, label }
    }
}

/// A complaint's kind as people read it, from its code (the code itself if unknown).
pub fn kind_name(code: &str, lang: Lang) -> String {
    Kind::parse(code).map_or_else(|| code.to_owned(), |k| k.term().label(lang))
}

/// A complaint's states (`Progress::state`) and their names' message ids.
const STATES: [(&str, &str); 5] = [
    ("received", "complaints-state-received"),
    ("acknowledged", "complaints-state-acknowledged"),
    ("in_progress", "complaints-state-in-progress"),
    ("escalated", "complaints-state-escalated"),
    ("resolved", "complaints-state-resolved"),
];

/// A complaint's state as the person who filed it reads it, from its code.
pub fn state_name(code: &str, lang: Lang) -> String {
    STATES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or_else(|| code.to_owned(), |(_, id)| lang.tr(id))
}

/// A free text of the complaint, as the form shows it and the parser limits it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextField {
    pub name: &'static str,
    /// Its label's message id (`complaints.ftl`).
    pub label: &'static str,
    /// The height of its box on the form.
    pub rows: u32,
    pub max_chars: usize,
    pub required: bool,
}

impl TextField {
    pub fn label(&self, lang: Lang) -> String {
        lang.tr(self.label)
    }
}

/// The longest text a complaint, or a staff step's text, may carry.
pub const MAX_DESCRIPTION: usize = 4000;
pub const DESCRIPTION: TextField = TextField {
    name: "description",
    label: "complaints-description-label",
    rows: 6,
    max_chars: MAX_DESCRIPTION,
    required: true,
};
pub const SOLUTION_IDEA: TextField = TextField {
    name: "solution_idea",
    label: "complaints-solution-idea-label",
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
