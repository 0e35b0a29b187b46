## Időpontfoglalás: a napválasztó, egy nap időpontjai, a foglalási űrlap és a visszaigazolás.

# A napválasztó: egy nap szabad online helyei (számnév után a főnév egyes számban marad).
booking-seats-free = { $count } szabad hely
# Egy időpont a nap oldalán: szabad online helyei.
booking-slot-seats = { $count } hely

## A napválasztó (egy szolgáltatás egy hónapja).

booking-locations-title = { $service } — válasszon helyszínt
booking-locations-description = A helyszínek, ahol erre a szolgáltatásra lehet időpontot foglalni: { $service }.
booking-next-free-day = Az első nap szabad hellyel: { $day }
booking-no-free-day = A most foglalható napokon nincs szabad hely
booking-month-title = { $service } — válasszon napot
booking-month-description = { $service }: a szabad online helyekkel rendelkező napok.
booking-choose-another-service = Másik szolgáltatás választása
# Az előző/következő hónap hivatkozásainak címkéje.
booking-months-label = Hónapok
booking-previous-month = Előző hónap
booking-next-month = Következő hónap
# Nap, amelyen nincs több szabad online hely.
booking-day-full = Betelt
# Miért nem lehet foglalni egy napra; $name az ünnepnap vagy a zárva tartás neve, ahogy az intézmény megadja.
booking-closed-weekend = Hétvége: az intézmény zárva tart.
booking-closed-holiday = Munkaszüneti nap: { $name }
booking-closed-closure = Zárva: { $name }
booking-closed-no-hours = Ezen a napon nincs ügyfélfogadás.

## Egy nap időpontjai és a foglalási űrlap.

# $day: "november 25., szerda"; $year: "2026" (az év áll elöl).
booking-day-title = { $service } — { $year }. { $day }
booking-day-description = { $service }, { $day }: a szabad időpontok és a foglalási űrlap.
booking-choose-another-day = Másik nap választása
booking-day-no-seats = Erre a napra nincs több szabad online hely.
booking-choose-time = Válasszon időpontot
booking-altcha-needs-javascript = A robotok elleni ellenőrzéshez JavaScript szükséges; enélkül a foglalást nem fogadjuk el.
booking-form-name-label = Teljes név, pontosan úgy, ahogy a személyazonosító igazolványban szerepel
booking-form-phone-label = Telefonszám
booking-form-email-label = E-mail-cím (nem kötelező)
booking-form-vin-label = Alvázszám (VIN, 17 karakter)
booking-form-holder-label = Okmánytulajdonos (ha más nevében foglal)
booking-form-hint = Személyi számát (CNP) sehol ne adja meg. Ne írjon NAGYBETŰKKEL.
booking-form-consent = Elfogadom az online időpontfoglalás szabályait.
booking-form-submit = Foglalás

## A visszaigazolás.

booking-confirmation-title = Foglalás rögzítve
booking-confirmation-description = Az ügyfélablakhoz szóló foglalását rögzítettük: a foglalási szám és a foglalás adatai.
booking-confirmation-number = Az Ön foglalási száma:
booking-confirmation-keep-number = Kérjük, őrizze meg ezt a számot: SMS-ben/e-mailben is megkapja, és az ügyfélablaknál szüksége lesz rá.
booking-confirmation-calendar = Hozzáadás a naptárhoz (.ics)
booking-confirmation-check = A foglalás ellenőrzése
# Ismételt beküldés: a foglalás már az első alkalommal megtörtént.
booking-confirmation-already-made = Ez a foglalás már megtörtént; a számát SMS-ben/e-mailben elküldtük Önnek.

## Egy foglalás adatai (visszaigazolás, állapot, lemondási és áthelyezési hivatkozás; az állapotoldal szkriptje is).

booking-row-service = Szolgáltatás
booking-row-location = Helyszín
booking-row-bring = Mit hozzon magával
booking-row-date-time = Dátum és időpont
booking-row-date = Dátum
booking-row-time = Időpont
booking-row-original-time = Eredeti időpont
booking-row-name = Név
booking-row-phone = Telefonszám
booking-row-email = E-mail
booking-row-vin = Alvázszám (VIN)
booking-row-holder = Okmánytulajdonos
booking-row-state = Állapot
booking-state-active = Aktív
booking-state-cancelled = Törölve
booking-state-cancelled-duplicate-vin = Törölve: ugyanazt az alvázszámot többször adták meg
booking-state-cancelled-duplicate-holder = Törölve: ugyanazt az okmánytulajdonost többször adták meg
booking-state-cancelled-by-booker = A foglaló lemondta
booking-state-cancelled-superseded = Törölve: új foglalás váltotta fel (mentesség)
booking-state-cancelled-by-office = Az intézmény törölte
booking-state-cancelled-relocation-declined = Törölve: az új időpontot elutasították
booking-state-attended = Megjelent
booking-state-no-show = Nem jelent meg
booking-status-title = A foglalás állapota

## A lemondási hivatkozás.

booking-cancel-title = Lemondja a foglalást?
booking-cancel-description = Ügyfélablakhoz szóló foglalás lemondása.
booking-cancel-final = A lemondás végleges: a foglalás nem állítható vissza, csak új foglalás tehető.
booking-cancel-confirm = Megerősítem a lemondást
booking-cancelled-title = Foglalás lemondva
booking-cancelled-text = A foglalás lemondása megtörtént. A hely felszabadult.

## Az áthelyezési hivatkozás: az intézmény lezárta a foglalás idősávját, és áthelyezte.

booking-relocation-title = Az időpont módosult
booking-relocation-description = Foglalásának új időpontja: erősítse meg, vagy utasítsa el.
booking-relocation-text = Az intézménynek le kellett zárnia a foglalt idősávot. Ez az új időpont.
booking-relocation-confirm = Megerősítem az új időpontot
booking-relocation-decline = Elutasítom (a foglalás törlődik)
booking-relocation-confirmed-title = Időpont megerősítve
booking-relocation-confirmed-text = Várjuk Önt az új időpontban.
