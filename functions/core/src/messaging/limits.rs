//! What the delivery refuses to send, however a message got queued: premium-rate "SMS
//! pumping" through the public forms costs the office money, and one address or number
//! typed into form after form must not become a channel for spam.

use serde::Deserialize;

/// The office's message limits (`office.messages`); any part may be left out.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MessageLimits {
    /// Whether SMS may go to numbers other than Romanian mobiles (+407…).
    pub foreign_sms: bool,
    /// Messages one recipient (a phone or an address) gets in 24 hours, at most.
    pub per_recipient_per_day: u32,
}

impl Default for MessageLimits {
    fn default() -> Self {
        MessageLimits {
            foreign_sms: false,
            per_recipient_per_day: 10,
        }
    }
}

impl MessageLimits {
    /// Why an SMS to this number is not sent; None when it may be.
    pub fn refuses_sms_to(&self, e164: &str) -> Option<&'static str> {
        let romanian_mobile = e164.len() == 12
            && e164.starts_with("+407")
            && e164[1..].bytes().all(|b| b.is_ascii_digit());
        (!romanian_mobile && !self.foreign_sms).then_some(
            "not sent: SMS go only to Romanian mobile numbers (office.messages.foreign_sms)",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sms_go_to_romanian_mobiles_unless_the_office_allows_more() {
        let limits = MessageLimits::default();
        assert_eq!(limits.refuses_sms_to("+40722123456"), None);
        for other in [
            "+40212345678",
            "+447700900123",
            "+2341234567890",
            "+4072212345",
        ] {
            assert!(limits.refuses_sms_to(other).is_some(), "{other}");
        }
        let open = MessageLimits {
            foreign_sms: true,
            ..limits
        };
        assert_eq!(open.refuses_sms_to("+447700900123"), None);
    }
}
