## Booking: the day picker, a day's times, the booking form and its confirmation.

# The day picker: a day's free online seats.
booking-seats-free = { PLURAL($count) ->
    [one] { $count } loc liber
    [few] { $count } locuri libere
   *[other] { $count } de locuri libere
}
# A time on the day's page: its free online seats.
booking-slot-seats = { PLURAL($count) ->
    [one] { $count } loc
    [few] { $count } locuri
   *[other] { $count } de locuri
}
