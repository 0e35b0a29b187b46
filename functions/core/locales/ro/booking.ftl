## Booking: the day picker, a day's times, the booking form and its confirmation.

# The day picker: a day's free online seats.
booking-seats-free = { PLURAL($count) ->
    [one] { $count } loc liber
    [few] { $count } locuri libere
   *[other] { $count } de locuri libere
}
# A time on the day's page: its free online seats.
booking-slot-seats = { PLURAL($count) ->
    [one] { $count } loc
    [few] { $count } locuri
   *[other] { $count } de locuri
}

## The day picker (a month of one service).

booking-locations-title = { $service } — alegeți sediul
booking-locations-description = Sediile unde se poate programa pentru { $service }.
booking-next-free-day = Prima zi cu locuri libere: { $day }
booking-no-free-day = Niciun loc liber în zilele deschise acum
booking-month-title = { $service } — alegeți ziua
booking-month-description = { $service }: zilele cu locuri libere pentru programarea online.
booking-choose-another-service = Alegeți alt serviciu
# The label of the previous/next month links.
booking-months-label = Luni
booking-previous-month = Luna anterioară
booking-next-month = Luna următoare
# A day with no online seat left.
booking-day-full = Complet
# Why a day takes no bookings; $name is the holiday's or the closure's, as the office names it.
booking-closed-weekend = Weekend: instituția este închisă.
booking-closed-holiday = Sărbătoare legală: { $name }
booking-closed-closure = Închis: { $name }
booking-closed-no-hours = Fără program în această zi.

## A day's times and the booking form.

# $day: "miercuri 25 noiembrie"; $year: "2026".
booking-day-title = { $service } — { $day } { $year }
booking-day-description = { $service }, { $day }: orele libere și formularul de programare.
booking-choose-another-day = Alegeți altă zi
booking-day-no-seats = Nu mai sunt locuri online în această zi.
booking-choose-time = Alegeți ora
booking-altcha-needs-javascript = Verificarea anti-robot are nevoie de JavaScript; fără el, programarea va fi refuzată.
booking-form-name-label = Nume și prenume, exact ca în actul de identitate
booking-form-phone-label = Telefon
booking-form-email-label = Email (opțional)
booking-form-vin-label = Seria de șasiu (VIN, 17 caractere)
booking-form-holder-label = Titular (dacă programați pentru altcineva)
booking-form-hint = Nu introduceți CNP-ul nicăieri. Nu scrieți cu MAJUSCULE.
booking-form-consent = Accept regulile de programare online.
booking-form-submit = Programează

## The confirmation.

booking-confirmation-title = Programare înregistrată
booking-confirmation-description = Programarea dvs. la ghișeu a fost înregistrată: numărul rezervării și datele ei.
booking-confirmation-number = Numărul rezervării:
booking-confirmation-keep-number = Păstrați acest număr: îl primiți și prin SMS/email și vă trebuie la ghișeu.
booking-confirmation-calendar = Adăugați în calendar (.ics)
booking-confirmation-check = Verificați programarea
# A repeated submission: the booking was made the first time.
booking-confirmation-already-made = Programarea era deja făcută; numărul ei v-a fost trimis prin SMS/email.

## A booking's facts (the confirmation, the status, the cancellation and relocation links; the status page's script too).

booking-row-service = Serviciu
booking-row-location = Sediul
booking-row-bring = Ce aveți la dumneavoastră
booking-row-date-time = Data și ora
booking-row-date = Data
booking-row-time = Ora
booking-row-original-time = Ora inițială
booking-row-name = Nume
booking-row-phone = Telefon
booking-row-email = Email
booking-row-vin = Serie de șasiu
booking-row-holder = Titular
booking-row-state = Stare
booking-state-active = Activă
booking-state-cancelled = Anulată
booking-state-cancelled-duplicate-vin = Anulată: serie de șasiu folosită de mai multe ori
booking-state-cancelled-duplicate-holder = Anulată: titular folosit de mai multe ori
booking-state-cancelled-by-booker = Anulată de solicitant
booking-state-cancelled-superseded = Anulată: înlocuită de o programare nouă (scutire)
booking-state-cancelled-by-office = Anulată de instituție
booking-state-cancelled-relocation-declined = Anulată: noua oră a fost refuzată
booking-state-attended = Prezentat
booking-state-no-show = Neprezentat
booking-status-title = Starea programării

## The cancellation link.

booking-cancel-title = Anulați programarea?
booking-cancel-description = Anularea unei programări la ghișeu.
booking-cancel-final = Anularea este definitivă: programarea nu mai poate fi refăcută, doar una nouă făcută.
booking-cancel-confirm = Confirm anularea
booking-cancelled-title = Programare anulată
booking-cancelled-text = Programarea a fost anulată. Locul a fost eliberat.

## The relocation link: the office closed the booking's time and moved it.

booking-relocation-title = Programare mutată
booking-relocation-description = Noua oră a programării dvs.: confirmați-o sau renunțați.
booking-relocation-text = Instituția a trebuit să închidă intervalul programării. Aceasta este noua oră.
booking-relocation-confirm = Confirm noua oră
booking-relocation-decline = Renunț (programarea se anulează)
booking-relocation-confirmed-title = Oră confirmată
booking-relocation-confirmed-text = Vă așteptăm la noua oră.
