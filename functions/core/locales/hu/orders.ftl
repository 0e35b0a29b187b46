## Elektronikus dokumentumok (D01–D04): a katalógus, a megrendelés, a fizetés, az állapot, a hivatal kérdései.

# Díj; $amount lejben, két tizedesjeggyel ("25,00 lej").
orders-fee = { $amount } lej

# A katalógus: cím, az oldal leírása (meta description), a táblázat.
orders-catalog-title = Elektronikus dokumentumok
orders-catalog-description = Elektronikusan kiállított dokumentumok: díjak, határidők és online megrendelés bankkártyás fizetéssel; egy megrendelés állapota a száma alapján.
orders-catalog-intro = Elektronikusan kiállított dokumentumok: rendelje meg, fizessen bankkártyával, és töltse le a dokumentumot a kézbesítő e-mailből.
orders-catalog-document = Dokumentum
orders-catalog-fee = Díj
orders-catalog-deadline = Kiállítási határidő
# A „Megrendelés” linkek oszlopának fejléce (vizuálisan rejtett).
orders-catalog-action = Művelet
# A dokumentum kiállításának határideje (számnév után a főnév egyes számban marad).
orders-catalog-days = { $count } munkanap
orders-catalog-order = Megrendelés
# Utána következik a jogszabály, amelyből a díjak származnak.
orders-catalog-tariff-source = Díjak:
orders-lookup-heading = Megrendelés állapota
orders-number-label = Megrendelési szám
orders-lookup-submit = Ellenőrzés

## Egy dokumentum megrendelőlapja.

orders-form-description = Online megrendelés: { $document }. Bankkártyás fizetés, kézbesítés e-mailben.
# Utána következik a díj.
orders-form-fee = Díj:
orders-form-no-cnp = Kérjük, sehol ne adja meg személyi számát (CNP).
orders-form-name-label = Név, a személyazonosító igazolványban szereplő módon
orders-form-email-label = E-mail (ide kézbesítjük a dokumentumot)
orders-form-phone-label = Telefon (nem kötelező)
orders-detail-vin = Alvázszám (VIN)
orders-detail-plate = Rendszám
orders-detail-holder = Okmánytulajdonos
orders-form-consent = Elolvastam a feltételeket: a fizetés online történik, a feldolgozás a fizetés után kezdődik, a dokumentumot e-mailben kézbesítik.
orders-form-challenge-noscript = A robotok elleni ellenőrzéshez JavaScript szükséges; enélkül a megrendelést elutasítjuk.
orders-form-submit = A megrendelés elküldése

## A rögzített megrendelés: a száma (egyszer látható) és a fizetés.

orders-placed-title = Megrendelés rögzítve
orders-placed-description = A megrendelést rögzítettük: a száma és a bankkártyás fizetés.
orders-placed-number = Megrendelési szám:
orders-placed-keep = Őrizze meg ezt a számot: ezzel fizethet, követheti a megrendelést és töltheti le a dokumentumot. E-mailben is elküldjük Önnek.
orders-pay-button = Fizetés bankkártyával
orders-placed-order-page = A megrendelés oldala
orders-placed-already = Ezt a megrendelést már rögzítettük; a számát e-mailben elküldtük Önnek.

## A megrendelés adatai (a rögzítés és az állapot oldala).

orders-row-document = Dokumentum
orders-row-requester = Kérelmező
orders-row-fee = Díj
orders-row-state = Állapot
orders-row-placed = Leadva
orders-row-pay-by = Fizetési határidő
orders-row-due-by = Kiállítási határidő
orders-row-download-until = Letölthető eddig

## A megrendelés állapotai, ahogyan a kérelmező látja őket.

orders-state-received = Beérkezett, fizetésre vár
orders-state-paid = Kifizetve
orders-state-processing = Feldolgozás alatt
orders-state-info-requested = Az Ön válaszára vár
orders-state-reopened = Az Ön kérésére újranyitva
orders-state-issued = Kiállítva
orders-state-delivered = Kézbesítve
orders-state-rejected = Elutasítva
orders-state-expired = Lejárt
orders-state-cancelled = Visszavonva

## Az állapot oldala: előzmények, letöltés, a kérelmező teendői.

orders-status-title = A megrendelés állapota
orders-status-description = Egy elektronikus dokumentum megrendelésének állapota: előzmények, fizetés és a dokumentum letöltése.
orders-status-history = Előzmények
orders-status-when = Időpont
orders-status-what = Esemény
orders-status-details = Részletek
orders-status-download = A dokumentum letöltése (PDF)
orders-status-link-expired = A letöltési link lejárt.
orders-status-new-link = Kérek új letöltési linket e-mailben
orders-status-problem-heading = Probléma van a dokumentummal?
orders-status-problem-label = Mi nincs rendben
orders-status-problem-submit = A probléma bejelentése
orders-status-cancel = A kifizetetlen megrendelés visszavonása
orders-status-complaint-link = Panasz benyújtása erről a megrendelésről (a számával)
# Amit az állapot oldala a kérelmező egy művelete után mutat.
orders-status-done-cancelled = A megrendelést visszavontuk.
orders-status-done-problem = A problémát továbbítottuk; a megrendelést újranyitottuk.
orders-status-done-link = Új letöltési linket küldtünk Önnek e-mailben.

# Az előzmények egy sora: mi történt.
orders-event-received = Megrendelés beérkezett
orders-event-paid = Fizetés visszaigazolva
orders-event-processing = Feldolgozás megkezdve
orders-event-progress = Tájékoztatás
orders-event-info-requested = Információt kértünk
orders-event-info-received = Információ beérkezett
orders-event-problem-reported = Probléma bejelentve
orders-event-issued = Dokumentum kiállítva
orders-event-delivered = Kézbesítő e-mail elküldve
orders-event-rejected = Megrendelés elutasítva
orders-event-refunded = Díj visszatérítve
orders-event-expired = Megrendelés lejárt
orders-event-cancelled = Megrendelés visszavonva

## A hivatal kérdését tartalmazó e-mail linkje (D04), és a válasz.

orders-info-title = Információ a megrendeléséhez
orders-info-description = A hivatalnak információra van szüksége a megrendelés további feldolgozásához.
orders-info-intro = A megrendelés további feldolgozásához a következőre van szükségünk:
orders-info-answer-label = Az Ön válasza (személyi szám nélkül)
orders-info-submit = A válasz elküldése
orders-answered-title = Válasz elküldve
orders-answered-text = Köszönjük; a megrendelés feldolgozása folytatódik.

## Visszatérés a fizetési szolgáltatótól.

orders-return-cancelled-title = A fizetés nem történt meg
orders-return-cancelled-text = A fizetés nem történt meg. A megrendelés oldaláról a fizetési határidőig újra megpróbálhatja.
orders-return-sent-title = Fizetés elküldve
orders-return-sent-text = Köszönjük. A fizetés visszaigazolását e-mailben küldjük, amint a fizetési szolgáltató értesít minket; az állapotot a megrendelés oldalán láthatja.
