## Pagina de transparență (issue 23): pe servicii, dacă merită încercat din nou când se deschide ziua următoare.

transparency-title = Transparență: programările în cifre
transparency-description = Programările online în cifre, pe servicii: zilele și locurile deschise, cât de repede se ocupă, neprezentările.
transparency-intro = Cifrele programărilor online, actualizate la fiecare minut; nicio cifră nu privește o persoană.
transparency-open-days = Zile deschise acum pentru programare
transparency-days-with-seats = Zile cu locuri libere
# Și capul coloanei din tabelul pe zile.
transparency-free-seats = Locuri online libere
transparency-next-day = Următoarea zi care se deschide
# $day: ziua; $opening: data și ora la care se deschide.
transparency-next-day-opening = { $day }, deschisă la { $opening }
transparency-recent-days = Zilele deschise în ultimele două săptămâni
# $days: zilele deschise; $filled: câte dintre ele s-au ocupat complet.
transparency-recent-filled = { $days }, ocupate complet: { $filled }
transparency-fill-time = Cât a durat ocuparea (mediană)
transparency-no-shows = Neprezentări în ultimele 30 de zile
transparency-by-day = Locurile libere pe zile
transparency-day = Ziua
# O durată: minute sub o oră, apoi ore, apoi zile (cu o zecimală).
transparency-minutes = { $minutes } min
transparency-hours = { $hours } h
transparency-days = { $days } zile
# Un procent: întreg sau cu o zecimală.
transparency-percent = { $percent } %
