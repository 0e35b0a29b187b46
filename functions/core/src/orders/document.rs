//! D03: the issued document: a PDF (checked to be one, size-limited) stored with its
//! SHA-256, downloaded with an unguessable link token (stored hashed) or the order
//! number, until the link expires. A download changes nothing (mail scanners follow
//! links).

use super::{Order, OrderNumber, State};
use crate::kernel::error::Error;
use crate::kernel::token::{LinkToken, hex_sha256};
use crate::storage::Database;
use chrono::{DateTime, Utc};

/// The largest document staff may upload.
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;
const MAX_FILENAME: usize = 100;

/// A PDF staff uploaded, checked.
#[derive(Debug)]
pub struct Pdf {
    pub filename: String,
    pub content: Vec<u8>,
}

impl Pdf {
    /// Refuses anything that is not a PDF: its header and its end-of-file marker
    /// must be there. The name keeps only safe characters and ends in `.pdf`.
    pub fn parse(filename: Option<&str>, content: Vec<u8>) -> Result<Pdf, Error> {
        if content.len() > MAX_DOCUMENT_BYTES {
            return Err(Error::PayloadTooLarge);
        }
        let tail = &content[content.len().saturating_sub(1024)..];
        let is_pdf = content.starts_with(b"%PDF-") && tail.windows(5).any(|w| w == b"%%EOF");
        if !is_pdf {
            return Err(Error::field("not_a_pdf", "document"));
        }
        let stem: String = filename
            .unwrap_or("")
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or("")
            .trim_end_matches(".pdf")
            .trim_end_matches(".PDF")
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            .take(MAX_FILENAME)
            .collect();
        let stem = if stem.trim_matches('.').is_empty() {
            "document".to_owned()
        } else {
            stem
        };
        Ok(Pdf {
            filename: format!("{stem}.pdf"),
            content,
        })
    }

    pub fn sha256(&self) -> String {
        hex_sha256(&self.content)
    }
}

/// A document to send to the requester.
pub struct Download {
    pub filename: String,
    pub content: Vec<u8>,
    pub sha256: String,
}

const DOCUMENT: &str = "SELECT filename, content, sha256 FROM order_documents WHERE order_id = ?";
const BY_TOKEN: &str = "SELECT id FROM orders WHERE download_token_hash = ?";

/// The stored document of an order, if any.
pub fn stored(db: &dyn Database, order_id: i64) -> Result<Option<Download>, Error> {
    Ok(db.execute(DOCUMENT, &[order_id.into()])?.read_first(|r| {
        Ok(Download {
            filename: r.text("filename")?,
            content: r.blob("content")?,
            sha256: r.text("sha256")?,
        })
    })?)
}

/// The document an issued order offers now: unknown tokens and orders not issued
/// are 404, a link past its time 410.
fn offered(db: &dyn Database, order: Option<Order>, now: DateTime<Utc>) -> Result<Download, Error> {
    let order = order
        .filter(|o| matches!(o.state, State::Issued | State::Delivered))
        .ok_or(Error::NotFound)?;
    if order.download_until.is_none_or(|until| until <= now) {
        return Err(Error::Gone("download_expired"));
    }
    stored(db, order.id)?.ok_or(Error::NotFound)
}

/// D03: the download behind an emailed link.
pub fn by_token(db: &dyn Database, token: &str, now: DateTime<Utc>) -> Result<Download, Error> {
    let token = LinkToken::parse(token).ok_or(Error::NotFound)?;
    let id = db
        .execute(BY_TOKEN, &[token.hash().into()])?
        .read_first(|r| r.int("id"))?;
    let order = id.map(|id| Order::by_id(db, id)).transpose()?.flatten();
    offered(db, order, now)
}

/// D03: the download from the order's status check.
pub fn by_number(
    db: &dyn Database,
    number: &OrderNumber,
    now: DateTime<Utc>,
) -> Result<Download, Error> {
    offered(db, Order::by_number(db, number)?, now)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pdf() -> Vec<u8> {
        b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".to_vec()
    }

    #[test]
    fn d03_only_a_pdf_is_accepted() {
        assert!(Pdf::parse(Some("a.pdf"), pdf()).is_ok());
        let err = Pdf::parse(Some("a.pdf"), b"<html>not a pdf</html>".to_vec()).unwrap_err();
        assert_eq!(err.code(), "not_a_pdf");
        let truncated = b"%PDF-1.7\n1 0 obj".to_vec();
        assert!(Pdf::parse(Some("a.pdf"), truncated).is_err());
        let huge = [pdf(), vec![b' '; MAX_DOCUMENT_BYTES]].concat();
        assert!(matches!(
            Pdf::parse(None, huge),
            Err(Error::PayloadTooLarge)
        ));
    }

    #[test]
    fn d03_the_file_name_is_made_safe() {
        let named = |n| Pdf::parse(Some(n), pdf()).unwrap().filename;
        assert_eq!(named("Autorizație 12.pdf"), "Autorizaie12.pdf");
        assert_eq!(named("../../etc/passwd"), "passwd.pdf");
        assert_eq!(named("\"; x=.pdf"), "x.pdf");
        assert_eq!(named(""), "document.pdf");
    }
}
