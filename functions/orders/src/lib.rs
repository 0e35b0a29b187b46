//! GET /api/documents, /api/orders…, the payment provider's webhook /api/payments/webhook,
//! and the order pages and links under /orders: `web::orders`.

use ghiseu_core::web::orders;
use ghiseu_core::web::toolkit::Response;
use spin_sdk::http::IncomingRequest;
use spin_sdk::http_component;

#[http_component]
async fn handle(req: IncomingRequest) -> Response {
    ghiseu_spin::serve(req, orders::orders).await
}
