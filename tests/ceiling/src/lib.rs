//! Answers every request with 200 and no work: what the host itself costs per request.
//! `/row` reads one booking by its key and nothing else: what the host costs a request
//! that opens the database, before any of ghiseu's own work.

use spin_sdk::http::{IntoResponse, Request, Response};
use spin_sdk::http_component;
use spin_sdk::sqlite::{Connection, Value};

#[http_component]
fn handle(req: Request) -> impl IntoResponse {
    if req.path() != "/row" {
        return Response::new(200, "ok");
    }
    let read = Connection::open_default().and_then(|db| {
        db.execute("SELECT id FROM bookings WHERE id = ?1", &[Value::Integer(1)])
    });
    match read {
        Ok(rows) => Response::new(200, rows.rows.len().to_string()),
        Err(e) => Response::new(500, e.to_string()),
    }
}
