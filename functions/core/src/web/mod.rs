//! The HTTP side, on top of every area. `toolkit` reads requests and writes answers;
//! one handler module per component (`bookings`, `catalog`, `complaints`, `floor`,
//! `orders`, `staff_api`; `backoffice` for the staff pages), each naming the routes it serves;
//! `html` renders the pages from `templates/`; `observe` writes the request logs;
//! `upload` reads a staff upload.

pub mod toolkit;

pub mod bookings;
pub mod catalog;
pub mod complaints;
pub mod floor;
pub mod orders;
pub mod staff_api;

pub mod backoffice;
pub mod html;
pub mod observe;
pub mod upload;
