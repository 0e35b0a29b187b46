## The office's numbers (/staff/stats): the page, each figure's title and meaning, and the columns of its table and CSV.

# The page's own texts (the figures' headings follow).
stats-figures = Cifre
stats-download-csv = Descarcă CSV
# Under a chart that draws only the first rows: how many rows it leaves out.
stats-chart-left-out = Graficul arată primele rânduri; tabelul le are pe toate (+{ $count }).
stats-nothing = Nimic în această perioadă.
# A number in a figure's table, written the language's way (grouping, decimal mark).
stats-number = { $value }

# Figures: a title, and what the figure means (a paragraph under the title).
stats-bookings-title = Programări pe zi și serviciu
stats-bookings-about = Programările online neanulate față de locurile online (jumătate din capacitate, R01) și bonurile de la ghișeu față de locurile fără programare.
stats-outcomes-title = Ce s-a întâmplat cu programările
stats-outcomes-about = Programările cu ora în perioadă, după stare: prezentate, neprezentate (R12), anulate de solicitant (R14), ca duplicate (R06, R07), de birou (închidere, mutare refuzată, R18) sau pentru date fictive; persoanele interzise în perioadă (R12, R13).
stats-fill-speed-title = Cât de repede s-au ocupat zilele
stats-fill-speed-about = Minutele de la deschiderea zilei pentru programări online până la programarea care a luat ultimul loc online (și cele anulate ulterior se numără); gol: ziua nu s-a ocupat.
stats-complaints-title = Sesizări: termene respectate
stats-complaints-about = Sesizările primite în perioadă, după tip, judecate după primul răspuns: confirmate în termenul C02 (7 zile lucrătoare), soluționate în termenul C04 (30 de zile lucrătoare, pe care un termen nou nu îl mută) sau după el, cele deschise acum cu un termen depășit (ca în lista de lucru), cele escaladate (C05) și ponderea celor soluționate la timp dintre cele soluționate sau cu termenul C04 trecut.
stats-tickets-title = Probleme tehnice: timpul de rezolvare
stats-tickets-about = Problemele tehnice primite în perioadă, după gravitate: cele rezolvate (prima rezolvare), cele rezolvate în timpul T02 (24 h critică, 48 h ridicată, 72 h normală sau scăzută), mediana orelor de la primire la rezolvare și cele nerezolvate acum.
stats-orders-title = Comenzi de documente digitale
stats-orders-about = Comenzile plasate în perioadă, pe tip de document, după cum au ajuns: plătite, emise (inclusiv livrate), livrate, respinse, expirate neplătite, anulate; rambursările datorate și făcute; taxele comenzilor plătite (fără a scădea rambursările); mediana orelor de la plată la prima emitere; emise înainte de termenul D04 în vigoare (cel de la plată sau, după o redeschidere, cel nou).
stats-messages-title = Mesaje trimise
stats-messages-about = Mesajele puse în coadă în perioadă, pe canal: trimise (dintre care după cel puțin o încercare eșuată), omise (nu mai erau necesare când le-a venit rândul), eșuate definitiv, încă în așteptare; eșuatele din cele cu soarta decisă.

# Column headings, in the table and the CSV.
stats-column-day = Ziua
stats-column-service = Serviciul
stats-column-online-bookings = Programări online
stats-column-online-seats = Locuri online
stats-column-online-utilisation = Ocupare online %
stats-column-walk-in-tickets = Bonuri la ghișeu
stats-column-walk-in-seats = Locuri la ghișeu
stats-column-walk-in-utilisation = Ocupare la ghișeu %
stats-column-bookings = Programări
stats-column-attended = Prezentate
stats-column-no-shows = Neprezentate
stats-column-cancelled-by-booker = Anulate de solicitant
stats-column-cancelled-as-duplicates = Anulate ca duplicate
stats-column-cancelled-by-office = Anulate de birou
stats-column-cancelled-fictitious = Anulate: date fictive
stats-column-no-show-share = Neprezentare %
stats-column-people-banned = Persoane interzise
stats-column-opened-at = Deschisă la
stats-column-minutes-to-full = Minute până la ocupare
stats-column-kind = Tipul
stats-column-received = Primite
stats-column-acknowledged-in-time = Confirmate la timp (C02)
stats-column-resolved-in-time-c04 = Soluționate la timp (C04)
stats-column-resolved-late = Soluționate cu întârziere
stats-column-overdue-now = Deschise, cu termen depășit acum
stats-column-escalated = Escaladate (C05)
stats-column-resolved-in-time-share = Soluționate la timp %
stats-column-severity = Gravitatea
stats-column-resolved = Rezolvate
stats-column-resolved-in-time-t02 = Rezolvate la timp (T02)
stats-column-median-hours-to-resolve = Mediana orelor până la rezolvare
stats-column-open-now = Deschise acum
stats-column-document = Documentul
stats-column-placed = Plasate
stats-column-paid = Plătite
stats-column-issued = Emise
stats-column-delivered = Livrate
stats-column-rejected = Respinse
stats-column-expired-unpaid = Expirate neplătite
stats-column-cancelled = Anulate
stats-column-refunds-owed = Rambursări datorate
stats-column-refunds-made = Rambursări făcute
stats-column-fees-collected = Taxe încasate (lei)
stats-column-hours-to-issue = Ore de la plată la emitere (mediana)
stats-column-issued-on-time = Emise la termen
stats-column-issued-on-time-share = Emise la termen %
stats-column-channel = Canalul
stats-column-queued = Puse în coadă
stats-column-sent = Trimise
stats-column-sent-after-retry = Trimise după o reîncercare
stats-column-skipped = Omise
stats-column-failed = Eșuate
stats-column-waiting = În așteptare
stats-column-failed-share = Eșuate %
