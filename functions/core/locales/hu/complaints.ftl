## Panaszok (C01–C05, T01): az űrlap, a beérkezett panasz, állapota és a magasabb szintre továbbítás.

# Az űrlap oldalának címe és leírása (meta description).
complaints-form-title = Panaszok, javaslatok és műszaki problémák
complaints-form-description = Nyújtson be panaszt vagy javaslatot, vagy jelezze a weboldal műszaki problémáját; ellenőrizze egy panasz állapotát a száma alapján.
complaints-form-intro = A beérkezést legfeljebb 7 munkanapon belül visszaigazoljuk, és legfeljebb 30 munkanapon belül válaszolunk. Kérjük, ne adja meg személyi számát (CNP).
complaints-form-reservation-label = Foglalási szám (szolgáltatás és javaslat esetén kötelező)
complaints-form-order-label = Az elektronikus megrendelés száma (a foglalási szám helyett, ha a panasz megrendelésre vonatkozik)
complaints-form-serial-label = Sorozatszám (nem kötelező)
complaints-form-email-label = E-mail
complaints-form-phone-label = Telefon
# A súlyosságot és a kapcsolattartás módját tartalmazó keret.
complaints-form-technical-legend = Csak műszaki problémák esetén
complaints-form-challenge-noscript = A robotok elleni ellenőrzéshez JavaScript szükséges; enélkül a panaszt elutasítjuk.
complaints-form-submit = A panasz elküldése
# Az űrlap alatt: keresés a panasz száma alapján.
complaints-lookup-heading = Panasz állapota
complaints-number-label = A panasz száma
complaints-lookup-submit = Ellenőrzés

## Az űrlap szókészlete: típusok, súlyosság, kapcsolattartás, szabad szövegek.

complaints-kind-label = Típus
complaints-kind-service = Szolgáltatás (időpontfoglalással kapcsolatban)
complaints-kind-proposal = Javaslat (időpontfoglalással kapcsolatban, pl. késői lemondás)
complaints-kind-product = Dokumentum vagy termék
complaints-kind-technical = A weboldal műszaki problémája
complaints-severity-label = Súlyosság
complaints-severity-critical = Kritikus (24 óra)
complaints-severity-high = Magas (48 óra)
complaints-severity-normal = Közepes (72 óra)
complaints-severity-low = Alacsony (72 óra)
complaints-channel-label = Kapcsolattartás módja
complaints-channel-email = E-mail
complaints-channel-phone = Telefon
complaints-channel-chat = Chat
complaints-channel-letter = Levél
complaints-description-label = A probléma leírása
complaints-solution-idea-label = Az Ön megoldási javaslata (nem kötelező)

## A panasz állapotai, ahogyan a benyújtó látja őket.

complaints-state-received = Beérkezett
complaints-state-acknowledged = Visszaigazolva
complaints-state-in-progress = Folyamatban
complaints-state-escalated = Magasabb szintre továbbítva
complaints-state-resolved = Megoldva

## A panasz adatai: a beérkezés oldala, az állapot, a továbbítás megerősítése.

complaints-row-kind = Típus
complaints-row-state = Állapot
complaints-row-level = Szint
complaints-row-received = Beérkezett
complaints-row-acknowledge-by = Visszaigazolás határideje
complaints-row-progress-by = Tájékoztatás határideje
complaints-row-resolve-by = Megoldás határideje

complaints-received-title = A panasz beérkezett
complaints-received-description = A panasz beérkezett: a száma és a válaszadási határidők.
complaints-received-keep = Őrizze meg a számot: ezzel ellenőrizheti a panasz állapotát.
# A beérkezés oldalának gombja, amely a panasz állapotához vezet.
complaints-received-status-button = A panasz állapota

complaints-status-title = A panasz állapota
complaints-status-description = Egy panasz állapota: típusa, szintje, a visszaigazolás és a megoldás határideje.

# A döntésről szóló e-mail továbbítási linkje (C05): amit a megerősítés előtt mutat.
complaints-escalate-title = Továbbítja a panaszt magasabb szintre?
complaints-escalate-description = A panasz továbbítása magasabb szintre, új határidőkkel.
complaints-escalate-intro = Ha nem elégedett a döntéssel, a panaszt magasabb szinten újranyitjuk, új határidőkkel.
complaints-escalate-submit = A panasz továbbítása magasabb szintre
complaints-escalated-title = A panaszt magasabb szintre továbbítottuk
complaints-escalated-text = A panaszt magasabb szinten újranyitottuk. Megkapja a visszaigazolást és az új határidőket.
