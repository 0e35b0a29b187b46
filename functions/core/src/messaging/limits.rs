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

/// The most an SMS the office writes takes: a longer one is billed as more messages.
/// A citizen whose language isn't Romanian gets theirs with the Romanian after it when
/// both fit, else theirs alone (`messages::sms`).
pub const SMS_MAX_SEGMENTS: usize = 4;

/// GSM 03.38's basic alphabet: a text of only these (and of its extension table, at
/// two septets each) goes as 7-bit, 160 characters to a message or 153 a part; any
/// other character (ă, ș, ő, “) sends the whole text as UCS-2, 70 or 67 a part.
const GSM_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENSION: &str = "^{}\\[~]|€\u{c}";

/// How many messages an SMS of `text` is sent as.
pub fn sms_segments(text: &str) -> usize {
    let septets: Option<usize> = text
        .chars()
        .map(|c| {
            if GSM_BASIC.contains(c) {
                Some(1)
            } else if GSM_EXTENSION.contains(c) {
                Some(2)
            } else {
                None
            }
        })
        .sum();
    let (units, single, part) = match septets {
        Some(septets) => (septets, 160, 153),
        None => (text.encode_utf16().count(), 70, 67),
    };
    if units <= single {
        1
    } else {
        units.div_ceil(part)
    }
}

/// Whether an SMS of `text` stays within `SMS_MAX_SEGMENTS`.
pub fn sms_fits(text: &str) -> bool {
    sms_segments(text) <= SMS_MAX_SEGMENTS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_sms_is_counted_in_gsm_or_ucs2_parts() {
        assert_eq!(sms_segments(&"a".repeat(160)), 1);
        assert_eq!(sms_segments(&"a".repeat(161)), 2);
        assert_eq!(sms_segments(&"a".repeat(306)), 2);
        assert_eq!(sms_segments(&"[".repeat(80)), 1, "two septets each");
        assert_eq!(sms_segments(&"[".repeat(81)), 2);
        assert_eq!(sms_segments(&"ă".repeat(70)), 1);
        assert_eq!(sms_segments(&"ă".repeat(71)), 2);
        assert_eq!(sms_segments(&format!("ș{}", "a".repeat(268))), 5);
        assert!(sms_fits(&"ő".repeat(268)) && !sms_fits(&"ő".repeat(269)));
    }

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
