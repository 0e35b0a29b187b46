## Booking: the day picker, a day's times, the booking form and its confirmation.

# The day picker: a day's free online seats.
booking-seats-free = { PLURAL($count) ->
    [one] { $count } free seat
   *[other] { $count } free seats
}
# A time on the day's page: its free online seats.
booking-slot-seats = { PLURAL($count) ->
    [one] { $count } seat
   *[other] { $count } seats
}

## The day picker (a month of one service).

booking-locations-title = { $service } — choose a location
booking-locations-description = The locations where { $service } can be booked.
booking-next-free-day = First day with free seats: { $day }
booking-no-free-day = No free seat on the days open now
booking-month-title = { $service } — choose a day
booking-month-description = { $service }: the days with free seats for online booking.
booking-choose-another-service = Choose another service
# The label of the previous/next month links.
booking-months-label = Months
booking-previous-month = Previous month
booking-next-month = Next month
# A day with no online seat left.
booking-day-full = Full
# Why a day takes no bookings; $name is the holiday's or the closure's, as the office names it.
booking-closed-weekend = Weekend: the office is closed.
booking-closed-holiday = Public holiday: { $name }
booking-closed-closure = Closed: { $name }
booking-closed-no-hours = No opening hours on this day.

## A day's times and the booking form.

# $day: "Wednesday 25 November"; $year: "2026".
booking-day-title = { $service } — { $day } { $year }
booking-day-description = { $service }, { $day }: the free times and the booking form.
booking-choose-another-day = Choose another day
booking-day-no-seats = No online seats are left on this day.
booking-choose-time = Choose a time
booking-altcha-needs-javascript = The anti-bot check needs JavaScript; without it the booking will be refused.
booking-form-name-label = Full name, exactly as on the identity card
booking-form-phone-label = Phone
booking-form-email-label = Email (optional)
booking-form-vin-label = VIN (17 characters)
booking-form-holder-label = Holder (if booking for someone else)
booking-form-hint = Never enter a personal numeric code (CNP). Do not write in CAPITALS.
booking-form-consent = I accept the online booking rules.
booking-form-submit = Book

## The confirmation.

booking-confirmation-title = Booking recorded
booking-confirmation-description = Your booking at the counter is recorded: its reservation number and details.
booking-confirmation-number = Your reservation number:
booking-confirmation-keep-number = Keep this number: it is also sent by SMS/email and you need it at the counter.
booking-confirmation-calendar = Add to your calendar (.ics)
booking-confirmation-check = Check the booking
# A repeated submission: the booking was made the first time.
booking-confirmation-already-made = This booking was already made; its number was sent to you by SMS/email.

## A booking's facts (the confirmation, the status, the cancellation and relocation links; the status page's script too).

booking-row-service = Service
booking-row-location = Location
booking-row-bring = What to bring
booking-row-date-time = Date and time
booking-row-date = Date
booking-row-time = Time
booking-row-original-time = Original time
booking-row-name = Name
booking-row-phone = Phone
booking-row-email = Email
booking-row-vin = VIN
booking-row-holder = Holder
booking-row-state = State
booking-state-active = Active
booking-state-cancelled = Cancelled
booking-state-cancelled-duplicate-vin = Cancelled: VIN used more than once
booking-state-cancelled-duplicate-holder = Cancelled: holder used more than once
booking-state-cancelled-by-booker = Cancelled by the booker
booking-state-cancelled-superseded = Cancelled: replaced by a new booking (exemption)
booking-state-cancelled-by-office = Cancelled by the office
booking-state-cancelled-relocation-declined = Cancelled: the new time was declined
booking-state-attended = Attended
booking-state-no-show = No-show
booking-status-title = Booking status

## The cancellation link.

booking-cancel-title = Cancel this booking?
booking-cancel-description = Cancelling a booking at the counter.
booking-cancel-final = Cancelling is final: the booking can't be restored, only a new one made.
booking-cancel-confirm = Confirm the cancellation
booking-cancelled-title = Booking cancelled
booking-cancelled-text = The booking has been cancelled. The seat has been freed.

## The relocation link: the office closed the booking's time and moved it.

booking-relocation-title = Appointment moved
booking-relocation-description = The new time of your appointment: confirm it or decline.
booking-relocation-text = The office had to close the time of your appointment. This is the new time.
booking-relocation-confirm = Confirm the new time
booking-relocation-decline = Decline (the booking is cancelled)
booking-relocation-confirmed-title = Time confirmed
booking-relocation-confirmed-text = We expect you at the new time.
