## Üzenetek: minden, amit az intézmény küld (e-mailek, SMS-ek, az .ics naptárfájl), az
## ügyfél nyelvén, alatta a román szöveggel, ha az ügyfél nyelve nem a román. A
## kettősponttal végződő sort egy link vagy a munkatársak által írt szöveg követi. A
## dátum pontja a mondatot is lezárja (2026. 12. 15.): utána nem áll még egy pont.

## Egy foglalás üzenetei.

message-greeting = Tisztelt Ügyfelünk!
# A foglaló neve adatként, idézőjelben: soha nem az intézmény saját szavaiként.
message-booked-by = A foglalás a következő névre szól: „{ $name }”
message-confirmation-subject = Időpontfoglalás visszaigazolása
message-confirmation-appointment = Az Ön időpontja: { $service }, { $when } (romániai idő szerint).
message-confirmation-number = Foglalási szám: { $number }
message-confirmation-bring = Az ügyfélablaknál mutassa fel a foglalási számot, a foglaláskor megadott telefonszámot, a személyazonosító igazolványát, valamint az alvázszámot (VIN) vagy az okmánytulajdonos nevét. Az időpont előtti napon e-mailt kap, amely a lemondáshoz szükséges egyetlen linket tartalmazza.
message-confirmation-sms = Időpontfoglalás: { $service }, { $when }. Foglalási szám: { $number }.
message-reminder-subject = Emlékeztető az időpontjáról
message-reminder-appointment = Emlékeztetjük holnapi időpontjára: { $service }, { $when } (romániai idő szerint).
# Utána a lemondás linkje következik.
message-reminder-cancel = Ha nem tud eljönni, itt mondhatja le (a lemondás végleges):
message-reminder-sms = Emlékeztető: { $service }, { $when }. Lemondás: az e-mailben kapott linkkel.
message-relocation-subject = Időpontját áthelyeztük
message-relocation-moved = Az intézménynek le kellett zárnia az Ön időpontjának idősávját. Az Ön időpontját ({ $service }) áthelyeztük: { $when } (romániai idő szerint).
# Utána az új időpont elfogadásának vagy elutasításának linkje következik.
message-relocation-answer = Erősítse meg az új időpontot, vagy utasítsa el (ekkor a foglalás törlődik):
# Utána az új időpont elfogadásának vagy elutasításának linkje következik.
message-relocation-sms = Az Ön időpontját ({ $service }) áthelyeztük: { $when }. Megerősítés:
message-office-cancelled-subject = Az intézmény törölte az időpontját
message-office-cancelled-text = Az intézménynek le kellett zárnia az Ön időpontjának idősávját ({ $service }, { $when }), és nem maradt szabad időpont. A foglalást töröltük; kérjük, foglaljon új időpontot. Elnézést kérünk.
message-office-cancelled-sms = Az Ön időpontját ({ $service }, { $when }) az intézmény törölte; kérjük, foglaljon új időpontot.

## Az időpont helyszíne (a helyszín neve és címe), és amit a szolgáltatáshoz hozni
## kell (a lista soronként következik).

message-place = Helyszín: { $place }.
message-bring-list = Mit hozzon magával:

## Az időpont naptárfájlként (.ics): címe; helye a helyszín neve és címe, leírása a
## visszaigazolás sorait ismétli.

message-ics-summary = Időpont: { $service }

## Egy panasz üzenetei.

message-complaint-ack-subject = Panasz beérkezésének visszaigazolása
message-complaint-ack-received = Megkaptuk panaszát (beérkezés: { $received }). A panasz száma: { $number }
# Utána a panasz állapotának linkje következik.
message-complaint-ack-answer = Legkésőbb eddig válaszolunk: { $resolve_by } A panasz állapota:
message-complaint-ack-sms = Panaszát megkaptuk, száma: { $number }. Válasz legkésőbb: { $resolve_by }
message-complaint-escalated-subject = Panasz magasabb szintre emelve ({ $level }. szint)
message-complaint-escalated-text = Panaszát (beérkezés: { $received }) újranyitottuk, és mostantól { $level }. szinten kezeljük. Legkésőbb eddig válaszolunk: { $resolve_by }
message-complaint-escalated-sms = Panaszát (beérkezés: { $received }) magasabb szintre emeltük ({ $level }. szint); válasz legkésőbb: { $resolve_by }
message-complaint-progress-subject = Panaszának állása
# Utána a munkatársak által írt tájékoztatás következik.
message-complaint-progress-intro = Panaszának (beérkezés: { $received }) állása:
# A második nyelvű részben, ha a munkatársak szövege az első nyelvű részben áll.
message-complaint-progress-above = Panaszának (beérkezés: { $received }) állását fent olvashatja, az intézmény megfogalmazásában.
message-complaint-progress-sms = Panasza (beérkezés: { $received }): állásáról e-mailt küldtünk.
message-complaint-decision-subject = Döntés a panaszáról
# Utána a munkatársak által írt döntés következik.
message-complaint-decision-intro = Döntés a panaszáról (beérkezés: { $received }):
# A második nyelvű részben, ha a döntés az első nyelvű részben áll.
message-complaint-decision-above = A panaszáról (beérkezés: { $received }) hozott döntést fent olvashatja, az intézmény megfogalmazásában.
# Utána a panasz magasabb szintre emelésének linkje következik.
message-complaint-decision-escalate = Ha nem elégedett, a panaszt magasabb szintre viheti:
# Utána a panasz magasabb szintre emelésének linkje következik.
message-complaint-decision-sms = Panaszáról (beérkezés: { $received }) döntés született. A döntés és a továbbvitel:
message-complaint-new-timeline-subject = Új határidő a panaszára
# Utána a munkatársak által írt indoklás következik.
message-complaint-new-timeline-intro = Panaszát (beérkezés: { $received }) nem tudtuk határidőn belül megoldani. Az indoklás:
message-complaint-new-timeline-until = Az új határidő: { $until }
# A második nyelvű részben, ha az indoklás az első nyelvű részben áll.
message-complaint-new-timeline-above = Panaszát (beérkezés: { $received }) nem tudtuk határidőn belül megoldani; az indoklás fent olvasható. Az új határidő: { $until }
message-complaint-new-timeline-sms = Panasza (beérkezés: { $received }): új határidő { $until }, részletek e-mailben.
message-complaint-holding-subject = Panaszának ügyintézése folyamatban van
message-complaint-holding-text = Panaszát (beérkezés: { $received }) nem tudtuk 30 munkanapon belül megoldani. Hamarosan írunk Önnek az indoklással és az új határidővel.
message-complaint-holding-sms = Panaszának (beérkezés: { $received }) ügyintézése folyamatban van; hamarosan új határidőt közlünk.
# A munkatársaknak: egy panasz határideje közeleg vagy lejárt ($flag kódszavakkal mondja meg, melyik).
message-complaint-sla-subject = Panasz SLA #{ $id }: { $flag }
message-complaint-sla-text = #{ $id } számú panasz ({ $kind }): { $flag }, határidő: { $due }.

## Egy elektronikus dokumentum rendelésének üzenetei. $document a dokumentum neve,
## $ordered a rendelés ideje.

# Összeg lejben: $lei az egész lej, $cents a kétjegyű bani.
message-order-confirmation-subject = Rendelés visszaigazolása
message-order-confirmation-received = Megkaptuk rendelését ({ $document }, leadva: { $ordered }). A rendelés száma: { $number }
message-order-confirmation-fee = Díj: { $fee }. Kártyával fizethet a rendelés oldalán, legkésőbb eddig: { $pay_by }; ezután a rendelés lejár. A feldolgozás a fizetés visszaigazolása után kezdődik.
# Utána a rendelés oldalának linkje következik.
message-order-confirmation-page = A rendelés oldala (fizetés, állapot, letöltés):
message-order-confirmation-keep = Őrizze meg a rendelés számát: csak ezzel érheti el a rendelést.
message-order-paid-subject = Fizetés visszaigazolva
message-order-paid-text = Megkaptuk a rendeléséért ({ $document }, leadva: { $ordered }) fizetett { $fee } összeget. A dokumentumot legkésőbb eddig kiállítjuk: { $due }
message-order-progress-subject = A rendelés állása
# Utána a munkatársak által írt tájékoztatás következik.
message-order-progress-intro = A rendeléséről ({ $document }, leadva: { $ordered }):
message-order-info-subject = További adatokra van szükségünk
# Utána a munkatársak kérdése következik.
message-order-info-intro = A rendeléséhez ({ $document }, leadva: { $ordered }) a következőkre van szükségünk:
# Utána a válaszadás linkje következik.
message-order-info-answer = Itt válaszolhat:
message-order-rejected-subject = Rendelés elutasítva
# Utána a munkatársak által írt indok következik.
message-order-rejected-intro = A rendeléséhez ({ $document }, leadva: { $ordered }) nem tudjuk kiállítani a dokumentumot. Az indok:
message-order-rejected-refund = A befizetett díjat visszautaljuk a fizetéshez használt kártyára.
message-order-delivery-subject = Dokumentuma elkészült
message-order-delivery-issued = A rendeléséhez ({ $document }, leadva: { $ordered }) tartozó dokumentumot kiállítottuk.
# Utána a letöltés linkje következik.
message-order-delivery-download = Letöltés (eddig: { $until }):
message-order-delivery-spam = Ha később nem találja ezt az e-mailt, nézze meg a levélszemét (spam) mappát is.
message-order-expired-subject = Rendelés lejárt
message-order-expired-text = A rendeléséért ({ $document }, leadva: { $ordered }) nem érkezett meg időben a fizetés, ezért a rendelés lejárt. Új rendelést adhat le.
# A munkatársaknak: egy rendelés túllépte a határidejét ($state kódszavakkal); utána a linkje következik.
message-order-overdue-subject = Késésben lévő rendelés
message-order-overdue-text = A #{ $id } számú rendelés ({ $state }) határideje { $due } volt:
# Issue 22: the turn-near message ($ahead, from message-turn-near-ahead, says how many are ahead of $code in $service's queue at $location).
message-turn-near-subject = Hamarosan Ön következik
message-turn-near-ahead = { PLURAL($count) ->
    [one] egy ügyfél van Ön előtt
   *[other] { $count } ügyfél van Ön előtt
}
message-turn-near-text = { $code } sorszám ({ $service }, { $location }): { $ahead }. Kérjük, maradjon az ablakok közelében, és figyelje a kijelzőt.
message-turn-near-sms = { $code }: hamarosan Ön következik, { $ahead }. Figyelje a kijelzőt.
