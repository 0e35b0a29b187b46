## Back office (/staff): the frame, the navigation and every staff page.

# The frame around every back-office page.
staff-meta-description = Biroul ghiseu: programări, sesizări, comenzi digitale și cifrele biroului, pentru personal.
# The brand in the header: "ghiseu · birou".
staff-brand = birou
staff-skip-to-content = Sari la conținut
# The navigation's accessible name.
staff-nav-label = Secțiuni
staff-log-out = Ieșire

# The navigation; the same texts title the pages they lead to.
staff-nav-counter = La ghișeu azi
staff-nav-complaints = Sesizări
staff-nav-orders = Comenzi digitale
staff-nav-closures = Închideri și mutări
staff-nav-setup = Sedii și servicii
staff-nav-exemptions = Scutiri
staff-nav-messages = Mesaje eșuate
staff-nav-audit = Jurnal de audit
staff-nav-stats = Cifrele biroului
staff-nav-accounts = Conturi
staff-nav-access = Cereri de acces

# What the page after an action says it did.
staff-done-no-show = Marcat neprezentat.
staff-done-fictitious = Marcat cu date fictive; programările persoanei au fost anulate.
staff-done-step = Pas înregistrat.
staff-done-exemption = Scutire acordată.
staff-done-revoked = Scutire revocată.
staff-done-retried = Mesajul va fi retrimis.
staff-done-issued = Document emis; emailul de livrare este în coadă.
staff-done-refunded = Rambursare făcută.
staff-done-account-created = Cont creat.
staff-done-account-changed = Cont modificat.
staff-done-password-reset = Parolă schimbată.
staff-done-setup-saved = Configurarea a fost salvată.
staff-done-setup-moved = Configurarea a fost salvată; programările din afara noului program au fost mutate, iar titularii anunțați.

# Words several pages share: form fields, column headings, links.
staff-field-day = Ziua
staff-field-location = Sediul
staff-field-from = De la
staff-field-until = Până la
staff-field-phone = Telefon
staff-field-email = Email
staff-field-reason = Motiv
staff-column-service = Serviciu
staff-column-name = Nume
staff-column-to = La
staff-column-state = Stare
staff-column-kind = Tip
staff-column-level = Nivel
staff-column-flags = Semnale
staff-column-when = Când
staff-column-what = Ce
staff-column-who = Cine
staff-column-text = Text
staff-show = Arată
staff-back = Înapoi
staff-back-to-queue = Înapoi la listă
staff-cancel = Renunț
staff-steps = Pași
staff-send-update = Trimite actualizarea
staff-filters = Filtre

# A refused action, on a page of its own.
staff-error-title = Acțiunea nu a fost făcută

# The login page.
staff-login-title = Intrare personal
staff-login-password = Parolă
staff-login-submit = Intrare

# Today at the counter.
staff-counter-title = La ghișeu
staff-counter-check-in-heading = Prezentare la ghișeu
staff-counter-reservation-number = Numărul rezervării
staff-counter-proof = Serie de șasiu sau titular
staff-counter-check-in = Confirmă prezentarea
staff-counter-closed = Închis în această zi.
staff-counter-time = Ora
staff-counter-online = Online
staff-counter-walk-in = Fără programare
staff-counter-expected = Așteptați
# The button that prints a walk-in ticket, and the ticket's accessible name.
staff-counter-ticket = Bon
staff-counter-move-unconfirmed = mutare neconfirmată
staff-counter-no-show = Neprezentat
staff-counter-fictitious = Date fictive
staff-ticket-title = Bon de ordine
staff-ticket-back = Înapoi la ghișeu
# The confirmation before marking a no-show; the booking's name and time come first.
staff-no-show-title = Neprezentat?
staff-no-show-question = Programarea se marchează neprezentată, iar telefonul și emailul nu mai pot programa online 30 de zile.
staff-no-show-button = Marchează neprezentat
# The confirmation before marking fictitious data.
staff-fictitious-title = Date fictive?
staff-fictitious-question = Programarea se marchează cu date fictive: toate programările active ale persoanei se anulează, iar telefonul și emailul nu mai pot programa online 180 de zile.
staff-fictitious-button = Marchează date fictive

# The complaints desk.
staff-complaints-filter-open = Deschise
staff-complaints-filter-due-soon = Termen apropiat
staff-complaints-filter-overdue = Depășite
staff-complaints-filter-escalated = Escaladate
staff-complaints-filter-all = Toate
staff-complaints-none = Nicio sesizare.
staff-complaints-next-deadline = Următorul termen
staff-complaint-title = Sesizarea #{ $id }
staff-complaint-received = Primită
staff-complaint-acknowledge-by = Confirmare până la
staff-complaint-progress-by = Actualizare până la
staff-complaint-resolve-by = Soluționare până la
staff-complaint-description = Descriere
staff-complaint-solution-idea = Idee de soluție
staff-complaint-order = Comanda digitală
staff-complaint-events = Istoric
staff-complaint-acknowledge = Confirmă primirea
staff-complaint-progress-label = Actualizare pentru petent
staff-complaint-new-deadline = Termen nou
staff-complaint-explanation = Explicație
staff-complaint-set-timeline = Stabilește termenul nou
staff-complaint-decision = Decizia, explicată în scris
staff-complaint-resolve = Soluționează
staff-complaint-exemption-heading = Scutire (R16)
staff-complaint-grant-exemption = Acordă scutirea

# The digital orders desk.
staff-orders-placed = Plasată
staff-orders-overdue = întârziată
staff-orders-none = Nicio comandă.
staff-order-title = Comanda #{ $id }
staff-order-document = Document
staff-order-due = Termen
staff-order-taken-by = Preluată de
staff-order-requester = Solicitant
staff-order-fee = Tarif
staff-order-paid = Plătită
staff-order-refund = Rambursare
staff-order-issued-document = Document emis
# The issued PDF: its name, size in bytes and checksum.
staff-order-issued-file = { $file } · { $bytes } B · SHA-256 { $sha256 }
staff-order-history = Istoric
staff-order-take = Preia comanda
staff-order-progress-label = Actualizare pentru solicitant
staff-order-question-label = Ce informații lipsesc
staff-order-ask = Cere informații
staff-order-document-label = Documentul emis (PDF, cel mult 10 MiB)
staff-order-issue = Emite și trimite
staff-order-reject-label = Motivul respingerii (se trimite solicitantului; tariful se rambursează)
staff-order-reject = Respinge
staff-order-refund-now = Rambursează acum

# Closures and relocations.
staff-closures-close-heading = Închide un interval
staff-closures-preview = Previzualizează
staff-closures-unconfirmed-heading = Mutări neconfirmate
staff-closures-none = Niciuna.
staff-closures-notified = Anunțat
staff-closures-confirm-title = Închideți intervalul?
# After the service, day and times of the window.
staff-closures-confirm-question = { PLURAL($count) ->
    [one] { $count } programare va fi mutată la cea mai apropiată oră liberă, iar solicitantul anunțat.
    [few] { $count } programări vor fi mutate la cea mai apropiată oră liberă, iar solicitanții anunțați.
   *[other] { $count } de programări vor fi mutate la cea mai apropiată oră liberă, iar solicitanții anunțați.
}
staff-closures-confirm-button = Închide intervalul
staff-closures-done-title = Interval închis
staff-closures-cancelled-no-seat = anulată: niciun loc liber

# Exemptions.
staff-exemptions-none = Nicio scutire.
staff-exemptions-vin-holder = VIN / titular
staff-exemptions-granted-by = Acordată de
staff-exemptions-revoke = Revocă

# Failed messages.
staff-messages-none = Niciun mesaj eșuat.
staff-messages-channel = Canal
staff-messages-attempts = Încercări
staff-messages-last-error = Ultima eroare
staff-messages-retry = Retrimite

# The audit trail.
staff-audit-subject = Subiect
staff-audit-staff = Angajat
staff-audit-search = Caută
staff-audit-none = Nicio înregistrare.
staff-audit-action = Acțiune
staff-audit-change = Schimbare
staff-audit-detail = Detalii

# Staff accounts.
# A staff account's role: beside its name in the header, and on the accounts page.
staff-role-counter = ghișeu
staff-role-complaints = sesizări
staff-role-orders = comenzi
staff-role-supervisor = supervizor
staff-accounts-account = Cont
staff-accounts-role = Rol
staff-accounts-actions = Acțiuni
staff-accounts-disabled = dezactivat
staff-accounts-active = activ
staff-accounts-enable = Activează
staff-accounts-disable = Dezactivează
staff-accounts-new-password = Parolă nouă
staff-accounts-reset-password = Schimbă parola
staff-accounts-every-location = Toate sediile
staff-accounts-set-location = Schimbă sediul
staff-accounts-new = Cont nou
staff-accounts-name = Nume cont
staff-accounts-first-password = Parolă inițială (min. 12 caractere)
staff-accounts-create = Creează contul

# Access requests (GDPR art. 15).
staff-access-intro = Exportul conține tot ce păstrează biroul despre acest telefon și/sau email: programări, sesizări, comenzi, mesaje și interdicții. Cererea se înregistrează în jurnalul de audit (fără datele de contact).
# Followed by the four retention times below, in one paragraph.
staff-access-retention = Datele personale se șterg automat:
staff-access-retention-bookings = { PLURAL($count) ->
    [one] programările { $count } zi după programare;
    [few] programările { $count } zile după programare;
   *[other] programările { $count } de zile după programare;
}
staff-access-retention-complaints = { PLURAL($count) ->
    [one] sesizările { $count } zi după rezolvare;
    [few] sesizările { $count } zile după rezolvare;
   *[other] sesizările { $count } de zile după rezolvare;
}
staff-access-retention-orders = { PLURAL($count) ->
    [one] comenzile { $count } zi după încheiere;
    [few] comenzile { $count } zile după încheiere;
   *[other] comenzile { $count } de zile după încheiere;
}
staff-access-retention-messages = { PLURAL($count) ->
    [one] destinatarii mesajelor { $count } zi după trimitere.
    [few] destinatarii mesajelor { $count } zile după trimitere.
   *[other] destinatarii mesajelor { $count } de zile după trimitere.
}
staff-access-download = Descarcă exportul (JSON)

## The office's setup (issue 24): locations, services, weekly hours, special days.

staff-setup-version = Versiunea { $version }
staff-setup-history = Istoricul modificărilor
staff-setup-locations = Sedii
staff-setup-services = Servicii
staff-setup-name = Denumire
staff-setup-address = Adresa
staff-setup-counters = Ghișee
staff-setup-counters-hint = Numărul de ghișee al fiecărui serviciu la acest sediu; 0 înseamnă că serviciul nu se oferă aici. Jumătate (sau cota serviciului) se rezervă online.
staff-setup-new-location = Sediu nou
staff-setup-new-service = Serviciu nou
staff-setup-code = Cod
staff-setup-code-hint = Litere mici, cifre și cratimă; nu se mai schimbă după ce există programări.
staff-setup-name-ro = Denumirea în română
staff-setup-name-en = Denumirea în engleză
staff-setup-name-hu = Denumirea în maghiară
staff-setup-add-location = Adaugă sediul
staff-setup-add-service = Adaugă serviciul
staff-setup-proof = Dovada cerută
staff-setup-proof-holder = Titularul (pașaport, permis)
staff-setup-proof-vin = Seria de șasiu
staff-setup-proof-none = Nicio dovadă
staff-setup-slot-minutes = Durata unei programări (minute)
staff-setup-slot-hint = Programările deja făcute își păstrează ora și durata.
staff-setup-online-percent = Cota online (%)
staff-setup-retired = Retras
staff-setup-retire = Serviciul nu mai primește programări noi (cele existente rămân)
staff-setup-bring-ro = Ce aduce solicitantul (română)
staff-setup-bring-en = Ce aduce solicitantul (engleză)
staff-setup-bring-hu = Ce aduce solicitantul (maghiară)
staff-setup-bring-hint = Câte un document pe rând; rândurile în engleză și maghiară corespund, în ordine, celor în română.
staff-setup-location-title = Sediul { $name }
staff-setup-service-title = Serviciul { $name }
staff-setup-location-details = Date de contact
staff-setup-directions-ro = Cum se ajunge (română)
staff-setup-directions-en = Cum se ajunge (engleză)
staff-setup-directions-hu = Cum se ajunge (maghiară)
staff-setup-email = Email
staff-setup-week = Programul săptămânal
staff-setup-week-hint = Pe fiecare zi, intervalele de lucru, de exemplu 08:30-12:00, 13:00-16:30; o zi goală este închisă.
staff-setup-hours-from = Valabil de la
staff-setup-upcoming = Programe care încep mai târziu:
staff-setup-own-hours = Program propriu: { $service }
staff-setup-own-hours-hint = Un serviciu cu alt program decât sediul: zilele și intervalele lui, de exemplu mon 08:30-12:00; fri 08:30-11:00 (o zi lipsă este închisă pentru el); gol: programul sediului.
staff-setup-hours = Ore
staff-setup-save = Salvează
staff-setup-special-days = Zile speciale
staff-setup-no-special-days = Nicio zi specială.
staff-setup-new-special-day = Zi specială nouă
staff-setup-special-hint = Orele zilei (de exemplu o sâmbătă deschisă); gol înseamnă sediul închis în acea zi.
staff-setup-add-special-day = Adaugă ziua
staff-setup-closed = Închis
staff-setup-remove = Șterge
staff-setup-preview-title = Programări în afara noului program
staff-setup-preview-question = { PLURAL($count) ->
    [one] O programare ar rămâne în afara noului program.
    [few] { $count } programări ar rămâne în afara noului program.
   *[other] { $count } de programări ar rămâne în afara noului program.
}
staff-setup-preview-move = Salvează și mută programările (titularii primesc un link de confirmare)
staff-setup-preview-later = Noul program începe după ultima dintre ele

## Issue 22: the counter floor (the clerk's window, receipts, walk-in tickets)
staff-nav-floor = Ghișeul meu
staff-floor-title = Ghișeul meu
staff-floor-at-window = Ghișeul { $window }
staff-floor-sit-heading = Alegeți ghișeul
staff-floor-window = Numărul ghișeului
staff-floor-services = Serviciile pe care le chemați
staff-floor-sit = Ocupă ghișeul
staff-floor-paused = în pauză
staff-floor-current = Chemat acum:
staff-floor-served = Servit
staff-floor-recall = Cheamă din nou
staff-floor-absent = Absent
staff-floor-transfer-to = Transferă la
staff-floor-transfer = Transferă
staff-floor-nobody = Nu este nimeni chemat.
staff-floor-call-next = Cheamă următorul
staff-floor-pause = Pauză
staff-floor-resume = Reia lucrul
staff-floor-leave = Părăsește ghișeul
staff-floor-keys = Taste: N cheamă următorul, R cheamă din nou, S servit, A absent.
staff-floor-queue-heading = La rând
staff-floor-queue-empty = Nu așteaptă nimeni.
staff-floor-code = Bon
staff-floor-due = Ora programării
staff-floor-arrived = Sosit la
staff-floor-today-heading = Așteptări azi (minute)
staff-floor-col-service = Serviciu
staff-floor-col-waiting = La rând
staff-floor-col-served = Serviți
staff-floor-col-absent = Absenți
staff-floor-col-median-wait = Așteptare mediană
staff-floor-col-longest-wait = Cea mai lungă așteptare
staff-floor-col-median-service = Durata mediană la ghișeu
staff-floor-display-link = Ecranul sălii de așteptare
staff-done-seated = Sunteți la ghișeu.
staff-done-called = Următoarea persoană a fost chemată.
staff-done-recalled = Persoana a fost chemată din nou.
staff-done-served = Marcat servit.
staff-done-absent = Marcat absent.
staff-done-transferred = Persoana a fost trecută la rând pentru celălalt serviciu.
staff-done-paused = Ghișeul este în pauză.
staff-done-resumed = Ghișeul cheamă din nou.
staff-done-left = Ați părăsit ghișeul.
staff-counter-notify = Mesaj când se apropie rândul (pe telefonul programării)
staff-counter-walk-in-heading = Bon fără programare
staff-counter-walk-in-phone = Telefon pentru mesajul „se apropie rândul” (opțional)
staff-counter-walk-in-email = Email pentru același mesaj (opțional)
staff-counter-walk-in-lang = Limba mesajului
staff-counter-next-ticket = Bon pentru primul interval liber
staff-receipt-title = Dovada prezentării
staff-ticket-follow = Urmăriți-vă rândul:
staff-ticket-qr = Cod QR către bonul dumneavoastră
