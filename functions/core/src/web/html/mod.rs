//! Server-rendered pages for browsers without JavaScript. The markup is in
//! `functions/core/templates/`, checked at compile time and escaped by default.

mod booking;
mod complaints;
mod floor;
mod orders;
mod page;
mod transparency;

pub use booking::{
    PickerDay, availability_page, cancel_confirm_page, cancelled_page, confirmation_page,
    locations_page, month_page, picker_day, relocation_answered_page, relocation_page, status_page,
};
pub use complaints::{
    complaint_form_page, complaint_received_page, complaint_status_page, escalate_confirm_page,
    escalated_page,
};
pub use floor::{display_page, live_ticket_page, qr_svg};
pub use orders::{
    fee, order_answered_page, order_catalog_page, order_form_page, order_info_page,
    order_placed_page, order_return_page, order_status_page,
};
pub(crate) use page::render;
pub use page::{
    FormState, ShownError, alternate_links, error_page, link_invalid_page, service_name,
    switch_to_same_page,
};
pub use transparency::transparency_page;
