//! ghiseu's shared library: every office rule, the storage seam and the HTTP
//! handlers, with no Spin dependency so all of it is tested natively.

pub mod api;
pub mod availability;
pub mod booking;
pub mod calendar;
pub mod cancellation;
pub mod challenge;
pub mod cnp;
pub mod complaint;
pub mod counter;
pub mod dayview;
pub mod error;
pub mod exemption;
pub mod html;
pub mod identity;
pub mod messages;
pub mod observe;
pub mod office;
pub mod outbox;
pub mod ratelimit;
pub mod relocation;
pub mod reminder;
pub mod schema;
pub mod staff;
pub mod storage;
pub mod token;

pub use error::Error;
