//! The keyed hash a ban keeps instead of the contact it bans (R12/R13, retention):
//! whoever reads the database alone can't tell whose phone a ban is for, while a
//! booking with that phone still meets it.

use crate::identity::{Email, Phone};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::borrow::Cow;

/// What an unset `contact_key` falls back to: fine for a laptop, not for an office
/// (the README's production checklist sets the variable).
const DEVELOPMENT_KEY: &[u8] = b"ghiseu development contact key: set the contact_key variable";

/// The office's secret for contact hashes, the `contact_key` variable. Changing it
/// makes the bans standing at that moment stop matching.
#[derive(Debug, Clone)]
pub struct ContactKey(Cow<'static, [u8]>);

impl ContactKey {
    /// The key for a local run, without a configured secret.
    pub const DEVELOPMENT: ContactKey = ContactKey(Cow::Borrowed(DEVELOPMENT_KEY));

    /// The configured secret; None or blank: the development key.
    pub fn new(secret: Option<&str>) -> Self {
        match secret.map(str::trim).filter(|s| !s.is_empty()) {
            Some(s) => ContactKey(Cow::Owned(s.as_bytes().to_vec())),
            None => Self::DEVELOPMENT,
        }
    }

    pub fn is_development(&self) -> bool {
        self.0.as_ref() == DEVELOPMENT_KEY
    }

    /// The hash a ban on this phone is stored and looked up under.
    pub fn phone(&self, phone: &Phone) -> String {
        self.hash(&format!("phone:{}", phone.as_str()))
    }

    /// The hash a ban on this email is stored under: one address in any letter case.
    pub fn email(&self, email: &Email) -> String {
        self.hash(&format!("email:{}", email.as_str().to_lowercase()))
    }

    /// HMAC-SHA256 of a contact in its stored plain form (`phone:+40…`, `email:…`),
    /// as lowercase hex; also how bans kept in plain by earlier versions are rehashed.
    pub fn hash(&self, plain_contact: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(plain_contact.as_bytes());
        mac.finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r12_a_ban_hash_is_keyed_and_holds_no_contact() {
        let phone = Phone::parse("0722 123 456").unwrap();
        let office = ContactKey::new(Some("office secret"));
        let other = ContactKey::new(Some("another office"));
        let hashed = office.phone(&phone);
        assert_eq!(hashed.len(), 64);
        assert!(!hashed.contains("722"));
        assert_eq!(hashed, office.phone(&Phone::parse("+40722123456").unwrap()));
        assert_ne!(hashed, other.phone(&phone));
        assert_eq!(hashed, office.hash("phone:+40722123456"));
    }

    #[test]
    fn r12_an_email_ban_matches_any_letter_case() {
        let key = ContactKey::new(Some("k"));
        let lower = key.email(&Email::parse("ana@example.ro").unwrap());
        assert_eq!(lower, key.email(&Email::parse("Ana@Example.RO").unwrap()));
    }

    #[test]
    fn an_unset_or_blank_key_is_the_development_key() {
        assert!(ContactKey::new(None).is_development());
        assert!(ContactKey::new(Some("  ")).is_development());
        assert!(!ContactKey::new(Some("s")).is_development());
    }
}
