//! D02: the digital documents the office issues, their fees (from the office's tariff
//! table, in bani: never floats) and what an order for each must say.

use crate::kernel::error::Error;
use crate::kernel::i18n;
use crate::kernel::text::Lang;
use serde::{Deserialize, Serialize};

/// A detail an order of some document type must give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Detail {
    /// The vehicle's identification number.
    Vin,
    /// The registration plate, as on the certificate.
    Plate,
    /// The person the document is about, as on their identity card.
    Holder,
}

impl Detail {
    pub fn code(self) -> &'static str {
        match self {
            Detail::Vin => "vin",
            Detail::Plate => "plate",
            Detail::Holder => "holder",
        }
    }

    /// Its label on the order form, in `lang`.
    pub fn name(self, lang: Lang) -> String {
        lang.tr(match self {
            Detail::Vin => "orders-detail-vin",
            Detail::Plate => "orders-detail-plate",
            Detail::Holder => "orders-detail-holder",
        })
    }
}

/// One digital document type of the catalog.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct DocumentType {
    pub code: String,
    pub name_ro: String,
    pub name_en: String,
    /// Hungarian; an office's own catalog may leave it out, and the Romanian is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_hu: Option<String>,
    /// The fee in bani (1 RON = 100 bani).
    pub fee_bani: u32,
    /// What an order must give besides the requester's name and contact.
    #[serde(default)]
    pub details: Vec<Detail>,
    /// How many business days the office has to issue it once paid (D04).
    pub deadline_business_days: u32,
}

impl DocumentType {
    /// The document's name in `lang` (Romanian where the catalog has no Hungarian).
    pub fn name(&self, lang: Lang) -> &str {
        let hu = self.name_hu.as_deref().unwrap_or(&self.name_ro);
        lang.pick(&self.name_ro, &self.name_en, hu)
    }
}

/// The catalog and the rules of the order process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderSettings {
    /// The act the fees come from (shown with the catalog), e.g. the council decision.
    pub tariff_source: String,
    /// Whether the catalog is the shipped example rather than the office's own.
    pub example: bool,
    pub documents: Vec<DocumentType>,
    /// An order not paid this many hours after it was placed expires.
    pub pay_within_hours: u32,
    /// How long a download link (and the status page's download) works once issued.
    pub download_days: u32,
}

/// The currency every fee is in.
pub const CURRENCY: &str = "RON";
/// The longest the office may give for paying or downloading.
const MAX_HOURS: u32 = 24 * 30;
const MAX_DOWNLOAD_DAYS: u32 = 365;

impl Default for OrderSettings {
    fn default() -> Self {
        let document =
            |code: &str, [ro, en, hu]: [&str; 3], fee_bani, details, days| DocumentType {
                code: code.to_owned(),
                name_ro: ro.to_owned(),
                name_en: en.to_owned(),
                name_hu: Some(hu.to_owned()),
                fee_bani,
                details,
                deadline_business_days: days,
            };
        OrderSettings {
            tariff_source:
                "Exemplu, nu tarifele instituției / An example, not the office's tariffs".to_owned(),
            example: true,
            documents: vec![
                document(
                    "vehicle_history",
                    [
                        "Extras din istoricul de înmatriculare",
                        "Vehicle registration history extract",
                        "Kivonat a jármű nyilvántartási előzményeiből",
                    ],
                    2_500,
                    vec![Detail::Vin],
                    3,
                ),
                document(
                    "provisional_extension",
                    [
                        "Prelungirea autorizației provizorii de circulație",
                        "Extension of a provisional circulation authorisation",
                        "Az ideiglenes forgalmi engedély meghosszabbítása",
                    ],
                    6_000,
                    vec![Detail::Vin, Detail::Plate],
                    5,
                ),
                document(
                    "licence_record",
                    [
                        "Certificat privind situația permisului de conducere",
                        "Driving licence record certificate",
                        "Igazolás a vezetői engedély helyzetéről",
                    ],
                    3_000,
                    vec![Detail::Holder],
                    5,
                ),
            ],
            pay_within_hours: 48,
            download_days: 30,
        }
    }
}

/// What the `office` variable's `orders` part may say; every part is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrdersOverride {
    tariff_source: Option<String>,
    documents: Option<Vec<DocumentType>>,
    pay_within_hours: Option<u32>,
    download_days: Option<u32>,
}

impl OrderSettings {
    /// The defaults with the office's override applied; a catalog of its own is no
    /// longer the example.
    pub fn with(mut self, o: OrdersOverride) -> Self {
        if let Some(documents) = o.documents {
            self.documents = documents;
            self.example = false;
        }
        if let Some(source) = o.tariff_source {
            self.tariff_source = source;
        }
        if let Some(hours) = o.pay_within_hours {
            self.pay_within_hours = hours;
        }
        if let Some(days) = o.download_days {
            self.download_days = days;
        }
        self
    }

    /// The document type with this code.
    pub fn document(&self, code: &str) -> Result<&DocumentType, Error> {
        self.documents
            .iter()
            .find(|d| d.code == code.trim())
            .ok_or_else(|| Error::field("unknown_document", "document"))
    }

    /// What an office override must respect; `Err` names the setting and the problem.
    pub fn check(&self) -> Result<(), (String, String)> {
        let problem = |path: String, what: &str| Err((path, what.to_owned()));
        if !(1..=MAX_HOURS).contains(&self.pay_within_hours) {
            return problem("pay_within_hours".into(), "from 1 to 720 hours");
        }
        if !(1..=MAX_DOWNLOAD_DAYS).contains(&self.download_days) {
            return problem("download_days".into(), "from 1 to 365 days");
        }
        for (i, d) in self.documents.iter().enumerate() {
            let valid_code = !d.code.is_empty()
                && d.code.len() <= 40
                && d.code
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !valid_code {
                return problem(
                    format!("documents[{i}].code"),
                    "lowercase letters, digits, _",
                );
            }
            if self.documents[..i].iter().any(|o| o.code == d.code) {
                return problem(format!("documents[{i}].code"), "used twice");
            }
            if d.fee_bani == 0 {
                return problem(format!("documents[{i}].fee_bani"), "a fee above 0 bani");
            }
            if !(1..=60).contains(&d.deadline_business_days) {
                return problem(
                    format!("documents[{i}].deadline_business_days"),
                    "from 1 to 60 business days",
                );
            }
        }
        Ok(())
    }
}

/// A fee as people read it in `lang`: `25,00 lei`, `RON 25.00`, `25,00 lej`; the
/// amount in lei with two decimals, grouped the language's way (`1.234,50 lei`).
pub fn fee(bani: i64, lang: Lang) -> String {
    // Only shown: a fee of whole bani is exact to the two decimals printed.
    lang.tr1(
        "orders-fee",
        "amount",
        i18n::decimal(bani as f64 / 100.0, 2),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn d02_the_example_catalog_is_valid_and_marked_as_an_example() {
        let settings = OrderSettings::default();
        assert!(settings.example);
        assert_eq!(settings.check(), Ok(()));
        assert_eq!(
            settings.document("vehicle_history").unwrap().fee_bani,
            2_500
        );
        assert!(settings.document("nope").is_err());
    }

    #[test]
    fn d02_fees_are_whole_bani() {
        assert_eq!(fee(2_505, Lang::Ro), "25,05 lei");
        assert_eq!(fee(7, Lang::En), "RON 0.07");
        assert_eq!(fee(2_500, Lang::Hu), "25,00 lej");
        assert_eq!(fee(123_450, Lang::Ro), "1.234,50 lei");
        assert_eq!(fee(123_450, Lang::En), "RON 1,234.50");
        assert_eq!(fee(1_234_500, Lang::Hu), "12\u{a0}345,00 lej");
    }

    #[test]
    fn d02_a_catalog_with_a_free_or_doubled_document_is_refused() {
        let mut settings = OrderSettings::default();
        settings.documents[1].code = settings.documents[0].code.clone();
        assert_eq!(settings.check().unwrap_err().0, "documents[1].code");
        let mut settings = OrderSettings::default();
        settings.documents[0].fee_bani = 0;
        assert_eq!(settings.check().unwrap_err().0, "documents[0].fee_bani");
    }
}
