//! The HTTP side: routing and handlers, server-rendered pages, request logs and
//! document uploads.

pub mod api;
pub mod backoffice;
pub mod html;
pub mod observe;
pub mod upload;
