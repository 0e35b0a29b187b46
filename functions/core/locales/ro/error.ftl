### Errors: what a refused request is told, one message per error code (`error-{code}`,
### the code as the API gives it). Shown in JSON answers (`message`, `message_ro`), on
### refused forms next to the field at fault, and on error pages.

## Any request

error-malformed_body = Conținutul cererii nu poate fi citit.
error-unsupported_media_type = Trimiteți application/json sau un formular HTML.
error-payload_too_large = Cererea este prea mare.
error-method_not_allowed = Metoda nu este permisă aici.
error-not_found = Nu s-a găsit nimic.
# Too many requests from one client: $count is the seconds to wait (Retry-After).
error-rate_limited = { PLURAL($count) ->
    [one] Prea multe cereri; reîncercați peste { $count } secundă.
    [few] Prea multe cereri; reîncercați peste { $count } secunde.
   *[other] Prea multe cereri; reîncercați peste { $count } de secunde.
}
error-busy = Prea multe cereri simultan; vă rugăm să reîncercați peste câteva momente.
error-internal = A apărut o eroare la noi; vă rugăm să încercați din nou.
# A setting the operator gave can't be used (the field names it).
error-config_invalid = Serviciul nu este configurat corect; vă rugăm să reveniți mai târziu.
# The office's settings can't be used (the field names which).
error-office_config_invalid = Serviciul nu este configurat corect; vă rugăm să reveniți mai târziu.
error-unknown_field = Acest câmp nu face parte din această cerere.
error-required = Câmpul este obligatoriu.
error-too_long = Câmpul este prea lung.
# A JSON field sent as an array or object.
error-invalid_type = Completați acest câmp ca text.
error-invalid_choice = Alegeți una dintre valorile oferite.
error-invalid_date = Introduceți data în forma AAAA-LL-ZZ.
error-invalid_time = Introduceți ora în forma HH:MM, ora instituției.
error-invalid_month = Introduceți luna în forma AAAA-LL.
# A from–to range: the availability's days, the statistics' period, a closed window's times.
error-invalid_range = Intervalul trebuie să se încheie după ce începe și să nu depășească durata permisă.
# The booking's or the order's consent box.
error-consent_required = Acceptați condițiile pentru a continua.
error-invalid_idempotency_key = Antetul Idempotency-Key trebuie să aibă 1–200 de caractere ASCII vizibile.
error-idempotency_key_reused = Această cheie Idempotency-Key a fost folosită pentru altă cerere.
error-cnp_forbidden = Este interzisă folosirea CNP-ului pe acest site.
error-csrf_invalid = Formularul a expirat; reîncărcați pagina și încercați din nou.

## The anti-bot check (the proof of work a form solves)

error-invalid_purpose = Cereți o verificare pentru o programare, o sesizare sau o comandă.
error-challenge_required = Așteptați finalizarea verificării anti-robot, apoi trimiteți din nou.
error-challenge_invalid = Verificarea anti-robot a eșuat; pagina va rezolva una nouă.
error-challenge_expired = Verificarea anti-robot a expirat; pagina va rezolva una nouă.
error-challenge_used = Această verificare anti-robot a fost deja folosită; pagina va rezolva una nouă.

## The booker's details

error-invalid_vin = Seria de șasiu are 17 caractere: cifre și litere, fără I, O și Q.
error-invalid_plate = Introduceți numărul ca în certificatul de înmatriculare, de ex. MS 12 ABC.
error-invalid_phone = Introduceți un număr de telefon real, de ex. 0722 123 456 sau +40 722 123 456.
error-invalid_email = Introduceți o adresă de email validă.
error-invalid_name = Introduceți numele exact ca în actul de identitate: litere, spații, cratime.

## Booking

error-unknown_service = Alegeți unul dintre serviciile oferite.
# A VIN given for a service that asks for a holder, or the reverse.
error-field_not_for_service = Acest serviciu nu cere acest câmp.
error-unknown_location = Alegeți unul dintre sediile instituției.
error-location_required = Serviciul se oferă la mai multe sedii: alegeți sediul.
error-service_not_at_location = Serviciul ales nu se oferă la acest sediu.
error-service_retired = Serviciul nu mai primește programări.
error-other_location = Programarea este la alt sediu.
error-invalid_setup = Partea indicată a configurării nu poate fi folosită: un cod lipsă sau repetat, un interval suprapus, un serviciu necunoscut sau o valoare în afara limitelor.
error-setup_changed_meanwhile = Configurarea a fost schimbată între timp de altcineva: reîncărcați pagina și refaceți modificarea.
error-invalid_number = Scrieți un număr întreg.
error-invalid_hours = Scrieți intervalele ca 08:30-12:00, despărțite prin virgulă; fiecare se închide după ce se deschide.
error-invalid_proof = Alegeți una dintre dovezile din listă.
error-invalid_version = Formularul nu mai corespunde configurării: reîncărcați pagina.
error-bookings_outside_hours = Modificarea ar lăsa programări în afara programului: mutați-le (move_bookings) sau începeți noul program după ultima dintre ele.
error-service_has_bookings = Serviciul are programări la acest sediu: retrageți-l sau lăsați-l până trece ultima.
# A booking's time, or a walk-in ticket's slot at the counter.
error-invalid_slot = Alegeți una dintre orele oferite.
error-slot_in_past = Această oră a trecut deja.
error-slot_too_far = Programările online nu sunt încă deschise pentru această dată.
error-day_closed = Instituția este închisă în această zi.
error-date_out_of_range = Programările online sunt deschise doar de azi până la ultima dată disponibilă.
error-slot_full = Nu mai sunt locuri online în acest interval; alegeți altă oră.
error-slot_closed = Instituția a închis acest interval; alegeți altă oră.
# The phone or email may not book online for a while: $until is the ban's last day, as a date in words.
error-contact_banned = Acest contact nu poate face programări online până la { $until }.
error-invalid_reservation_number = Acesta nu este un număr de rezervare.
# The answer to a relocated booking's offer.
error-invalid_action = Alegeți confirmare sau renunțare.

## The counter (check-in, walk-in tickets, no-shows)

error-number_unknown = Nicio programare nu are acest număr.
error-phone_mismatch = Telefonul nu este cel folosit la programare.
error-proof_mismatch = Seria de șasiu sau titularul nu corespunde programării.
error-not_active = Această programare nu este activă.
error-outside_check_in_window = Prezentarea se face în ziua programării, cu puțin înainte de interval și până la sfârșitul lui.
error-slot_not_over = Neprezentarea se poate marca doar după sfârșitul intervalului.
error-walk_in_full = Toate locurile fără programare din acest interval au bon.
# A late-cancel exemption's reason, or a closed window's.
error-reason_required = Indicați motivul, cel mult 500 de caractere.
error-exemption_exists = Această serie de șasiu/acest titular are deja o scutire neutilizată.
error-not_a_booking_proposal = Doar o propunere care citează o programare poate acorda scutirea.

## Complaints

error-order_unknown = Nicio comandă nu are acest număr.
error-reservation_number_required = O sesizare sau propunere despre o programare trebuie să indice numărul rezervării (sau numărul comenzii digitale).
error-reservation_unknown = Nicio programare nu are acest număr de rezervare.
error-contact_required = Indicați un număr de telefon sau o adresă de email.
error-field_not_for_kind = Doar problemele tehnice au gravitate și canal.
error-date_not_ahead = Noul termen trebuie să fie după ziua de azi.
error-already_resolved = Sesizarea este soluționată; doar petentul o poate redeschide.
error-already_acknowledged = Sesizarea este deja confirmată.
error-not_acknowledged = Confirmați sesizarea înaintea unei actualizări.
error-invalid_filter = Filtrul trebuie să fie open, due_soon, overdue, escalated sau all.

## Digital orders and payments

error-unknown_document = Alegeți unul dintre documentele oferite.
error-field_not_for_document = Acest document nu cere acest câmp.
error-too_many_unpaid_orders = Această adresă de email are prea multe comenzi neplătite; plătiți sau anulați una întâi.
error-not_payable = Această comandă nu mai poate fi plătită.
error-payment_mismatch = Suma sau moneda plății nu este tariful comenzii.
error-payment_provider_unavailable = Procesatorul de plăți nu a putut fi contactat; nu s-a încasat nimic. Vă rugăm să încercați din nou.
error-order_step_not_allowed = Acest pas nu se potrivește cu starea curentă a comenzii.
error-not_a_pdf = Documentul trebuie să fie un fișier PDF.
# An issued document's download link past its validity.
error-download_expired = Acest link a expirat. Pe pagina comenzii puteți cere unul nou.
# The payment provider's notification (webhook): no signature.
error-signature_missing = Notificarea a fost refuzată.
# The payment provider's notification: a signature that isn't ours.
error-signature_invalid = Notificarea a fost refuzată.
# The payment provider's notification: signed too long ago.
error-signature_stale = Notificarea a fost refuzată.
# The payment provider's notification: an event that doesn't fit.
error-malformed_event = Notificarea a fost refuzată.

## Staff: sign-in, accounts and lists

error-unauthorized = Este necesar un token valid de angajat.
error-forbidden = Rolul dumneavoastră nu permite această acțiune.
error-login_failed = Nume de cont sau parolă greșite.
error-invalid_account_name = Numele contului are 2–40 de litere a-z, cifre, puncte, cratime sau liniuțe jos.
error-weak_password = Parola are 12–128 caractere; câteva cuvinte fără legătură fac o parolă bună.
error-account_exists = Există deja un cont cu acest nume.
error-own_account = Nu vă puteți dezactiva propriul cont.
error-invalid_role = Rolul trebuie să fie counter, complaints, orders sau supervisor.
# The state a list of orders or of outgoing messages is filtered by.
error-invalid_state = Alegeți una dintre stările pe care le afișează această listă.
# The statistics' period.
error-period_too_long = Alegeți o perioadă de cel mult un an.
# A failed booking, complaint or order confirmation whose number retention erased.
error-confirmation_not_resendable = Această confirmare nu mai poate fi trimisă: numărul nu se mai păstrează. Cetățeanul l-a văzut la trimitere, iar mesajele următoare tot sosesc.

## The counter floor (issue 22)
error-no_window = Nu sunteți la niciun ghișeu; alegeți mai întâi ghișeul.
error-window_invalid = Numărul ghișeului trebuie să fie între 1 și 99.
error-window_taken = La acest ghișeu lucrează azi alt coleg.
error-window_paused = Ghișeul este în pauză; reluați lucrul înainte de a chema pe cineva.
error-call_in_progress = Încheiați mai întâi chemarea curentă (servit, absent sau transfer).
error-nobody_waiting = Nu așteaptă nimeni care poate fi chemat acum.
error-no_current_call = Nu este nimeni chemat la acest ghișeu.
error-recall_too_soon = Persoana a fost chemată chiar acum; mai așteptați puțin înainte de a o chema din nou.
error-same_service = Persoana este deja la rând pentru acest serviciu.
error-service_unknown = Serviciul nu este oferit la acest sediu.
error-invalid_window = Indicați ghișeul ca număr, opțional sediul și lista serviciilor.
error-invalid_pause = Indicați „paused” ca adevărat sau fals.
error-invalid_transfer = Indicați serviciul către care se face transferul.
