## A statikus oldalak (static/*.html): a főoldal, ahol a szolgáltatást választják; a
## foglalás állapotának oldala; a nem létező címek oldala.

home-title = Online időpontfoglalás
home-description = Foglaljon időpontot online az ügyfélablakhoz útlevél, vezetői engedély vagy járműnyilvántartásba vétel ügyében: válassza ki a szolgáltatást, a napot és az időpontot.
home-heading = Időpontfoglalás az ügyfélablakhoz
home-intro = A helyek felét online lehet lefoglalni, a másik felét a helyszínen, sorszámmal osztjuk ki.
home-service-label = Szolgáltatás
home-location-label = Helyszín
home-location-any = Bármely helyszín, ahol a szolgáltatást nyújtják
home-choose-day = Nap kiválasztása
home-how = Először a szabad helyekkel rendelkező napokat látja, majd a kiválasztott nap időpontjait.
home-rules-heading = Szabályok
home-rule-name = Nevét pontosan úgy írja, ahogy a személyazonosító igazolványában szerepel, és ne NAGYBETŰKKEL.
home-rule-no-cnp = Személyi számát (CNP) ezen az oldalon sehol ne adja meg.
home-rule-one-booking = Kérelmenként egy foglalás. Ha ugyanazt az alvázszámot vagy ugyanazt az okmánytulajdonost kétszer adják meg, az összes ilyen foglalás törlődik.
home-rule-no-show = Aki nem jelenik meg, 30 napig nem foglalhat online időpontot.

# Az állapotoldal (címe: booking-status-title).
home-status-description = Ellenőrizze foglalása állapotát a foglalási szám alapján.
home-status-number-label = Foglalási szám
home-status-check = Ellenőrzés
# Az oldal szkriptje mutatja, ha a válasz nem hoz saját üzenetet.
home-status-error = Hiba történt.

home-not-found-title = Az oldal nem található
