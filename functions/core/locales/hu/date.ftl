## Dátumok: a hónapok és a hét napjainak neve, és a dátum sorrendje (év, hónap, nap).

date-month-january = január
date-month-february = február
date-month-march = március
date-month-april = április
date-month-may = május
date-month-june = június
date-month-july = július
date-month-august = augusztus
date-month-september = szeptember
date-month-october = október
date-month-november = november
date-month-december = december

date-weekday-monday = hétfő
date-weekday-tuesday = kedd
date-weekday-wednesday = szerda
date-weekday-thursday = csütörtök
date-weekday-friday = péntek
date-weekday-saturday = szombat
date-weekday-sunday = vasárnap

date-weekday-short-monday = H
date-weekday-short-tuesday = K
date-weekday-short-wednesday = Sze
date-weekday-short-thursday = Cs
date-weekday-short-friday = P
date-weekday-short-saturday = Szo
date-weekday-short-sunday = V

# "november 25., szerda"
date-day-long = { $month } { $day }., { $weekday }
# "2026. november 25."
date-long = { $year }. { $month } { $day }.
# "2026. november"
date-month-year = { $year }. { $month }
