//! D01–D04: the messages of a digital order, rendered when queued, Romanian first and
//! English below. Only the confirmation carries the order number; only the delivery
//! and a renewed link carry a download link.

use crate::messaging::messages::{Email, email};

/// What every order message names: the document and when it was ordered.
pub struct About<'a> {
    pub document_ro: &'a str,
    pub document_en: &'a str,
    pub ordered: &'a str,
}

impl About<'_> {
    fn ro(&self) -> String {
        format!("comanda din {} ({})", self.ordered, self.document_ro)
    }

    fn en(&self) -> String {
        format!("your order of {} ({})", self.ordered, self.document_en)
    }
}

/// D01 (seed 003 §1.3): the confirmation: summary, fee, terms, how to pay, the number.
pub fn confirmation(
    about: &About,
    number: &str,
    fee: &(String, String),
    pay_by: &str,
    status_link: &str,
) -> Email {
    email(
        format!("Confirmare comandă / Order confirmation {number}"),
        &[
            format!("Am primit {}. Numărul comenzii: {number}", about.ro()),
            format!(
                "Tarif: {}. Plata se face cu cardul, pe pagina comenzii, până la {pay_by}; după această dată comanda expiră. Procesarea începe după confirmarea plății.",
                fee.0
            ),
            format!(
                "Pagina comenzii (plată, stare, descărcare): {status_link}\nPăstrați numărul comenzii: este singura cale de acces la ea."
            ),
            "—".to_owned(),
            format!("We received {}. Order number: {number}", about.en()),
            format!(
                "Fee: {}. Pay by card on the order's page by {pay_by}; after that the order expires. Processing starts once the payment is confirmed.",
                fee.1
            ),
            format!(
                "The order's page (payment, status, download): {status_link}\nKeep the order number: it is the only way to reach the order."
            ),
        ],
        vec![],
    )
}

/// D02 (seed 003 §2.2): the payment is confirmed and processing will start.
pub fn paid(about: &About, fee: &(String, String), due: &str) -> Email {
    email(
        "Plată confirmată / Payment confirmed".to_owned(),
        &[
            format!(
                "Am primit plata de {} pentru {}. Documentul este emis cel târziu la {due}.",
                fee.0,
                about.ro()
            ),
            "—".to_owned(),
            format!(
                "We received the payment of {} for {}. The document is issued by {due} at the latest.",
                fee.1,
                about.en()
            ),
        ],
        vec![],
    )
}

/// D04 (seed 003 §3.2): a progress update staff wrote.
pub fn progress(about: &About, text: &str) -> Email {
    email(
        "Stadiul comenzii / Order progress".to_owned(),
        &[
            format!("Despre {}:", about.ro()),
            text.to_owned(),
            "—".to_owned(),
            format!("About {}:", about.en()),
            text.to_owned(),
        ],
        vec![],
    )
}

/// Staff need something more from the requester; the link is where they answer.
pub fn info_request(about: &About, question: &str, link: &str) -> Email {
    email(
        "Informații necesare / Information needed".to_owned(),
        &[
            format!("Pentru {} avem nevoie de:", about.ro()),
            question.to_owned(),
            format!("Răspundeți aici: {link}"),
            "—".to_owned(),
            format!("For {} we need:", about.en()),
            question.to_owned(),
            format!("Answer here: {link}"),
        ],
        vec![],
    )
}

/// The order was rejected; the fee is refunded to the card.
pub fn rejected(about: &About, reason: &str) -> Email {
    email(
        "Comandă respinsă / Order rejected".to_owned(),
        &[
            format!("Nu putem emite documentul pentru {}. Motivul:", about.ro()),
            reason.to_owned(),
            "Tariful plătit se rambursează pe cardul folosit.".to_owned(),
            "—".to_owned(),
            format!(
                "We cannot issue the document for {}. The reason:",
                about.en()
            ),
            reason.to_owned(),
            "The fee paid is refunded to the card used.".to_owned(),
        ],
        vec![],
    )
}

/// D03: the issued document's download link and until when it works.
pub fn delivery(about: &About, link: &str, until: &str) -> Email {
    email(
        "Documentul este gata / Your document is ready".to_owned(),
        &[
            format!("Documentul pentru {} a fost emis.", about.ro()),
            format!(
                "Descărcați-l de aici până la {until}: {link}\nDacă nu găsiți acest email, verificați și dosarul Spam."
            ),
            "—".to_owned(),
            format!("The document for {} has been issued.", about.en()),
            format!(
                "Download it here until {until}: {link}\nIf you miss this email, check your spam folder too."
            ),
        ],
        vec![],
    )
}

/// An unpaid order expired.
pub fn expired(about: &About) -> Email {
    email(
        "Comandă expirată / Order expired".to_owned(),
        &[
            format!(
                "Pentru {} nu am primit plata la timp; comanda a expirat. Puteți plasa o comandă nouă.",
                about.ro()
            ),
            "—".to_owned(),
            format!(
                "We did not receive the payment for {} in time; the order has expired. You may place a new order.",
                about.en()
            ),
        ],
        vec![],
    )
}

/// D04: staff hear of an order past its deadline.
pub fn overdue_staff(id: i64, state: &str, due: &str, link: &str) -> Email {
    email(
        format!("Comandă întârziată / Order overdue #{id}"),
        &[
            format!("Comanda #{id} ({state}) trebuia emisă până la {due}: {link}"),
            "—".to_owned(),
            format!("Order #{id} ({state}) was due by {due}: {link}"),
        ],
        vec![],
    )
}
