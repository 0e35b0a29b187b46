//! The counter floor's public side (issue 22): the waiting-room display
//! `GET /display/{location}`, its calls `GET /api/display/{location}`, and the live
//! ticket `GET /t/{token}`: `web::floor`. Apart from the booking components, so the
//! screens polling every second never compete with the 08:00 rush for instances.

use ghiseu_core::web::floor;
use spin_sdk::http::IncomingRequest;
use spin_sdk::http_component;

#[http_component]
async fn handle(req: IncomingRequest) -> ghiseu_core::web::toolkit::Response {
    ghiseu_spin::serve(req, floor::floor).await
}
