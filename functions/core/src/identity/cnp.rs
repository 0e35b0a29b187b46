//! R09: the Romanian personal numeric code (CNP) must never be stored.
//!
//! A CNP is `S YYMMDD JJ NNN C`: sex/century digit, birth date, county code,
//! serial and a check digit weighted by 279146358279. Only numbers that pass all of
//! these are CNPs, so a 13-digit order number is not refused by mistake.

use crate::kernel::error::FieldError;
use chrono::NaiveDate;

const WEIGHTS: [u32; 12] = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9];

/// Whether these 13 digits form a valid CNP.
pub fn is_cnp(digits: &[u8; 13]) -> bool {
    let d: Vec<u32> = digits.iter().map(|b| u32::from(b - b'0')).collect();
    let century = match d[0] {
        1 | 2 => 1900,
        3 | 4 => 1800,
        5 | 6 => 2000,
        // Residents: the century is not encoded, so accept either.
        7..=9 => 0,
        _ => return false,
    };
    let yy = (d[1] * 10 + d[2]) as i32;
    let month = d[3] * 10 + d[4];
    let day = d[5] * 10 + d[6];
    let date_ok = |c: i32| NaiveDate::from_ymd_opt(c + yy, month, day).is_some();
    let valid_date = if century == 0 {
        date_ok(1900) || date_ok(2000)
    } else {
        date_ok(century)
    };
    let county = d[7] * 10 + d[8];
    // 01–46 counties and Bucharest sectors, 47–48 old Bucharest sectors,
    // 51–52 Călărași and Giurgiu, 70 any county (foreign citizens, since 2024).
    let valid_county = matches!(county, 1..=48 | 51 | 52 | 70);
    let serial = d[9] * 100 + d[10] * 10 + d[11];
    let sum: u32 = WEIGHTS.iter().zip(&d).map(|(w, x)| w * x).sum();
    let check = match sum % 11 {
        10 => 1,
        r => r,
    };
    valid_date && valid_county && serial > 0 && check == d[12]
}

/// A decimal digit in any of the forms people (or their keyboards) type: ASCII,
/// full-width (０–９), Arabic-Indic and the mathematical alphanumeric digits.
fn digit_value(c: char) -> Option<u8> {
    const ZEROS: [u32; 8] = [
        0x30, 0xFF10, 0x0660, 0x06F0, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC,
    ];
    let code = u32::from(c);
    ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&code))
        .map(|zero| (code - zero) as u8)
}

/// What may stand between the digits of one number: spaces of any kind and line
/// breaks, the usual group marks, and the invisible characters a paste may carry.
fn joins_digits(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | '-' | '/' | '_' | ',' | '\u{2010}'..='\u{2015}' | '\u{00B7}' | '\u{2024}'
                | '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
}

/// Whether the text contains a CNP anywhere, also when its digits are spaced, dotted,
/// hyphenated, split over lines or by underscores and commas, or typed full-width
/// (people write "1 900101 123456"; abusers write "1_900101_123456").
pub fn contains_cnp(text: &str) -> bool {
    let mut run: Vec<u8> = Vec::with_capacity(32);
    let flush = |run: &mut Vec<u8>| {
        let found = run
            .windows(13)
            .any(|w| is_cnp(w.try_into().expect("13 digits")));
        run.clear();
        found
    };
    for c in text.chars() {
        if let Some(d) = digit_value(c) {
            run.push(b'0' + d);
        } else if joins_digits(c) && !run.is_empty() {
            continue;
        } else if flush(&mut run) {
            return true;
        }
    }
    flush(&mut run)
}

/// Refuses a field that carries a CNP, naming the field.
pub fn refuse_cnp(field: &str, text: &str) -> Result<(), FieldError> {
    if contains_cnp(text) {
        return Err(FieldError::new("cnp_forbidden", field));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    // Built by hand: 1 900101 12 345 + check digit.
    fn with_check(first12: &str) -> String {
        let d: Vec<u32> = first12.bytes().map(|b| u32::from(b - b'0')).collect();
        let sum: u32 = WEIGHTS.iter().zip(&d).map(|(w, x)| w * x).sum();
        let c = match sum % 11 {
            10 => 1,
            r => r,
        };
        format!("{first12}{c}")
    }

    #[test]
    fn r09_valid_cnp_is_detected() {
        let cnp = with_check("190010112345");
        assert!(contains_cnp(&cnp));
        assert!(contains_cnp(&format!("my code is {cnp}, thanks")));
    }

    #[test]
    fn r09_spaced_cnp_is_detected() {
        let cnp = with_check("295123104001");
        let spaced = format!("{} {} {}", &cnp[..1], &cnp[1..7], &cnp[7..]);
        assert!(contains_cnp(&spaced), "{spaced}");
    }

    #[test]
    fn r09_a_cnp_split_by_line_breaks_tabs_underscores_commas_or_invisible_marks_is_detected() {
        let cnp = with_check("295123104001");
        for mark in [
            "\n", "\r\n", "\t", "_", ",", ", ", "\u{200B}", "\u{00AD}", "\u{2013}",
        ] {
            let split = format!("{}{mark}{}{mark}{}", &cnp[..1], &cnp[1..7], &cnp[7..]);
            assert!(contains_cnp(&split), "{split:?}");
        }
    }

    #[test]
    fn r09_a_cnp_in_full_width_or_other_digit_forms_is_detected() {
        let cnp = with_check("190010112345");
        let shifted = |zero: u32| -> String {
            cnp.bytes()
                .map(|b| char::from_u32(zero + u32::from(b - b'0')).unwrap())
                .collect()
        };
        for zero in [0xFF10, 0x0660, 0x1D7CE] {
            let text = format!("cod: {}", shifted(zero));
            assert!(contains_cnp(&text), "{text}");
        }
        // Mixed: half ASCII, half full-width.
        let mixed: String = format!(
            "{}{}",
            &cnp[..6],
            &shifted(0xFF10).chars().skip(6).collect::<String>()
        );
        assert!(contains_cnp(&mixed), "{mixed}");
    }

    #[test]
    fn r09_wrong_check_digit_is_not_a_cnp() {
        let cnp = with_check("190010112345");
        let last = cnp.as_bytes()[12] - b'0';
        let wrong = format!("{}{}", &cnp[..12], (last + 1) % 10);
        assert!(!contains_cnp(&wrong));
    }

    #[test]
    fn r09_impossible_date_or_county_is_not_a_cnp() {
        assert!(!contains_cnp(&with_check("190023012345")), "30 February");
        assert!(!contains_cnp(&with_check("190010160345")), "county 60");
        assert!(!contains_cnp(&with_check("090010112345")), "sex digit 0");
    }

    #[test]
    fn r09_short_numbers_are_not_cnps() {
        assert!(!contains_cnp("0722123456"));
        assert!(!contains_cnp("WVWZZZ1JZXW000001"));
        assert!(refuse_cnp("name", "Ion Popescu").is_ok());
    }

    #[test]
    fn r09_refusal_names_the_field() {
        let err = refuse_cnp("description", &with_check("501022512345")).unwrap_err();
        assert_eq!(err.code, "cnp_forbidden");
        assert_eq!(err.field, "description");
    }
}
