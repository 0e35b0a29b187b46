## Időpontfoglalás: a napválasztó, egy nap időpontjai, a foglalási űrlap és a visszaigazolás.

# A napválasztó: egy nap szabad online helyei (számnév után a főnév egyes számban marad).
booking-seats-free = { $count } szabad hely
# Egy időpont a nap oldalán: szabad online helyei.
booking-slot-seats = { $count } hely
