### Errors: what a refused request is told, one message per error code (`error-{code}`,
### the code as the API gives it). Shown in JSON answers (`message`), on refused forms
### next to the field at fault, and on error pages.

## Any request

error-malformed_body = The request body could not be read.
error-unsupported_media_type = Send application/json or an HTML form.
error-payload_too_large = The request is too large.
error-method_not_allowed = This method is not allowed here.
error-not_found = Nothing was found.
# Too many requests from one client: $count is the seconds to wait (Retry-After).
error-rate_limited = { PLURAL($count) ->
    [one] Too many requests; try again in { $count } second.
   *[other] Too many requests; try again in { $count } seconds.
}
error-busy = Too many requests at once; please try again in a moment.
error-internal = Something went wrong on our side; please try again.
# A setting the operator gave can't be used (the field names it).
error-config_invalid = The service is not configured correctly; please try again later.
# The office's settings can't be used (the field names which).
error-office_config_invalid = The service is not configured correctly; please try again later.
error-unknown_field = This field is not part of this request.
error-required = This field is required.
error-too_long = This field is too long.
# A JSON field sent as an array or object.
error-invalid_type = Give this field as text.
error-invalid_choice = Choose one of the values offered.
error-invalid_date = Give the date as YYYY-MM-DD.
error-invalid_time = Give the time as HH:MM, office time.
error-invalid_month = Give the month as YYYY-MM.
# A from–to range: the availability's days, the statistics' period, a closed window's times.
error-invalid_range = The range must end after it starts and stay within the allowed length.
# The booking's or the order's consent box.
error-consent_required = Accept the terms to continue.
error-invalid_idempotency_key = The Idempotency-Key header must be 1 to 200 visible ASCII characters.
error-idempotency_key_reused = This Idempotency-Key was used for a different request.
error-cnp_forbidden = Do not enter a personal numeric code (CNP) anywhere on this site.
error-csrf_invalid = This form has expired; reload the page and try again.

## The anti-bot check (the proof of work a form solves)

error-invalid_purpose = Ask for a challenge for a booking, a complaint or an order.
error-challenge_required = Wait for the anti-bot check to finish, then send again.
error-challenge_invalid = The anti-bot check failed; the page will solve a new one.
error-challenge_expired = The anti-bot check expired; the page will solve a new one.
error-challenge_used = This anti-bot check was already used; the page will solve a new one.

## The booker's details

error-invalid_vin = A VIN has 17 characters: digits and letters except I, O and Q.
error-invalid_plate = Enter the plate as on the registration certificate, e.g. MS 12 ABC.
error-invalid_phone = Enter a real phone number, e.g. 0722 123 456 or +40 722 123 456.
error-invalid_email = Enter a valid email address.
error-invalid_name = Enter the name exactly as on the identity card: letters, spaces, hyphens.

## Booking

error-unknown_service = Choose one of the office's services.
# A VIN given for a service that asks for a holder, or the reverse.
error-field_not_for_service = This service does not ask for this field.
error-unknown_location = Choose one of the office's locations.
error-location_required = This service is given at more than one location: choose one.
error-service_not_at_location = This service is not given at this location.
error-service_retired = This service takes no more bookings.
error-other_location = This booking is at another location.
error-invalid_setup = This part of the setup can't be used: a missing or repeated code, overlapping hours, an unknown service or a value out of bounds.
error-setup_changed_meanwhile = Someone else changed the setup meanwhile: reload the page and make the change again.
error-invalid_number = Write a whole number.
error-invalid_hours = Write the intervals as 08:30-12:00, separated by commas; each closes after it opens.
error-invalid_proof = Choose one of the proofs listed.
error-invalid_version = The form no longer matches the setup: reload the page.
error-bookings_outside_hours = The change would leave bookings outside the hours: move them (move_bookings) or start the new hours after the last of them.
error-service_has_bookings = The service has bookings at this location: retire it, or keep it until the last one has passed.
# A booking's time, or a walk-in ticket's slot at the counter.
error-invalid_slot = Choose one of the times offered.
error-slot_in_past = This time has already passed.
error-slot_too_far = Online booking is not open yet for this date.
error-day_closed = The office is closed on this day.
error-date_out_of_range = Online booking is open only from today to the last bookable date.
error-slot_full = No online seat is left in this slot; choose another time.
error-slot_closed = The office closed this time window; choose another time.
# The phone or email may not book online for a while: $until is the ban's last day, as a date in words.
error-contact_banned = This contact may not book online until { $until }.
error-invalid_reservation_number = This is not a reservation number.
# The answer to a relocated booking's offer.
error-invalid_action = Choose confirm or decline.

## The counter (check-in, walk-in tickets, no-shows)

error-number_unknown = No booking has this number.
error-phone_mismatch = The phone is not the one used at booking.
error-proof_mismatch = The VIN or holder does not match the booking.
error-not_active = This booking is not active.
error-outside_check_in_window = Check-in is open on the appointment's day, shortly before the slot until its end.
error-slot_not_over = A no-show can be marked only after the slot has ended.
error-walk_in_full = Every walk-in seat of this slot has a ticket.
# A late-cancel exemption's reason, or a closed window's.
error-reason_required = Give the reason, at most 500 characters.
error-exemption_exists = This VIN/holder already has an exemption waiting for its next booking.
error-not_a_booking_proposal = Only a proposal citing a booking can grant the late-cancel exemption.

## Complaints

error-order_unknown = No order has this number.
error-reservation_number_required = A complaint or proposal about a booking must give its reservation number (or the order number of a digital order).
error-reservation_unknown = No booking has this reservation number.
error-contact_required = Give a phone number or an email address.
error-field_not_for_kind = Only technical problems take a severity and a channel.
error-date_not_ahead = The new timeline must end after today.
error-already_resolved = This complaint is resolved; only the complainant can reopen it.
error-already_acknowledged = This complaint is already acknowledged.
error-not_acknowledged = Acknowledge the complaint before a progress update.
error-invalid_filter = Filter must be open, due_soon, overdue, escalated or all.

## Digital orders and payments

error-unknown_document = Choose one of the documents offered.
error-field_not_for_document = This document does not ask for this field.
error-too_many_unpaid_orders = This email address has too many unpaid orders; pay or cancel one first.
error-not_payable = This order can no longer be paid.
error-payment_mismatch = The payment's amount or currency is not the order's fee.
error-payment_provider_unavailable = The payment provider could not be reached; nothing was charged. Please try again.
error-order_step_not_allowed = This step does not fit the order's current state.
error-not_a_pdf = The document must be a PDF file.
# An issued document's download link past its validity.
error-download_expired = This link has expired. On the order's page you can ask for a new one.
# The payment provider's notification (webhook): no signature.
error-signature_missing = The notification was refused.
# The payment provider's notification: a signature that isn't ours.
error-signature_invalid = The notification was refused.
# The payment provider's notification: signed too long ago.
error-signature_stale = The notification was refused.
# The payment provider's notification: an event that doesn't fit.
error-malformed_event = The notification was refused.

## Staff: sign-in, accounts and lists

error-unauthorized = A valid staff token is required.
error-forbidden = Your role may not do this.
error-login_failed = Wrong account name or password.
error-invalid_account_name = An account name is 2 to 40 letters a-z, digits, dots, dashes or underscores.
error-weak_password = A password has 12 to 128 characters; a few unrelated words make a good one.
error-account_exists = An account with this name already exists.
error-own_account = You can't disable your own account.
error-invalid_role = The role must be counter, complaints, orders or supervisor.
# The state a list of orders or of outgoing messages is filtered by.
error-invalid_state = Choose one of the states this list shows.
# The statistics' period.
error-period_too_long = Choose a period of at most a year.
# A failed booking, complaint or order confirmation whose number retention erased.
error-confirmation_not_resendable = This confirmation can't be sent again: its number is no longer kept. The citizen was shown it on submitting, and the messages that follow still come.

## The counter floor (issue 22)
error-no_window = You are not at a window; choose your window first.
error-window_invalid = The window number must be from 1 to 99.
error-window_taken = Another colleague works at this window today.
error-window_paused = The window is paused; resume before calling anyone.
error-call_in_progress = Finish the current call first (served, absent or transfer).
error-nobody_waiting = Nobody who can be called now is waiting.
error-no_current_call = Nobody is called to this window.
error-recall_too_soon = They were called just now; wait a little before calling again.
error-same_service = They are already in this service's queue.
error-service_unknown = This service is not given at this location.
error-invalid_window = Give the window as a number, optionally the location and the list of services.
error-invalid_pause = Give "paused" as true or false.
error-invalid_transfer = Give the service to transfer to.
