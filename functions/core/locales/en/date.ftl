## Dates: names of months and weekdays, and the order a date is written in.

date-month-january = January
date-month-february = February
date-month-march = March
date-month-april = April
date-month-may = May
date-month-june = June
date-month-july = July
date-month-august = August
date-month-september = September
date-month-october = October
date-month-november = November
date-month-december = December

date-weekday-monday = Monday
date-weekday-tuesday = Tuesday
date-weekday-wednesday = Wednesday
date-weekday-thursday = Thursday
date-weekday-friday = Friday
date-weekday-saturday = Saturday
date-weekday-sunday = Sunday

date-weekday-short-monday = Mon
date-weekday-short-tuesday = Tue
date-weekday-short-wednesday = Wed
date-weekday-short-thursday = Thu
date-weekday-short-friday = Fri
date-weekday-short-saturday = Sat
date-weekday-short-sunday = Sun

# "Wednesday 25 November"
date-day-long = { $weekday } { $day } { $month }
# "25 November 2026"
date-long = { $day } { $month } { $year }
# "November 2026"
date-month-year = { $month } { $year }
