## Az átláthatósági oldal (issue 23): szolgáltatásonként, érdemes-e újra próbálkozni, amikor a következő nap megnyílik.

transparency-title = Átláthatóság: az időpontfoglalások számokban
transparency-description = Az online időpontfoglalások számokban, szolgáltatásonként: a nyitott napok és helyek, a betelés gyorsasága, a meg nem jelenések.
transparency-intro = Az online időpontfoglalások adatai, percenként frissítve; egyik adat sem vonatkozik személyre.
transparency-open-days = Foglalásra most nyitott napok
transparency-days-with-seats = Napok szabad helyekkel
# A napok szerinti táblázat oszlopának fejléce is.
transparency-free-seats = Szabad online helyek
transparency-next-day = A következő megnyíló nap
# $day: a nap; $opening: a megnyitás dátuma és időpontja.
transparency-next-day-opening = { $day }, megnyílik: { $opening }
transparency-recent-days = Az elmúlt két hétben megnyitott napok
# $days: a megnyitott napok; $filled: közülük hány telt be teljesen.
transparency-recent-filled = { $days }, ebből teljesen betelt: { $filled }
transparency-fill-time = Mennyi idő alatt teltek be (medián)
transparency-no-shows = Meg nem jelenések az elmúlt 30 napban
transparency-by-day = Szabad helyek naponként
transparency-day = Nap
# Időtartam: egy óra alatt percben, aztán órában, aztán napban (egy tizedesjeggyel).
transparency-minutes = { $minutes } perc
transparency-hours = { $hours } óra
transparency-days = { $days } nap
# Százalék: egész vagy egy tizedesjeggyel.
transparency-percent = { $percent }%
