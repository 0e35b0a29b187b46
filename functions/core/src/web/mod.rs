//! The HTTP side: routing and handlers, server-rendered pages, request logs, the bot
//! defence, the rate limits and document uploads.

pub mod api;
pub mod backoffice;
pub mod challenge;
pub mod html;
pub mod observe;
pub mod ratelimit;
pub mod upload;
