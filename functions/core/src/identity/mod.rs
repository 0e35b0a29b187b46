//! The values a booking is made of, each of which can only hold a valid value
//! (R08, R09, R10, R17). Parsers don't know their field's name; callers attach it.

pub mod cnp;
pub mod contact_key;

use crate::identity::cnp::refuse_cnp;
use crate::kernel::error::FieldError;
use serde::Serialize;

fn refuse(code: &'static str) -> FieldError {
    FieldError::new(code, "")
}

/// R10: 17 characters of 0-9 and A-Z without I, O, Q.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Vin(String);

impl Vin {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        refuse_cnp("", input)?;
        let vin = input.trim().to_ascii_uppercase();
        let valid = vin.len() == 17
            && vin
                .bytes()
                .all(|b| b.is_ascii_digit() || (b.is_ascii_uppercase() && !b"IOQ".contains(&b)));
        if !valid {
            return Err(refuse("invalid_vin"));
        }
        Ok(Self(vin))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A Romanian registration plate as on the certificate: the county's letters, then
/// digits, then (except on temporary plates) three letters; kept without spaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Plate(String);

impl Plate {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        refuse_cnp("", input)?;
        let plate: String = input
            .chars()
            .filter(|c| !matches!(c, ' ' | '-'))
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let county = plate.bytes().take_while(u8::is_ascii_uppercase).count();
        let digits = plate[county..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let letters = plate[county + digits..]
            .bytes()
            .take_while(u8::is_ascii_uppercase)
            .count();
        let valid = (1..=2).contains(&county)
            && county + digits + letters == plate.len()
            && ((2..=3).contains(&digits) && letters == 3
                || (3..=6).contains(&digits) && letters == 0);
        if !valid {
            return Err(refuse("invalid_plate"));
        }
        Ok(Self(plate))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A phone number in E.164 form. Romanian numbers must be a real mobile or
/// landline range (R17: an impossible phone is fictitious data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Phone(String);

impl Phone {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        refuse_cnp("", input)?;
        let invalid = || refuse("invalid_phone");
        let trimmed = input.trim();
        let international = trimmed.starts_with('+') || trimmed.starts_with("00");
        let digits: String = trimmed
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')' | '+'))
            .collect();
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
        let digits = digits.strip_prefix("00").unwrap_or(&digits);
        let national = match (international, digits.strip_prefix("40")) {
            (true, Some(rest)) => format!("0{rest}"),
            (true, None) => {
                // Foreign numbers: E.164 allows up to 15 digits, and no country code starts with 0.
                return if (8..=15).contains(&digits.len()) && !digits.starts_with('0') {
                    Ok(Self(format!("+{digits}")))
                } else {
                    Err(invalid())
                };
            }
            (false, _) => digits.to_owned(),
        };
        let b = national.as_bytes();
        // 07x mobile (x 1–9), 02x/03x landline (x 1–9): ten digits in all.
        let real_range = b.len() == 10
            && b[0] == b'0'
            && matches!(b[1], b'2' | b'3' | b'7')
            && b[2] != b'0'
            && b[3..].iter().any(|&d| d != b[3]);
        if !real_range {
            return Err(invalid());
        }
        Ok(Self(format!("+40{}", &national[1..])))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An email address, with its domain lowercased.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        refuse_cnp("", input)?;
        let trimmed = input.trim();
        let invalid = || refuse("invalid_email");
        if trimmed.len() > 254 {
            return Err(invalid());
        }
        let parsed: email_address::EmailAddress = trimmed.parse().map_err(|_| invalid())?;
        if !parsed.domain().contains('.') {
            return Err(invalid());
        }
        Ok(Self(format!(
            "{}@{}",
            parsed.local_part(),
            parsed.domain().to_lowercase()
        )))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// R08: a name exactly as on the ID card, never in ALL CAPS. Words typed in
/// capitals become Capitalised; cedilla ş ţ become the correct comma-below ș ț.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct PersonName(String);

impl PersonName {
    const MAX_CHARS: usize = 100;

    pub fn parse(input: &str) -> Result<Self, FieldError> {
        refuse_cnp("", input)?;
        let words: Vec<String> = input.split_whitespace().map(normalise_word).collect();
        let name = words.join(" ");
        let letters = name.chars().filter(|c| c.is_alphabetic()).count();
        let allowed = name
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '.' | '’'));
        if letters < 2 || name.chars().count() > Self::MAX_CHARS || !allowed {
            return Err(refuse("invalid_name"));
        }
        Ok(Self(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The key two spellings of one person share (R07): case, diacritics and
    /// spacing don't make a different holder.
    pub fn identity_key(&self) -> String {
        self.0
            .chars()
            .map(fold_diacritic)
            .flat_map(char::to_lowercase)
            .collect()
    }
}

fn normalise_word(word: &str) -> String {
    let word: String = word.chars().map(comma_below).collect();
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
    if !all_caps {
        return word;
    }
    // Capitalise each part of a hyphenated or apostrophised name: POP-ȘTEFĂNESCU → Pop-Ștefănescu.
    let mut out = String::with_capacity(word.len());
    let mut start_of_part = true;
    for c in word.chars() {
        if start_of_part {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start_of_part = !c.is_alphabetic();
    }
    out
}

fn comma_below(c: char) -> char {
    match c {
        'ş' => 'ș',
        'Ş' => 'Ș',
        'ţ' => 'ț',
        'Ţ' => 'Ț',
        other => other,
    }
}

fn fold_diacritic(c: char) -> char {
    match c {
        'ă' | 'â' | 'á' | 'à' | 'ä' => 'a',
        'Ă' | 'Â' | 'Á' | 'À' | 'Ä' => 'A',
        'î' | 'í' => 'i',
        'Î' | 'Í' => 'I',
        'ș' => 's',
        'Ș' => 'S',
        'ț' => 't',
        'Ț' => 'T',
        'é' | 'ë' => 'e',
        'É' | 'Ë' => 'E',
        'ö' | 'ó' | 'ő' => 'o',
        'Ö' | 'Ó' | 'Ő' => 'O',
        'ü' | 'ú' | 'ű' => 'u',
        'Ü' | 'Ú' | 'Ű' => 'U',
        other => other,
    }
}

/// R03: the name as the status page may show it: initials and the first letter only.
pub fn mask_name(name: &str) -> String {
    name.split_whitespace()
        .map(|w| {
            let first: String = w.chars().take(1).collect();
            format!("{first}.")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn d01_plates_are_read_as_written_on_the_certificate() {
        assert_eq!(Plate::parse("ms 12 abc").unwrap().as_str(), "MS12ABC");
        assert_eq!(Plate::parse("B-123-XYZ").unwrap().as_str(), "B123XYZ");
        assert_eq!(Plate::parse("MS 012345").unwrap().as_str(), "MS012345");
        for bad in [
            "",
            "12ABC",
            "MSS 12 ABC",
            "MS 1 ABC",
            "MS 12 AB",
            "MS 12 ABC 1",
        ] {
            assert!(Plate::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn r10_valid_vin_is_uppercased() {
        assert_eq!(
            Vin::parse(" wvwzzz1jzxw000001 ").unwrap().as_str(),
            "WVWZZZ1JZXW000001"
        );
    }

    #[test]
    fn r10_vin_with_i_o_q_or_wrong_length_is_refused() {
        for bad in [
            "WVWZZZ1JZXW00000I",
            "WVWZZZ1JZXW00000O",
            "QVWZZZ1JZXW000001",
            "WVWZZZ1JZXW00001",
            "WVWZZZ1JZXW0000012",
            "WVWZZZ1JZXW-00001",
        ] {
            assert_eq!(Vin::parse(bad).unwrap_err().code, "invalid_vin", "{bad}");
        }
    }

    #[test]
    fn r17_phone_forms_normalise_to_e164() {
        for ok in [
            "0722123456",
            "0722 123 456",
            "+40 722 123 456",
            "0040722123456",
            "0264-123-456",
        ] {
            assert!(Phone::parse(ok).is_ok(), "{ok}");
        }
        assert_eq!(
            Phone::parse("0722 123 456").unwrap().as_str(),
            "+40722123456"
        );
        assert_eq!(
            Phone::parse("+49 30 1234567").unwrap().as_str(),
            "+49301234567"
        );
    }

    #[test]
    fn r17_impossible_phones_are_refused() {
        for bad in [
            "0700000000",
            "0722",
            "0122123456",
            "0822123456",
            "phone",
            "0722222222",
            "",
            "+0123456789",
        ] {
            assert_eq!(
                Phone::parse(bad).unwrap_err().code,
                "invalid_phone",
                "{bad}"
            );
        }
    }

    #[test]
    fn r08_all_caps_becomes_capitalised_with_diacritics() {
        assert_eq!(
            PersonName::parse("ȘTEFAN POPESCU").unwrap().as_str(),
            "Ștefan Popescu"
        );
        assert_eq!(
            PersonName::parse("ANA-MARIA ŢĂRANU").unwrap().as_str(),
            "Ana-Maria Țăranu"
        );
        assert_eq!(
            PersonName::parse("IOANA  ÎNCEU ").unwrap().as_str(),
            "Ioana Înceu"
        );
    }

    #[test]
    fn r08_cedilla_forms_become_comma_below() {
        assert_eq!(
            PersonName::parse("Ştefan Ţuţea").unwrap().as_str(),
            "Ștefan Țuțea"
        );
    }

    #[test]
    fn r08_lowercase_and_capitalised_are_kept_as_written() {
        assert_eq!(
            PersonName::parse("ion popescu").unwrap().as_str(),
            "ion popescu"
        );
        assert_eq!(
            PersonName::parse("Ion McDonald").unwrap().as_str(),
            "Ion McDonald"
        );
    }

    #[test]
    fn r17_names_with_digits_or_markup_are_refused() {
        for bad in ["Ion 2", "<script>", "x", ""] {
            assert_eq!(
                PersonName::parse(bad).unwrap_err().code,
                "invalid_name",
                "{bad:?}"
            );
        }
    }

    #[test]
    fn r07_identity_key_ignores_case_and_diacritics() {
        let a = PersonName::parse("ȘTEFAN POPESCU").unwrap();
        let b = PersonName::parse("stefan popescu").unwrap();
        assert_eq!(a.identity_key(), b.identity_key());
    }

    #[test]
    fn r09_cnp_in_any_identity_field_is_refused() {
        let cnp = "1900101123457";
        assert!(
            crate::identity::cnp::contains_cnp(cnp),
            "fixture must be a valid CNP"
        );
        assert_eq!(PersonName::parse(cnp).unwrap_err().code, "cnp_forbidden");
        assert_eq!(Phone::parse(cnp).unwrap_err().code, "cnp_forbidden");
        assert_eq!(Vin::parse(cnp).unwrap_err().code, "cnp_forbidden");
        assert_eq!(
            Email::parse(&format!("{cnp}@x.ro")).unwrap_err().code,
            "cnp_forbidden"
        );
    }

    #[test]
    fn email_domain_is_lowercased_and_junk_refused() {
        assert_eq!(
            Email::parse("Ana@Example.RO").unwrap().as_str(),
            "Ana@example.ro"
        );
        assert!(Email::parse("ana@localhost").is_err());
        assert!(Email::parse("not an email").is_err());
    }

    #[test]
    fn r03_mask_keeps_initials_only() {
        assert_eq!(mask_name("Ștefan Popescu"), "Ș. P.");
    }
}
