//! POST /api/bookings, the status check GET /api/bookings/{number} (and ?number=…),
//! its calendar file GET /api/bookings/{number}/calendar.ics, the cancellation link
//! /cancel/{token} and the relocation link /relocation/{token}: `web::bookings`.

use ghiseu_core::web::bookings;
use ghiseu_core::web::toolkit::Response;
use spin_sdk::http::IncomingRequest;
use spin_sdk::http_component;

#[http_component]
async fn handle(req: IncomingRequest) -> Response {
    ghiseu_spin::serve(req, bookings::bookings).await
}
