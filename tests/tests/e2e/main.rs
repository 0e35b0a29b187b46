//! End-to-end tests: HTTP requests through the test host into the release `.wasm`
//! components, as Spin would run them. Test names carry the rule ids they prove.

mod abuse;
mod booking;
mod calendar;
mod complaints;
mod counter;
mod delivery;
mod input;
mod late_cancel;
mod pages;
mod relocation;
mod reminders;
mod rush;
mod staff;
mod support;
