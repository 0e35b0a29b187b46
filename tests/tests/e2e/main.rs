//! End-to-end tests: HTTP requests through the test host into the release `.wasm`
//! components, as Spin would run them. Test names carry the rule ids they prove.
//! The scenarios in `../common/scenarios.rs` run here and on real Spin (`../spin`).

mod abuse;
mod backoffice;
mod booking;
mod calendar;
mod complaints;
mod counter;
mod delivery;
mod floor;
mod input;
mod late_cancel;
mod locations;
mod no_5xx;
mod openapi;
mod orders;
mod pages;
mod relocation;
mod reminders;
mod retention;
#[path = "../common/scenarios.rs"]
mod scenarios;
mod shared;
mod staff;
#[path = "../common/staff_session.rs"]
mod staff_session;
mod stats;
#[path = "../common/support.rs"]
mod support;
