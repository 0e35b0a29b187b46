//! Every staff action on the office's data, each written to the audit trail: one
//! implementation shared by the JSON API (machine clients) and the back-office pages.

use super::{Entry, Staff, audit};
use crate::booking::{Booking, exemption};
use crate::complaints::{self, Complaint};
use crate::context::Context;
use crate::counter::window::Seat;
use crate::counter::{self, CheckedIn, WalkInTicket, Walker};
use crate::identity::{Email, Phone};
use crate::kernel::fields::optional;
use crate::kernel::text::Lang;
use crate::kernel::error::Error;
use crate::kernel::fields::Fields;
use crate::messaging::outbox;
use crate::office::Setup;
use crate::office::relocation::{self, Closing, Window};
use crate::office::setup::store;
use crate::orders::Order;
use crate::orders::document::Pdf;
use crate::orders::{payment, processing};
use crate::storage::in_transaction;

fn field<'f>(fields: &'f Fields, name: &str) -> &'f str {
    fields.get(name).map(String::as_str).unwrap_or("")
}

/// The location a counter action happens at: the one the fields name, or the staff
/// member's own when their account is tied to one (naming another is refused, 403).
fn counter_at<'f>(fields: &'f Fields, own: Option<&'f str>) -> Result<Option<&'f str>, Error> {
    let named = Some(field(fields, "location").trim()).filter(|l| !l.is_empty());
    match (named, own) {
        (Some(named), Some(own)) => super::reaches(Some(own), named).map(|_| Some(own)),
        (named, own) => Ok(own.or(named)),
    }
}

/// Whether a checkbox or a JSON flag given as text is on.
fn ticked(fields: &Fields, name: &str) -> bool {
    matches!(field(fields, name).trim(), "on" | "true" | "1" | "yes")
}

/// R05: check-in with the number, the phone and the VIN/holder, at the counter's
/// location when it names one (or the staff member's); a refusal is audited too,
/// since repeated mismatches are a signal. `notify` asks for the turn-near message.
pub fn check_in(
    ctx: &Context,
    fields: &Fields,
    who: &Staff,
    own: Option<&str>,
) -> Result<CheckedIn, Error> {
    let input = counter::CheckIn {
        number: field(fields, "number"),
        phone: field(fields, "phone"),
        proof: field(fields, "proof"),
        location: counter_at(fields, own)?,
        notify: ticked(fields, "notify"),
    };
    counter::check_in(ctx.db, &input, ctx.check_in_margin(), who, ctx.now).inspect_err(|e| {
        let entry = Entry::new("check_in_refused", "booking:?").detail(e.code());
        // The refusal stands whether or not its audit line could be written.
        let _ = audit(ctx.db, who, &entry, ctx.now);
    })
}

/// R01: a walk-in ticket for `service` at `slot` (at `location`, when the service is
/// given at more than one); `phone` or `email`, when given, get the turn-near message
/// in `lang`.
pub fn walk_in(
    ctx: &Context,
    fields: &Fields,
    who: &Staff,
    own: Option<&str>,
) -> Result<WalkInTicket, Error> {
    let desk = ctx
        .setup()?
        .desk(counter_at(fields, own)?, field(fields, "service"))?;
    let walker = Walker {
        lang: Lang::from_code(optional(fields, "lang")),
        phone: optional(fields, "phone")
            .map(Phone::parse)
            .transpose()
            .map_err(Error::from)?,
        email: optional(fields, "email")
            .map(Email::parse)
            .transpose()
            .map_err(Error::from)?,
    };
    let ticket = counter::issue_walk_in(
        ctx.db,
        ctx.office,
        &desk,
        field(fields, "slot"),
        &walker,
        &who.0,
        ctx.now,
    )?;
    let entry = Entry::new("walk_in_ticket", format!("ticket:{}", ticket.ticket))
        .detail(&ticket.slot_start);
    audit(ctx.db, who, &entry, ctx.now)?;
    Ok(ticket)
}

/// Issue 22: seats `who` at `window` of `location` (their own when their account is
/// tied to one; naming another is refused, 403), calling from `services` (all given
/// there when empty).
pub fn sit(
    ctx: &Context,
    who: &Staff,
    own: Option<&str>,
    location: Option<&str>,
    window: i64,
    services: &[String],
) -> Result<Seat, Error> {
    let setup = ctx.setup()?;
    let location = match (location.map(str::trim).filter(|l| !l.is_empty()), own) {
        (Some(named), own) => {
            super::reaches(own, named)?;
            named
        }
        (None, Some(own)) => own,
        (None, None) => setup.locations[0].code.as_str(),
    };
    counter::window::sit(ctx.db, setup, who, location, window, services, ctx.now)
}

/// Issue 24: what changing the setup did.
#[derive(Debug, serde::Serialize)]
pub struct SetupChange {
    pub version: i64,
    pub setup: Setup,
    /// The bookings the change left outside the hours, moved (R18).
    pub moved: Vec<relocation::Moved>,
}

/// Issue 24: the bookings a new setup would leave outside the hours; an error when
/// it would leave one with nowhere to go (its service gone from its location).
pub fn setup_preview(ctx: &Context, setup: &Setup) -> Result<Vec<Booking>, Error> {
    setup
        .check()
        .map_err(|(path, _)| Error::field("invalid_setup", &path))?;
    relocation::outside_hours(ctx.db, ctx.office, ctx.setup()?, setup, ctx.now)
}

/// Issue 24: the office's setup as `setup`, made from version `version`: refused when
/// another change came first (409), when it does not hold together (422), or when it
/// would leave bookings outside the hours unless `move_bookings` says to move them
/// (R18: a notice and a link to confirm or decline each). Audited with what it
/// changes, and in force for the next request. Sending the same change again from
/// the same version answers as the first time did and moves what is left to move.
pub fn change_setup(
    ctx: &Context,
    who: &Staff,
    version: i64,
    setup: &Setup,
    move_bookings: bool,
) -> Result<SetupChange, Error> {
    let current = ctx.versioned_setup()?;
    // The same change sent again after it was saved (a retry, or a page posted twice):
    // nothing is saved twice, and bookings a crash left unmoved are moved now.
    let retried = version + 1 == current.version && current.setup == *setup;
    if version != current.version && !retried {
        return Err(Error::conflict("setup_changed_meanwhile", "version"));
    }
    let outside = setup_preview(ctx, setup)?;
    if !outside.is_empty() && !move_bookings {
        return Err(Error::conflict("bookings_outside_hours", "move_bookings"));
    }
    let saved = if retried {
        current.clone()
    } else {
        store::save(ctx.db, current, setup, who, ctx.now)?
    };
    let moved =
        relocation::move_outside_hours(ctx.db, ctx.office, &saved.setup, &outside, who, ctx.now)?;
    Ok(SetupChange {
        version: saved.version,
        setup: saved.setup,
        moved,
    })
}

/// R16: the late-cancel exemption for the booking's VIN/holder.
pub fn grant_exemption(
    ctx: &Context,
    who: &Staff,
    booking: &Booking,
    reason: &str,
) -> Result<i64, Error> {
    in_transaction(ctx.db, || {
        let id = exemption::grant(ctx.db, booking, reason, who, ctx.now)?;
        let entry = Entry::new("exemption_grant", format!("exemption:{id}"))
            .change("none", "granted")
            .detail(format!("booking:{}", booking.id));
        audit(ctx.db, who, &entry, ctx.now)?;
        Ok(id)
    })
}

/// R16 through C01: a proposal citing a booking lets staff grant the exemption.
pub fn grant_for_proposal(
    ctx: &Context,
    who: &Staff,
    complaint_id: i64,
    reason: Option<&str>,
) -> Result<i64, Error> {
    let found = Complaint::by_id(ctx.db, complaint_id)?.ok_or(Error::NotFound)?;
    let booking_id = found
        .booking_id
        .filter(|_| found.kind == "proposal")
        .ok_or_else(|| Error::conflict("not_a_booking_proposal", "kind"))?;
    let booking = Booking::by_id(ctx.db, booking_id)?.ok_or(Error::NotFound)?;
    let reason = reason.filter(|r| !r.trim().is_empty()).map_or_else(
        || format!("proposal complaint:{complaint_id}"),
        str::to_owned,
    );
    grant_exemption(ctx, who, &booking, &reason)
}

/// Withdraws an exemption not yet used.
pub fn revoke_exemption(ctx: &Context, who: &Staff, id: i64) -> Result<(), Error> {
    if !exemption::revoke(ctx.db, id, ctx.now)? {
        return Err(Error::NotFound);
    }
    let entry =
        Entry::new("exemption_revoke", format!("exemption:{id}")).change("granted", "revoked");
    audit(ctx.db, who, &entry, ctx.now)
}

/// Sends a failed message again.
pub fn retry_message(ctx: &Context, who: &Staff, id: i64) -> Result<(), Error> {
    if !outbox::retry_failed(ctx.db, id, ctx.now)? {
        return Err(Error::NotFound);
    }
    let entry = Entry::new("outbox_retry", format!("outbox:{id}")).change("failed", "pending");
    audit(ctx.db, who, &entry, ctx.now)
}

/// R18: closes a window and moves its bookings.
pub fn close_window(ctx: &Context, who: &Staff, fields: &Fields) -> Result<Closing, Error> {
    let window = Window::parse(fields, ctx.setup()?)?;
    relocation::close_window(ctx.db, ctx.office, &window, who, ctx.now)
}

/// C02–C05: one step of a complaint's workflow.
pub fn complaint_step(
    ctx: &Context,
    who: &Staff,
    id: i64,
    step: &str,
    fields: &Fields,
) -> Result<complaints::ComplaintStatusView, Error> {
    let step = complaints::Step::parse(step, fields)?;
    let progress =
        complaints::take_step(ctx.db, ctx.office, id, &step, who, &ctx.links(), ctx.now)?;
    let found = Complaint::by_id(ctx.db, id)?.ok_or(Error::NotFound)?;
    Ok(complaints::ComplaintStatusView::new(&found, &progress))
}

/// D04: one staff step on a digital order. A rejection refunds the fee through the
/// provider at once; if that fails the refund stays owed (the order says `due`) for
/// a later `refund_order`.
pub fn order_step(
    ctx: &Context,
    who: &Staff,
    id: i64,
    step: &str,
    fields: &Fields,
) -> Result<Order, Error> {
    let step = processing::Step::parse(step, fields)?;
    let order = processing::take_step(ctx.db, ctx.office, id, &step, who, &ctx.links(), ctx.now)?;
    if matches!(step, processing::Step::Reject { .. }) && order.refund.as_deref() == Some("due") {
        // The rejection stands whether or not the provider answers now.
        let _ = refund_order(ctx, who, id);
        return Order::by_id(ctx.db, id)?.ok_or(Error::NotFound);
    }
    Ok(order)
}

/// D03: the issued document, stored and delivered.
pub fn issue_order(ctx: &Context, who: &Staff, id: i64, pdf: &Pdf) -> Result<Order, Error> {
    processing::issue(ctx.db, ctx.office, id, pdf, who, &ctx.links(), ctx.now)
}

/// D02: makes the refunds an order is owed (a rejection, a late or second payment).
pub fn refund_order(ctx: &Context, who: &Staff, id: i64) -> Result<usize, Error> {
    let order = Order::by_id(ctx.db, id)?.ok_or(Error::NotFound)?;
    let provider = payment::provider(ctx.settings)?;
    payment::refund_owed(ctx.db, provider.as_ref(), ctx.http, &order, who, ctx.now)
}

/// GDPR art. 15: everything held about a phone and/or email, exported and audited.
pub fn access_request(
    ctx: &Context,
    fields: &Fields,
    who: &Staff,
) -> Result<serde_json::Value, Error> {
    let request = crate::retention::access::AccessRequest::parse(fields)?;
    crate::retention::access::export(
        ctx.db,
        &request,
        &ctx.contact_key(),
        &ctx.office.retention,
        who,
        ctx.now,
    )
}
