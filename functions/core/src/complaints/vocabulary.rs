//! The complaint's vocabulary: its kinds, T01 severities with their T02 fix times,
//! preferred channels, and the limits of its free texts.

pub const KINDS: [&str; 4] = ["service", "product", "technical", "proposal"];
/// T01 severities and T02 fix times.
pub(super) const SEVERITIES: [(&str, i64); 4] =
    [("critical", 24), ("high", 48), ("normal", 72), ("low", 72)];
pub(super) const CHANNELS: [&str; 4] = ["chat", "email", "phone", "letter"];
pub(super) const MAX_DESCRIPTION: usize = 4000;
pub(super) const MAX_SOLUTION: usize = 2000;
pub(super) const MAX_SHORT: usize = 100;
/// C05: a complaint can go up this many levels above the first.
pub const MAX_LEVEL: u32 = 3;
