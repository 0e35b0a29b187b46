//! Abuse limits as the office configures them: how many requests per window.

use chrono::Duration;

/// At most `max` requests per `window` for one subject; 0 turns the limit off.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub name: &'static str,
    pub max: u32,
    pub window: Duration,
}

impl Limit {
    pub fn new(name: &'static str, max: u32, window_minutes: u32) -> Self {
        Limit {
            name,
            max,
            window: Duration::minutes(i64::from(window_minutes)),
        }
    }
}
