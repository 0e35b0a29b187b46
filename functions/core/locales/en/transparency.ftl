## The transparency page (issue 23): per service, whether trying again when the next day opens is worth it.

transparency-title = Transparency: bookings in figures
transparency-description = The online bookings in figures, per service: the days and seats open, how fast they fill, the no-shows.
transparency-intro = The online booking figures, updated every minute; no figure concerns a person.
transparency-open-days = Days open for booking now
transparency-days-with-seats = Days with free seats
# Also the head of the by-day table's column.
transparency-free-seats = Free online seats
transparency-next-day = The next day to open
# $day: the day; $opening: the date and time it opens.
transparency-next-day-opening = { $day }, opening at { $opening }
transparency-recent-days = Days opened in the last two weeks
# $days: the days opened; $filled: how many of them were fully booked.
transparency-recent-filled = { $days }, fully booked: { $filled }
transparency-fill-time = How long they took to fill (median)
transparency-no-shows = No-shows in the last 30 days
transparency-by-day = Free seats by day
transparency-day = Day
# A duration: minutes under an hour, then hours, then days (with one decimal).
transparency-minutes = { $minutes } min
transparency-hours = { $hours } h
transparency-days = { $days } days
# A share in percent: whole or with one decimal.
transparency-percent = { $percent } %
