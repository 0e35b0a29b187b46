## The static pages (static/*.html): the home page, where a service is chosen; the
## booking status page; the page for an address that doesn't exist.

home-title = Online booking
home-description = Book a visit to the counter online for passports, driving licences and vehicle registrations: choose the service, the day and the time.
home-heading = Book a visit to the counter
home-intro = Half of the seats are booked online, half are given out at the office as queue tickets.
home-service-label = Service
home-location-label = Location
home-location-any = Any location giving the service
home-choose-day = Choose a day
home-how = You will see the days with free seats, then the times of a day.
home-rules-heading = Rules
home-rule-name = Write your name exactly as on your identity card, not in CAPITALS.
home-rule-no-cnp = Never enter your personal numeric code (CNP) on this site.
home-rule-one-booking = One booking per request. The same VIN or holder used twice cancels all of their bookings.
home-rule-no-show = Not showing up blocks online booking for 30 days.

# The status page (its title is booking-status-title).
home-status-description = Check a booking's status by its reservation number.
home-status-number-label = Reservation number
home-status-check = Check
# Shown by the page's script when the answer carries no message of its own.
home-status-error = Error.

home-not-found-title = Page not found
