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
