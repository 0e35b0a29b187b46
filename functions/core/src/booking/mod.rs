//! Online booking (R01, R02, R06–R11, R12/R13 refusal, R17) and the status check (R03).

pub mod availability;
mod book;
pub mod cancellation;
pub mod exemption;
mod record;
mod request;

pub use book::{Admission, Booked, ban_contacts, book};
pub use record::{Booking, BookingStatusView};
pub use request::{INPUTS, NewBooking, ProofValue};

#[cfg(test)]
mod tests;
