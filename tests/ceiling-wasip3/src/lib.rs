//! The do-nothing component as a WASIp3 HTTP handler. Spin 4 reuses such an instance for
//! many requests (a WASIp2 instance serves one), so what an instance sets up once — here
//! the database connection, and with it the parsed schema — can outlive a request.
//! `/` answers with no work; `/row` reads one booking by its key on a connection of its
//! own; `/kept` reads it on the connection the instance keeps.

use spin_sdk::sqlite::{Connection, Error, Value};
use std::cell::OnceCell;
use wasip3::http::types::{ErrorCode, Fields, Request, Response};
use wasip3::{wit_bindgen, wit_future, wit_stream};

wasip3::http::service::export!(Ceiling);

thread_local! {
    static KEPT: OnceCell<Connection> = const { OnceCell::new() };
}

struct Ceiling;

fn read_one_row(db: &Connection) -> Result<String, Error> {
    let rows = db.execute(
        "SELECT id FROM bookings WHERE id = ?1",
        &[Value::Integer(1)],
    )?;
    Ok(rows.rows.len().to_string())
}

fn kept_read() -> Result<String, Error> {
    KEPT.with(|kept| {
        if kept.get().is_none() {
            let _ = kept.set(Connection::open_default()?);
        }
        read_one_row(kept.get().expect("opened above"))
    })
}

impl wasip3::exports::http::handler::Guest for Ceiling {
    async fn handle(request: Request) -> Result<Response, ErrorCode> {
        let path = request.get_path_with_query().unwrap_or_default();
        let text = match path.as_str() {
            "/row" => Connection::open_default().and_then(|db| read_one_row(&db)),
            "/kept" => kept_read(),
            _ => Ok("ok".to_owned()),
        }
        .map_err(|e| ErrorCode::InternalError(Some(e.to_string())))?;
        let (mut body, body_rx) = wit_stream::new();
        let (trailers, trailers_rx) = wit_future::new(|| Ok(None));
        let (response, _sent) = Response::new(Fields::new(), Some(body_rx), trailers_rx);
        drop(trailers);
        wit_bindgen::spawn(async move {
            body.write_all(text.into_bytes()).await;
        });
        Ok(response)
    }
}
