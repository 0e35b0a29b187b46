# Issue 22: the waiting-room display and the citizen's live ticket.
floor-display-title = Chemări la ghișee
floor-display-ticket = Bon
floor-display-window = Ghișeu
floor-display-empty = Nicio chemare încă.
floor-display-sound = Pornește sunetul
floor-ticket-title = Bonul { $code }
floor-ticket-ahead = { PLURAL($count) ->
    [one] O persoană este înaintea dumneavoastră.
    [few] { $count } persoane sunt înaintea dumneavoastră.
   *[other] { $count } de persoane sunt înaintea dumneavoastră.
}
floor-ticket-next = Sunteți următorul la rând.
floor-ticket-estimate = Așteptare estimată: { $low }–{ $high } minute (o estimare, nu o promisiune).
floor-ticket-no-estimate = Acum nu cheamă niciun ghișeu pentru acest serviciu; estimarea apare când se deschide unul.
floor-ticket-called = Vă rugăm să mergeți la ghișeul { $window }.
floor-ticket-served = Ați fost servit. Vă mulțumim!
floor-ticket-absent = Nu v-ați prezentat când ați fost chemat; bonul nu mai este valabil.
floor-ticket-over = Bonul era pentru altă zi și nu mai este valabil.
floor-ticket-refresh = Actualizează
