## Ügyintézői felület (/staff): a keret, a menü és minden ügyintézői oldal.

# A keret minden ügyintézői oldal körül.
staff-meta-description = A ghiseu ügyintézői felülete: időpontfoglalások, panaszok, elektronikus dokumentumok rendelései és a hivatal számai, a személyzet részére.
# A márkanév a fejlécben: „ghiseu · ügyintézés”.
staff-brand = ügyintézés
staff-skip-to-content = Ugrás a tartalomhoz
# A menü akadálymentes neve.
staff-nav-label = Részek
staff-log-out = Kijelentkezés

# A menü; ugyanezek a szövegek adják az oldalak címét.
staff-nav-counter = Ma az ablaknál
staff-nav-complaints = Panaszok
staff-nav-orders = Elektronikus dokumentumok rendelései
staff-nav-closures = Lezárások és áthelyezések
staff-nav-setup = Helyszínek és szolgáltatások
staff-nav-exemptions = Mentességek
staff-nav-messages = Sikertelen üzenetek
staff-nav-audit = Ellenőrzési napló
staff-nav-stats = A hivatal számai
staff-nav-accounts = Fiókok
staff-nav-access = Hozzáférési kérelmek

# Amit a művelet utáni oldal jelez.
staff-done-no-show = Meg nem jelentként megjelölve.
staff-done-fictitious = Valótlan adatként megjelölve; a személy foglalásait töröltük.
staff-done-step = Lépés rögzítve.
staff-done-exemption = Mentesség megadva.
staff-done-revoked = Mentesség visszavonva.
staff-done-retried = Az üzenetet újra elküldjük.
staff-done-issued = Dokumentum kiállítva; a kézbesítő e-mail sorban áll.
staff-done-refunded = Visszatérítés megtörtént.
staff-done-account-created = Fiók létrehozva.
staff-done-account-changed = Fiók módosítva.
staff-done-password-reset = Jelszó módosítva.
staff-done-setup-saved = A beállítások mentve.
staff-done-setup-moved = A beállítások mentve; az új nyitvatartáson kívül eső foglalásokat áthelyeztük, és értesítettük a foglalókat.

# Több oldalon közös szavak: mezők, oszlopfejlécek, hivatkozások.
staff-field-day = Nap
staff-field-location = Helyszín
staff-field-from = Ettől
staff-field-until = Eddig
staff-field-phone = Telefon
staff-field-email = E-mail
staff-field-reason = Indok
staff-column-service = Szolgáltatás
staff-column-name = Név
staff-column-to = Ide
staff-column-state = Állapot
staff-column-kind = Típus
staff-column-level = Szint
staff-column-flags = Jelzések
staff-column-when = Mikor
staff-column-what = Mi
staff-column-who = Ki
staff-column-text = Szöveg
staff-show = Megjelenítés
staff-back = Vissza
staff-back-to-queue = Vissza a listához
staff-cancel = Mégsem
staff-steps = Lépések
staff-send-update = Tájékoztatás elküldése
staff-filters = Szűrők

# Elutasított művelet, külön oldalon.
staff-error-title = A művelet nem történt meg

# A bejelentkezési oldal.
staff-login-title = Bejelentkezés a személyzet részére
staff-login-password = Jelszó
staff-login-submit = Bejelentkezés

# Ma az ablaknál.
staff-counter-title = Az ablaknál
staff-counter-check-in-heading = Megjelenés az ablaknál
staff-counter-reservation-number = Foglalási szám
staff-counter-proof = Alvázszám (VIN) vagy okmánytulajdonos
staff-counter-check-in = Megjelenés rögzítése
staff-counter-closed = Ezen a napon zárva.
staff-counter-time = Időpont
staff-counter-online = Online
staff-counter-walk-in = Foglalás nélkül
staff-counter-expected = Várt ügyfelek
# A sorszámot nyomtató gomb, és a sorszám akadálymentes neve.
staff-counter-ticket = Sorszám
staff-counter-move-unconfirmed = áthelyezés nincs visszaigazolva
staff-counter-no-show = Nem jelent meg
staff-counter-fictitious = Valótlan adatok
staff-ticket-title = Sorszám
staff-ticket-back = Vissza az ablakhoz
# A megerősítés a meg nem jelenés rögzítése előtt; elöl a foglalás neve és időpontja.
staff-no-show-title = Nem jelent meg?
staff-no-show-question = A foglalást meg nem jelentként jelöljük, és a telefonszámmal és az e-mail-címmel 30 napig nem lehet online időpontot foglalni.
staff-no-show-button = Megjelölés: nem jelent meg
# A megerősítés a valótlan adatok rögzítése előtt.
staff-fictitious-title = Valótlan adatok?
staff-fictitious-question = A foglalást valótlan adatként jelöljük: a személy minden aktív foglalását töröljük, és a telefonszámmal és az e-mail-címmel 180 napig nem lehet online időpontot foglalni.
staff-fictitious-button = Megjelölés: valótlan adatok

# Panaszok.
staff-complaints-filter-open = Nyitott
staff-complaints-filter-due-soon = Közeli határidő
staff-complaints-filter-overdue = Lejárt határidő
staff-complaints-filter-escalated = Továbbított
staff-complaints-filter-all = Mind
staff-complaints-none = Nincs panasz.
staff-complaints-next-deadline = Következő határidő
staff-complaint-title = { $id }. számú panasz
staff-complaint-received = Beérkezett
staff-complaint-acknowledge-by = Visszaigazolás határideje
staff-complaint-progress-by = Tájékoztatás határideje
staff-complaint-resolve-by = Megoldás határideje
staff-complaint-description = Leírás
staff-complaint-solution-idea = Javasolt megoldás
staff-complaint-order = Elektronikus dokumentum rendelése
staff-complaint-events = Előzmények
staff-complaint-acknowledge = Beérkezés visszaigazolása
staff-complaint-progress-label = Tájékoztatás a panaszos részére
staff-complaint-new-deadline = Új határidő
staff-complaint-explanation = Indoklás
staff-complaint-set-timeline = Új határidő megállapítása
staff-complaint-decision = A döntés, írásban megindokolva
staff-complaint-resolve = Megoldás
staff-complaint-exemption-heading = Mentesség (R16)
staff-complaint-grant-exemption = Mentesség megadása

# Elektronikus dokumentumok rendelései.
staff-orders-placed = Leadva
staff-orders-overdue = késésben
staff-orders-none = Nincs rendelés.
staff-order-title = { $id }. számú rendelés
staff-order-document = Dokumentum
staff-order-due = Határidő
staff-order-taken-by = Ügyintéző
staff-order-requester = Kérelmező
staff-order-fee = Díj
staff-order-paid = Fizetve
staff-order-refund = Visszatérítés
staff-order-issued-document = Kiállított dokumentum
# A kiállított PDF: neve, mérete bájtban és ellenőrzőösszege.
staff-order-issued-file = { $file } · { $bytes } B · SHA-256 { $sha256 }
staff-order-history = Előzmények
staff-order-take = Rendelés átvétele
staff-order-progress-label = Tájékoztatás a kérelmező részére
staff-order-question-label = Milyen adatok hiányoznak
staff-order-ask = Adatok kérése
staff-order-document-label = A kiállított dokumentum (PDF, legfeljebb 10 MiB)
staff-order-issue = Kiállítás és kézbesítés
staff-order-reject-label = Az elutasítás indoka (a kérelmező megkapja; a díjat visszatérítjük)
staff-order-reject = Elutasítás
staff-order-refund-now = Visszatérítés most

# Lezárások és áthelyezések.
staff-closures-close-heading = Időszak lezárása
staff-closures-preview = Előnézet
staff-closures-unconfirmed-heading = Vissza nem igazolt áthelyezések
staff-closures-none = Nincs.
staff-closures-notified = Értesítve
staff-closures-confirm-title = Lezárja az időszakot?
# A szolgáltatás, a nap és az időszak után.
staff-closures-confirm-question = { $count } foglalást a legközelebbi szabad időpontra helyezünk át, és a foglalókat értesítjük.
staff-closures-confirm-button = Időszak lezárása
staff-closures-done-title = Időszak lezárva
staff-closures-cancelled-no-seat = törölve: nincs szabad hely

# Mentességek.
staff-exemptions-none = Nincs mentesség.
staff-exemptions-vin-holder = Alvázszám / okmánytulajdonos
staff-exemptions-granted-by = Megadta
staff-exemptions-revoke = Visszavonás

# Sikertelen üzenetek.
staff-messages-none = Nincs sikertelen üzenet.
staff-messages-channel = Csatorna
staff-messages-attempts = Próbálkozások
staff-messages-last-error = Utolsó hiba
staff-messages-retry = Újraküldés

# Ellenőrzési napló.
staff-audit-subject = Tárgy
staff-audit-staff = Munkatárs
staff-audit-search = Keresés
staff-audit-none = Nincs bejegyzés.
staff-audit-action = Művelet
staff-audit-change = Változás
staff-audit-detail = Részletek

# Személyzeti fiókok.
# Egy személyzeti fiók szerepköre: a neve mellett a fejlécben és a fiókok oldalán.
staff-role-counter = ablak
staff-role-complaints = panaszok
staff-role-orders = rendelések
staff-role-supervisor = felügyelő
staff-accounts-account = Fiók
staff-accounts-role = Szerepkör
staff-accounts-actions = Műveletek
staff-accounts-disabled = letiltva
staff-accounts-active = aktív
staff-accounts-enable = Engedélyezés
staff-accounts-disable = Letiltás
staff-accounts-new-password = Új jelszó
staff-accounts-reset-password = Jelszó módosítása
staff-accounts-every-location = Minden helyszín
staff-accounts-set-location = Helyszín módosítása
staff-accounts-new = Új fiók
staff-accounts-name = Fióknév
staff-accounts-first-password = Kezdő jelszó (legalább 12 karakter)
staff-accounts-create = Fiók létrehozása

# Hozzáférési kérelmek (GDPR 15. cikk).
staff-access-intro = Az export mindent tartalmaz, amit a hivatal erről a telefonszámról és/vagy e-mail-címről őriz: foglalásokat, panaszokat, rendeléseket, üzeneteket és tiltásokat. A kérelmet rögzítjük az ellenőrzési naplóban (az elérhetőségek nélkül).
# Utána a négy megőrzési idő következik, egy bekezdésben.
staff-access-retention = A személyes adatokat automatikusan töröljük:
staff-access-retention-bookings = a foglalásokat az időpont után { $count } nappal;
staff-access-retention-complaints = a panaszokat a megoldás után { $count } nappal;
staff-access-retention-orders = a rendeléseket a lezárás után { $count } nappal;
staff-access-retention-messages = az üzenetek címzettjeit a küldés után { $count } nappal.
staff-access-download = Az export letöltése (JSON)

## The office's setup (issue 24): locations, services, weekly hours, special days.

staff-setup-version = { $version }. változat
staff-setup-history = A módosítások története
staff-setup-locations = Helyszínek
staff-setup-services = Szolgáltatások
staff-setup-name = Név
staff-setup-address = Cím
staff-setup-counters = Ügyfélablakok
staff-setup-counters-hint = Az egyes szolgáltatások ügyfélablakainak száma ezen a helyszínen; a 0 azt jelenti, hogy a szolgáltatást itt nem nyújtják. A fele (vagy a szolgáltatás aránya) online foglalható.
staff-setup-new-location = Új helyszín
staff-setup-new-service = Új szolgáltatás
staff-setup-code = Kód
staff-setup-code-hint = Kisbetűk, számjegyek és kötőjel; ha már vannak foglalások, nem változik.
staff-setup-name-ro = Név románul
staff-setup-name-en = Név angolul
staff-setup-name-hu = Név magyarul
staff-setup-add-location = Helyszín hozzáadása
staff-setup-add-service = Szolgáltatás hozzáadása
staff-setup-proof = Kért igazolás
staff-setup-proof-holder = Az okmánytulajdonos (útlevél, jogosítvány)
staff-setup-proof-vin = Az alvázszám (VIN)
staff-setup-proof-none = Nincs igazolás
staff-setup-slot-minutes = Egy időpont hossza (perc)
staff-setup-slot-hint = A már lefoglalt időpontok megtartják kezdésüket és hosszukat.
staff-setup-online-percent = Online arány (%)
staff-setup-retired = Megszüntetve
staff-setup-retire = A szolgáltatásra nem lehet új időpontot foglalni (a meglévők megmaradnak)
staff-setup-bring-ro = Mit hozzon magával (románul)
staff-setup-bring-en = Mit hozzon magával (angolul)
staff-setup-bring-hu = Mit hozzon magával (magyarul)
staff-setup-bring-hint = Soronként egy irat; az angol és a magyar sorok sorrendben a román soroknak felelnek meg.
staff-setup-location-title = Helyszín: { $name }
staff-setup-service-title = Szolgáltatás: { $name }
staff-setup-location-details = Elérhetőségek
staff-setup-directions-ro = Megközelítés (románul)
staff-setup-directions-en = Megközelítés (angolul)
staff-setup-directions-hu = Megközelítés (magyarul)
staff-setup-email = E-mail
staff-setup-week = Heti nyitvatartás
staff-setup-week-hint = Naponként a nyitvatartási sávok, például 08:30-12:00, 13:00-16:30; az üres nap zárva van.
staff-setup-hours-from = Érvényes ettől a naptól
staff-setup-upcoming = Később induló nyitvatartások:
staff-setup-own-hours = Saját nyitvatartás: { $service }
staff-setup-own-hours-hint = A helyszínétől eltérő nyitvatartású szolgáltatás napjai és sávjai, például mon 08:30-12:00; fri 08:30-11:00 (a kimaradt nap számára zárva van); üresen: a helyszín nyitvatartása.
staff-setup-hours = Órák
staff-setup-save = Mentés
staff-setup-special-days = Különleges napok
staff-setup-no-special-days = Nincs különleges nap.
staff-setup-new-special-day = Új különleges nap
staff-setup-special-hint = A nap nyitvatartása (például egy nyitott szombat); üresen hagyva a helyszín aznap zárva van.
staff-setup-add-special-day = Nap hozzáadása
staff-setup-closed = Zárva
staff-setup-remove = Törlés
staff-setup-preview-title = Az új nyitvatartáson kívül eső foglalások
staff-setup-preview-question = { PLURAL($count) ->
    [one] Egy foglalás az új nyitvatartáson kívül maradna.
   *[other] { $count } foglalás az új nyitvatartáson kívül maradna.
}
staff-setup-preview-move = Mentés és a foglalások áthelyezése (a foglalók megerősítő linket kapnak)
staff-setup-preview-later = Az új nyitvatartás a legutolsó foglalás után kezdődjön

## Issue 22: the counter floor (the clerk's window, receipts, walk-in tickets)
staff-nav-floor = Az ablakom
staff-floor-title = Az ablakom
staff-floor-at-window = { $window }. ablak
staff-floor-sit-heading = Válassza ki az ablakot
staff-floor-window = Az ablak száma
staff-floor-services = A behívott szolgáltatások
staff-floor-sit = Ablak elfoglalása
staff-floor-paused = szünetel
staff-floor-current = Most behívva:
staff-floor-served = Kiszolgálva
staff-floor-recall = Újbóli behívás
staff-floor-absent = Nem jelent meg
staff-floor-transfer-to = Átirányítás ide:
staff-floor-transfer = Átirányítás
staff-floor-nobody = Senki sincs behívva.
staff-floor-call-next = Következő behívása
staff-floor-pause = Szünet
staff-floor-resume = Munka folytatása
staff-floor-leave = Ablak elhagyása
staff-floor-keys = Billentyűk: N következő, R újbóli behívás, S kiszolgálva, A nem jelent meg.
staff-floor-queue-heading = Várakozók
staff-floor-queue-empty = Senki sem várakozik.
staff-floor-code = Sorszám
staff-floor-due = Időpont
staff-floor-arrived = Érkezett
staff-floor-today-heading = Mai várakozások (perc)
staff-floor-col-service = Szolgáltatás
staff-floor-col-waiting = Várakozik
staff-floor-col-served = Kiszolgálva
staff-floor-col-absent = Nem jelent meg
staff-floor-col-median-wait = Medián várakozás
staff-floor-col-longest-wait = Leghosszabb várakozás
staff-floor-col-median-service = Medián ügyintézési idő
staff-floor-display-link = A váróterem kijelzője
staff-done-seated = Ön az ablaknál van.
staff-done-called = A következő ügyfelet behívták.
staff-done-recalled = Az ügyfelet újra behívták.
staff-done-served = Kiszolgáltként jelölve.
staff-done-absent = Meg nem jelentként jelölve.
staff-done-transferred = Az ügyfél most a másik szolgáltatásra vár.
staff-done-paused = Az ablak szünetel.
staff-done-resumed = Az ablak újra behív.
staff-done-left = Elhagyta az ablakot.
staff-counter-notify = Üzenet, amikor közeledik a sorra kerülés (a foglalás telefonszámára)
staff-counter-walk-in-heading = Sorszám időpont nélkül
staff-counter-walk-in-phone = Telefonszám a „hamarosan Ön következik” üzenethez (nem kötelező)
staff-counter-walk-in-email = E-mail ugyanahhoz az üzenethez (nem kötelező)
staff-counter-walk-in-lang = Az üzenet nyelve
staff-counter-next-ticket = Sorszám az első szabad idősávra
staff-receipt-title = Megjelenési igazolás
staff-ticket-follow = Kövesse a sorát:
staff-ticket-qr = QR-kód a sorszámához
