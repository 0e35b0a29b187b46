### Hibák: amit egy elutasított kérés kap, hibakódonként egy üzenet (`error-{code}`,
### a kód úgy, ahogy az API adja). A JSON-válaszokban (`message`), az elutasított
### űrlapokon a hibás mező mellett és a hibaoldalakon jelenik meg.

## Bármely kérés

error-malformed_body = A kérés tartalma nem olvasható.
error-unsupported_media_type = Kérjük, application/json formátumot vagy HTML-űrlapot küldjön.
error-payload_too_large = A kérés túl nagy.
error-method_not_allowed = Ez a metódus itt nem engedélyezett.
error-not_found = Nincs találat.
# Túl sok kérés egy ügyféltől: $count a várakozás másodpercben (Retry-After).
error-rate_limited = Túl sok kérés; kérjük, próbálja újra { $count } másodperc múlva.
error-busy = Egyszerre túl sok kérés érkezett; kérjük, próbálja újra néhány pillanat múlva.
error-internal = Hiba történt a rendszerünkben; kérjük, próbálja újra.
# Az üzemeltető által megadott beállítás nem használható (a mező megnevezi).
error-config_invalid = A szolgáltatás nincs megfelelően beállítva; kérjük, próbálja újra később.
# Az intézmény beállításai nem használhatók (a mező megnevezi, melyik).
error-office_config_invalid = A szolgáltatás nincs megfelelően beállítva; kérjük, próbálja újra később.
error-unknown_field = Ez a mező nem tartozik ehhez a kéréshez.
error-required = Ez a mező kötelező.
error-too_long = Ez a mező túl hosszú.
# Tömbként vagy objektumként küldött JSON-mező.
error-invalid_type = Kérjük, ezt a mezőt szövegként adja meg.
error-invalid_choice = Kérjük, válasszon a felkínált értékek közül.
error-invalid_date = Kérjük, a dátumot ÉÉÉÉ-HH-NN formában adja meg.
error-invalid_time = Kérjük, az időt ÓÓ:PP formában, az intézmény helyi ideje szerint adja meg.
error-invalid_month = Kérjük, a hónapot ÉÉÉÉ-HH formában adja meg.
# Kezdő–záró tartomány: a szabad időpontok napjai, a statisztika időszaka, egy lezárt idősáv ideje.
error-invalid_range = Az időszaknak a kezdete után kell végződnie, és nem lehet hosszabb a megengedettnél.
# A foglalás vagy a megrendelés elfogadó jelölőnégyzete.
error-consent_required = A folytatáshoz kérjük, fogadja el a feltételeket.
error-invalid_idempotency_key = Az Idempotency-Key fejléc 1–200 látható ASCII-karakterből állhat.
error-idempotency_key_reused = Ezt az Idempotency-Key kulcsot már egy másik kéréshez használták.
error-cnp_forbidden = Kérjük, ezen az oldalon sehol ne adja meg személyi számát (CNP).
error-csrf_invalid = Az űrlap lejárt; kérjük, töltse be újra az oldalt, és próbálja újra.

## A robotszűrő ellenőrzés (amelyet az űrlap elvégez)

error-invalid_purpose = Ellenőrzést foglaláshoz, panaszhoz vagy megrendeléshez kérhet.
error-challenge_required = Kérjük, várja meg a robotszűrő ellenőrzés végét, majd küldje el újra.
error-challenge_invalid = A robotszűrő ellenőrzés sikertelen; az oldal új ellenőrzést végez.
error-challenge_expired = A robotszűrő ellenőrzés lejárt; az oldal új ellenőrzést végez.
error-challenge_used = Ezt a robotszűrő ellenőrzést már felhasználták; az oldal új ellenőrzést végez.

## A foglaló adatai

error-invalid_vin = Az alvázszám (VIN) 17 karakterből áll: számjegyek és betűk, az I, O és Q kivételével.
error-invalid_plate = Kérjük, a rendszámot a forgalmi engedélyben szereplő módon adja meg, pl. MS 12 ABC.
error-invalid_phone = Kérjük, valós telefonszámot adjon meg, pl. 0722 123 456 vagy +40 722 123 456.
error-invalid_email = Kérjük, érvényes e-mail-címet adjon meg.
error-invalid_name = Kérjük, a nevet pontosan a személyazonosító igazolványában szereplő módon adja meg: betűk, szóközök, kötőjelek.

## Időpontfoglalás

error-unknown_service = Kérjük, válasszon az intézmény szolgáltatásai közül.
# Alvázszám olyan szolgáltatásnál, amely személyt kér, vagy fordítva.
error-field_not_for_service = Ehhez a szolgáltatáshoz ez a mező nem szükséges.
error-unknown_location = Kérjük, válasszon az intézmény helyszínei közül.
error-location_required = Ezt a szolgáltatást több helyszínen is nyújtják: kérjük, válasszon helyszínt.
error-service_not_at_location = Ezt a szolgáltatást ezen a helyszínen nem nyújtják.
error-service_retired = Erre a szolgáltatásra már nem lehet időpontot foglalni.
error-other_location = Ez a foglalás egy másik helyszínre szól.
error-invalid_setup = A beállítások megjelölt része nem használható: hiányzó vagy ismétlődő kód, egymásba érő nyitvatartás, ismeretlen szolgáltatás vagy határon kívüli érték.
error-setup_changed_meanwhile = Időközben valaki más módosította a beállításokat: töltse be újra az oldalt, és végezze el újra a módosítást.
error-invalid_number = Kérjük, egész számot írjon.
error-invalid_hours = A sávokat így írja: 08:30-12:00, vesszővel elválasztva; mindegyik a nyitás után zár.
error-invalid_proof = Kérjük, válasszon a felsorolt igazolások közül.
error-invalid_version = Az űrlap már nem felel meg a beállításoknak: töltse be újra az oldalt.
error-bookings_outside_hours = A módosítás foglalásokat hagyna a nyitvatartáson kívül: helyezze át őket (move_bookings), vagy az új nyitvatartás a legutolsó után kezdődjön.
error-service_has_bookings = A szolgáltatásra ezen a helyszínen foglalások vannak: szüntesse meg, vagy hagyja meg, amíg az utolsó el nem telik.
# Egy foglalás időpontja, vagy az ablaknál kiadott sorszám idősávja.
error-invalid_slot = Kérjük, válasszon a felkínált időpontok közül.
error-slot_in_past = Ez az időpont már elmúlt.
error-slot_too_far = Erre a napra még nem lehet online időpontot foglalni.
error-day_closed = Ezen a napon az intézmény zárva tart.
error-date_out_of_range = Online időpontfoglalás csak a mai naptól az utolsó foglalható napig lehetséges.
error-slot_full = Ebben az idősávban nincs több online hely; kérjük, válasszon másik időpontot.
error-slot_closed = Az intézmény lezárta ezt az idősávot; kérjük, válasszon másik időpontot.
# A telefonszámmal vagy e-mail-címmel egy ideig nem lehet online foglalni: $until a korlátozás utolsó napja, betűvel írt dátumként.
error-contact_banned = Erről az elérhetőségről jelenleg nem lehet online időpontot foglalni; a korlátozás vége: { $until }
error-invalid_reservation_number = Ez nem foglalási szám.
# Válasz egy áthelyezett foglalás ajánlatára.
error-invalid_action = Kérjük, válassza a megerősítést vagy az elutasítást.

## Az ügyfélablak (jelentkezés, sorszámok, meg nem jelenés)

error-number_unknown = Nincs ilyen számú foglalás.
error-phone_mismatch = Ez nem a foglaláskor megadott telefonszám.
error-proof_mismatch = Az alvázszám vagy az okmánytulajdonos neve nem egyezik a foglalással.
error-not_active = Ez a foglalás nem aktív.
error-outside_check_in_window = Jelentkezni a foglalás napján lehet, röviddel az idősáv kezdete előtt és annak végéig.
error-slot_not_over = A meg nem jelenést csak az idősáv vége után lehet rögzíteni.
error-walk_in_full = Ebben az idősávban minden előzetes foglalás nélküli helyre már kiadtak sorszámot.
# A késői lemondás alóli mentesség vagy egy lezárt idősáv indoka.
error-reason_required = Kérjük, adja meg az indoklást, legfeljebb 500 karakterben.
error-exemption_exists = Ehhez az alvázszámhoz vagy személyhez már tartozik fel nem használt mentesség.
error-not_a_booking_proposal = A késői lemondás alóli mentességet csak foglalásra hivatkozó javaslat adhatja meg.

## Panaszok

error-order_unknown = Nincs ilyen számú megrendelés.
error-reservation_number_required = A foglalással kapcsolatos panaszban vagy javaslatban meg kell adni a foglalási számot (elektronikus dokumentum megrendelése esetén a megrendelés számát).
error-reservation_unknown = Ezzel a foglalási számmal nincs foglalás.
error-contact_required = Kérjük, adjon meg telefonszámot vagy e-mail-címet.
error-field_not_for_kind = Súlyosságot és csatornát csak műszaki problémához lehet megadni.
error-date_not_ahead = Az új határidőnek a mai nap utánra kell esnie.
error-already_resolved = Ez a panasz már meg van oldva; csak a panaszos nyithatja meg újra.
error-already_acknowledged = E panasz beérkezését már visszaigazolták.
error-not_acknowledged = Az előrehaladásról szóló tájékoztatás előtt igazolja vissza a panasz beérkezését.
error-invalid_filter = A szűrő értéke open, due_soon, overdue, escalated vagy all lehet.

## Elektronikus dokumentumok megrendelése és fizetés

error-unknown_document = Kérjük, válasszon a felkínált dokumentumok közül.
error-field_not_for_document = Ehhez a dokumentumhoz ez a mező nem szükséges.
error-too_many_unpaid_orders = Ehhez az e-mail-címhez túl sok kifizetetlen megrendelés tartozik; kérjük, előbb fizessen ki vagy vonjon vissza közülük egyet.
error-not_payable = Ez a megrendelés már nem fizethető ki.
error-payment_mismatch = A befizetés összege vagy pénzneme nem egyezik a megrendelés díjával.
error-payment_provider_unavailable = A fizetési szolgáltató nem érhető el; semmilyen összeget nem vontunk le. Kérjük, próbálja újra.
error-order_step_not_allowed = Ez a lépés a megrendelés jelenlegi állapotában nem lehetséges.
error-not_a_pdf = A dokumentumnak PDF-fájlnak kell lennie.
# Egy kiadott dokumentum lejárt letöltési linkje.
error-download_expired = Ez a link lejárt. A megrendelés oldalán újat kérhet.
# A fizetési szolgáltató értesítése (webhook): nincs aláírás.
error-signature_missing = Az értesítést elutasítottuk.
# A fizetési szolgáltató értesítése: nem a mi aláírásunk.
error-signature_invalid = Az értesítést elutasítottuk.
# A fizetési szolgáltató értesítése: túl régen írták alá.
error-signature_stale = Az értesítést elutasítottuk.
# A fizetési szolgáltató értesítése: nem illeszkedő esemény.
error-malformed_event = Az értesítést elutasítottuk.

## Munkatársak: belépés, fiókok és listák

error-unauthorized = Érvényes munkatársi token szükséges.
error-forbidden = Az Ön szerepköre ezt nem engedi meg.
error-login_failed = Hibás felhasználónév vagy jelszó.
error-invalid_account_name = A fióknév 2–40 karakterből állhat: a–z betűk, számjegyek, pontok, kötőjelek vagy aláhúzásjelek.
error-weak_password = A jelszó 12–128 karakter hosszú; néhány egymással össze nem függő szóból jó jelszó lesz.
error-account_exists = Ilyen nevű fiók már létezik.
error-own_account = Saját fiókját nem tilthatja le.
error-invalid_role = A szerepkör counter, complaints, orders vagy supervisor lehet.
# Az állapot, amely szerint a megrendelések vagy a kimenő üzenetek listája szűrhető.
error-invalid_state = Kérjük, a lista által mutatott állapotok egyikét válassza.
# A statisztika időszaka.
error-period_too_long = Kérjük, legfeljebb egyéves időszakot válasszon.
# Sikertelen foglalási, panasz- vagy megrendelési visszaigazolás, amelynek számát a megőrzési szabály már törölte.
error-confirmation_not_resendable = Ez a visszaigazolás nem küldhető el újra: a számát már nem őrizzük. Az ügyfél a beküldéskor látta, és a további üzenetek továbbra is megérkeznek.

## The counter floor (issue 22)
error-no_window = Ön nem ül egyik ablaknál sem; előbb válassza ki az ablakot.
error-window_invalid = Az ablak száma 1 és 99 között lehet.
error-window_taken = Ennél az ablaknál ma egy másik kolléga dolgozik.
error-window_paused = Az ablak szünetel; folytassa a munkát, mielőtt bárkit behív.
error-call_in_progress = Előbb zárja le a mostani behívást (kiszolgálva, nem jelent meg vagy átirányítás).
error-nobody_waiting = Nem várakozik senki, akit most be lehetne hívni.
error-no_current_call = Ehhez az ablakhoz most senki sincs behívva.
error-recall_too_soon = Az ügyfelet épp most hívták be; várjon egy kicsit az újabb behívással.
error-same_service = Az ügyfél már ennek a szolgáltatásnak a sorában áll.
error-service_unknown = Ezt a szolgáltatást ezen a helyszínen nem nyújtják.
error-invalid_window = Adja meg az ablak számát, és ha kell, a helyszínt és a szolgáltatások listáját.
error-invalid_pause = A „paused” értéke igaz vagy hamis lehet.
error-invalid_transfer = Adja meg, melyik szolgáltatáshoz irányítja át az ügyfelet.
