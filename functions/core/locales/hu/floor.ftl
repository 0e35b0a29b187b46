# Issue 22: the waiting-room display and the citizen's live ticket.
floor-display-title = Behívások az ablakokhoz
floor-display-ticket = Sorszám
floor-display-window = Ablak
floor-display-empty = Még nem volt behívás.
floor-display-sound = Hang bekapcsolása
floor-ticket-title = { $code } sorszám
floor-ticket-ahead = { PLURAL($count) ->
    [one] Egy ügyfél van Ön előtt.
   *[other] { $count } ügyfél van Ön előtt.
}
floor-ticket-next = Ön következik.
floor-ticket-estimate = Becsült várakozás: { $low }–{ $high } perc (becslés, nem ígéret).
floor-ticket-no-estimate = Most egyik ablak sem hív be ehhez a szolgáltatáshoz; a becslés akkor jelenik meg, amikor egy ablak megnyílik.
floor-ticket-called = Kérjük, fáradjon a(z) { $window }. ablakhoz.
floor-ticket-served = Ügyét intéztük. Köszönjük!
floor-ticket-absent = A behíváskor nem jelent meg; a sorszám már nem érvényes.
floor-ticket-over = A sorszám egy másik napra szólt, és már nem érvényes.
floor-ticket-refresh = Frissítés
