//! POST /api/bookings and the status check GET /api/bookings/{number}.

use ghiseu_core::web::bookings;
use ghiseu_core::web::toolkit::Response;
use spin_sdk::http::IncomingRequest;
use spin_sdk::http_component;

#[http_component]
async fn handle(req: IncomingRequest) -> Response {
    ghiseu_spin::serve(req, bookings::bookings).await
}
