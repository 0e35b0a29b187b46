## A hivatal számai (/staff/stats): az oldal, minden kimutatás címe és jelentése, táblázatának és CSV-jének oszlopai.

# Az oldal saját szövegei (utánuk a kimutatások fejlécei).
stats-figures = Számok
stats-download-csv = CSV letöltése
# Olyan grafikon alatt, amely csak az első sorokat rajzolja ki: hány sor maradt ki.
stats-chart-left-out = A grafikon csak az első sorokat mutatja; a táblázat mindet tartalmazza (+{ $count }).
stats-nothing = Ebben az időszakban nincs adat.
# Egy szám a kimutatás táblázatában, a nyelv szerint írva (csoportosítás, tizedesjel).
stats-number = { $value }

# Kimutatások: a cím, és mit jelent a kimutatás (egy bekezdés a cím alatt).
stats-bookings-title = Foglalások naponta és szolgáltatásonként
stats-bookings-about = A nem törölt online foglalások az online helyekhez képest (a kapacitás fele, R01), és az ablaknál kiadott sorszámok a foglalás nélküli helyekhez képest.
stats-outcomes-title = Mi lett a foglalásokkal
stats-outcomes-about = Az időszakba eső időpontú foglalások kimenetel szerint: megjelent, nem jelent meg (R12), a foglaló törölte (R14), ismétlődésként törölve (R06, R07), a hivatal törölte (lezárás, elutasított áthelyezés, R18) vagy valótlan adatok miatt törölve; az időszakban kitiltott személyek (R12, R13).
stats-fill-speed-title = Milyen gyorsan teltek be a napok
stats-fill-speed-about = Percek attól, hogy egy nap megnyílt az online foglalásra, addig a foglalásig, amely az utolsó online helyét elfoglalta (a később törölt foglalások is számítanak); üres: a nap nem telt be.
stats-complaints-title = Panaszok: betartott határidők
stats-complaints-about = Az időszakban beérkezett panaszok típus szerint, az első válasz alapján megítélve: a C02 határidején belül visszaigazolva (7 munkanap), a C04 határidején belül (30 munkanap, amelyet új határidő nem tol ki) vagy azután megoldva, a most nyitott, lejárt határidejűek (ahogy a munkalista mutatja), a továbbítottak (C05), és az időben megoldottak aránya a megoldottak vagy a C04 határidején túliak közül.
stats-tickets-title = Műszaki problémák: a megoldás ideje
stats-tickets-about = Az időszakban beérkezett műszaki problémák súlyosság szerint: a megoldottak (az első megoldás), a T02 idején belül megoldottak (kritikus 24 óra, magas 48 óra, normál vagy alacsony 72 óra), a beérkezéstől a megoldásig eltelt órák mediánja és a most megoldatlanok.
stats-orders-title = Elektronikus dokumentumok rendelései
stats-orders-about = Az időszakban leadott rendelések dokumentumtípusonként, aszerint, hová jutottak: fizetve, kiállítva (a kézbesítettekkel együtt), kézbesítve, elutasítva, fizetés nélkül lejárt, törölve; az esedékes és a teljesített visszatérítések; a kifizetett rendelések díjai (a visszatérítések levonása nélkül); a fizetéstől az első kiállításig eltelt órák mediánja; a hatályos D04 határidő előtt kiállítottak (a fizetéskor megállapított vagy, újranyitás után, az új határidő).
stats-messages-title = Elküldött üzenetek
stats-messages-about = Az időszakban sorba állított üzenetek csatornánként: elküldve (ebből legalább egy sikertelen próbálkozás után), kihagyva (már nem volt rájuk szükség, amikor sorra kerültek), véglegesen sikertelen, még várakozik; a sikertelenek aránya a lezárult sorsúak közül.

# Oszlopfejlécek a táblázatban és a CSV-ben.
stats-column-day = Nap
stats-column-service = Szolgáltatás
stats-column-online-bookings = Online foglalások
stats-column-online-seats = Online helyek
stats-column-online-utilisation = Online kihasználtság %
stats-column-walk-in-tickets = Sorszámok az ablaknál
stats-column-walk-in-seats = Helyek az ablaknál
stats-column-walk-in-utilisation = Kihasználtság az ablaknál %
stats-column-bookings = Foglalások
stats-column-attended = Megjelentek
stats-column-no-shows = Nem jelentek meg
stats-column-cancelled-by-booker = A foglaló törölte
stats-column-cancelled-as-duplicates = Ismétlődésként törölve
stats-column-cancelled-by-office = A hivatal törölte
stats-column-cancelled-fictitious = Törölve: valótlan adatok
stats-column-no-show-share = Meg nem jelenés %
stats-column-people-banned = Kitiltott személyek
stats-column-opened-at = Megnyílt
stats-column-minutes-to-full = Percek a betelésig
stats-column-kind = Típus
stats-column-received = Beérkezett
stats-column-acknowledged-in-time = Időben visszaigazolva (C02)
stats-column-resolved-in-time-c04 = Időben megoldva (C04)
stats-column-resolved-late = Késve megoldva
stats-column-overdue-now = Nyitott, most lejárt határidővel
stats-column-escalated = Továbbítva (C05)
stats-column-resolved-in-time-share = Időben megoldva %
stats-column-severity = Súlyosság
stats-column-resolved = Megoldva
stats-column-resolved-in-time-t02 = Időben megoldva (T02)
stats-column-median-hours-to-resolve = Órák a megoldásig (medián)
stats-column-open-now = Most nyitott
stats-column-document = Dokumentum
stats-column-placed = Leadva
stats-column-paid = Fizetve
stats-column-issued = Kiállítva
stats-column-delivered = Kézbesítve
stats-column-rejected = Elutasítva
stats-column-expired-unpaid = Fizetés nélkül lejárt
stats-column-cancelled = Törölve
stats-column-refunds-owed = Esedékes visszatérítések
stats-column-refunds-made = Teljesített visszatérítések
stats-column-fees-collected = Befolyt díjak (lej)
stats-column-hours-to-issue = Órák a fizetéstől a kiállításig (medián)
stats-column-issued-on-time = Határidőre kiállítva
stats-column-issued-on-time-share = Határidőre kiállítva %
stats-column-channel = Csatorna
stats-column-queued = Sorba állítva
stats-column-sent = Elküldve
stats-column-sent-after-retry = Elküldve újrapróbálás után
stats-column-skipped = Kihagyva
stats-column-failed = Sikertelen
stats-column-waiting = Még várakozik
stats-column-failed-share = Sikertelen %
