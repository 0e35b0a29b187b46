//! D03: the issued document as staff upload it: a raw `application/pdf` body (the
//! API) or a `multipart/form-data` form with a `document` file (the back office).

use crate::kernel::error::Error;
use crate::kernel::fields::Fields;
use crate::orders::document::{MAX_DOCUMENT_BYTES, Pdf};
use crate::web::toolkit::{MAX_UPLOAD_BYTES, Request};
use http::header;

/// What an upload carried: the PDF and any other form fields (the CSRF token).
pub struct Upload {
    pub pdf: Pdf,
    pub fields: Fields,
}

fn header_str(req: &Request, name: header::HeaderName) -> &str {
    req.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

/// Reads the upload; a missing file or anything but a PDF is a 422 naming `document`.
pub fn read(req: &Request) -> Result<Upload, Error> {
    let content_type = header_str(req, header::CONTENT_TYPE);
    let media_type = content_type.split(';').next().unwrap_or("").trim();
    match media_type.to_ascii_lowercase().as_str() {
        "application/pdf" => {
            let disposition = header_str(req, header::CONTENT_DISPOSITION);
            let filename = disposition
                .split("filename=")
                .nth(1)
                .map(|f| f.trim_matches('"'));
            Ok(Upload {
                pdf: Pdf::parse(filename, req.body().clone())?,
                fields: Fields::new(),
            })
        }
        "multipart/form-data" => {
            let boundary =
                multer::parse_boundary(content_type).map_err(|_| Error::MalformedBody)?;
            futures_executor::block_on(multipart(req.body().clone(), boundary))
        }
        _ => Err(Error::UnsupportedMediaType),
    }
}

async fn multipart(body: Vec<u8>, boundary: String) -> Result<Upload, Error> {
    let stream = futures_util::stream::once(async move {
        Ok::<bytes::Bytes, std::convert::Infallible>(bytes::Bytes::from(body))
    });
    let constraints = multer::Constraints::new().size_limit(
        multer::SizeLimit::new()
            .whole_stream(MAX_UPLOAD_BYTES as u64)
            .for_field("document", MAX_DOCUMENT_BYTES as u64)
            .per_field(16 * 1024),
    );
    let mut form = multer::Multipart::with_constraints(stream, boundary, constraints);
    let mut fields = Fields::new();
    let mut pdf = None;
    while let Some(field) = form.next_field().await.map_err(refused)? {
        let name = field.name().unwrap_or("").to_owned();
        if name == "document" {
            let filename = field.file_name().map(str::to_owned);
            let content = field.bytes().await.map_err(refused)?;
            if !content.is_empty() {
                pdf = Some(Pdf::parse(filename.as_deref(), content.to_vec())?);
            }
        } else {
            let text = field.text().await.map_err(refused)?;
            fields.insert(name, text);
        }
    }
    let pdf = pdf.ok_or_else(|| Error::field("required", "document"))?;
    Ok(Upload { pdf, fields })
}

fn refused(e: multer::Error) -> Error {
    match e {
        multer::Error::StreamSizeExceeded { .. } | multer::Error::FieldSizeExceeded { .. } => {
            Error::PayloadTooLarge
        }
        _ => Error::MalformedBody,
    }
}
