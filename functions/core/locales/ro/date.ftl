## Dates: names of months and weekdays, and the order a date is written in.

date-month-january = ianuarie
date-month-february = februarie
date-month-march = martie
date-month-april = aprilie
date-month-may = mai
date-month-june = iunie
date-month-july = iulie
date-month-august = august
date-month-september = septembrie
date-month-october = octombrie
date-month-november = noiembrie
date-month-december = decembrie

date-weekday-monday = luni
date-weekday-tuesday = marți
date-weekday-wednesday = miercuri
date-weekday-thursday = joi
date-weekday-friday = vineri
date-weekday-saturday = sâmbătă
date-weekday-sunday = duminică

date-weekday-short-monday = Lu
date-weekday-short-tuesday = Ma
date-weekday-short-wednesday = Mi
date-weekday-short-thursday = Jo
date-weekday-short-friday = Vi
date-weekday-short-saturday = Sâ
date-weekday-short-sunday = Du

# "miercuri 25 noiembrie"
date-day-long = { $weekday } { $day } { $month }
# "25 noiembrie 2026"
date-long = { $day } { $month } { $year }
# "noiembrie 2026"
date-month-year = { $month } { $year }
