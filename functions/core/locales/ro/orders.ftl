## Documente digitale (D01–D04): catalogul, comanda, plata, starea, cererea de informații.

# Un tarif; $amount e în lei, cu două zecimale ("25,00 lei").
orders-fee = { $amount } lei

# Catalogul: titlul, descrierea paginii (meta description), tabelul.
orders-catalog-title = Documente digitale
orders-catalog-description = Documente eliberate digital: tarifele, termenele și comanda online, cu plata cu cardul; starea unei comenzi după numărul ei.
orders-catalog-intro = Documente eliberate digital: comandați, plătiți cu cardul și descărcați documentul din emailul de livrare.
orders-catalog-document = Document
orders-catalog-fee = Tarif
orders-catalog-deadline = Termen
# Capul coloanei cu linkurile „Comandă” (ascuns vizual).
orders-catalog-action = Acțiune
# Termenul de emitere al unui document.
orders-catalog-days = { PLURAL($count) ->
    [one] { $count } zi lucrătoare
    [few] { $count } zile lucrătoare
   *[other] { $count } de zile lucrătoare
}
orders-catalog-order = Comandă
# Urmat de actul din care provin tarifele.
orders-catalog-tariff-source = Tarifele:
orders-lookup-heading = Starea unei comenzi
orders-number-label = Numărul comenzii
orders-lookup-submit = Verifică

## Formularul de comandă al unui document.

orders-form-description = Comandați online: { $document }. Plata cu cardul, livrarea prin email.
# Urmat de tarif.
orders-form-fee = Tarif:
orders-form-no-cnp = Nu introduceți CNP-ul nicăieri.
orders-form-name-label = Numele, ca în actul de identitate
orders-form-email-label = Email (documentul se livrează aici)
orders-form-phone-label = Telefon (opțional)
orders-detail-vin = Seria de șasiu (VIN)
orders-detail-plate = Numărul de înmatriculare
orders-detail-holder = Titularul
orders-form-consent = Am citit condițiile: plata se face online, procesarea începe după plată, documentul se livrează prin email.
orders-form-challenge-noscript = Verificarea anti-robot are nevoie de JavaScript; fără el, comanda va fi refuzată.
orders-form-submit = Trimite comanda

## Comanda înregistrată: numărul, arătat o dată, și plata.

orders-placed-title = Comandă înregistrată
orders-placed-description = Comanda a fost înregistrată: numărul ei și plata cu cardul.
orders-placed-number = Numărul comenzii:
orders-placed-keep = Păstrați acest număr: cu el plătiți, urmăriți comanda și descărcați documentul. Îl primiți și prin email.
orders-pay-button = Plătește cu cardul
orders-placed-order-page = Pagina comenzii
orders-placed-already = Comanda era deja plasată; numărul ei v-a fost trimis prin email.

## Faptele unei comenzi (pagina de înregistrare și pagina de stare).

orders-row-document = Document
orders-row-requester = Solicitant
orders-row-fee = Tarif
orders-row-state = Stare
orders-row-placed = Plasată
orders-row-pay-by = De plătit până la
orders-row-due-by = Se emite până la
orders-row-download-until = Descărcare până la

## Stările unei comenzi, cum le vede solicitantul.

orders-state-received = Primită, așteaptă plata
orders-state-paid = Plătită
orders-state-processing = În procesare
orders-state-info-requested = Așteaptă informații de la dvs.
orders-state-reopened = Redeschisă la cererea dvs.
orders-state-issued = Emisă
orders-state-delivered = Livrată
orders-state-rejected = Respinsă
orders-state-expired = Expirată
orders-state-cancelled = Anulată

## Pagina de stare: istoricul, descărcarea, acțiunile solicitantului.

orders-status-title = Starea comenzii
orders-status-description = Starea unei comenzi de document digital: istoricul, plata și descărcarea documentului.
orders-status-history = Istoric
orders-status-when = Când
orders-status-what = Ce
orders-status-details = Detalii
orders-status-download = Descarcă documentul (PDF)
orders-status-link-expired = Linkul de descărcare a expirat.
orders-status-new-link = Trimite-mi un link nou de descărcare
orders-status-problem-heading = O problemă cu documentul?
orders-status-problem-label = Ce nu este în regulă
orders-status-problem-submit = Raportează problema
orders-status-cancel = Anulează comanda neplătită
orders-status-complaint-link = Depune o sesizare despre această comandă (cu numărul ei)
# Ce arată pagina de stare după o acțiune a solicitantului.
orders-status-done-cancelled = Comanda a fost anulată.
orders-status-done-problem = Problema a fost transmisă; comanda a fost redeschisă.
orders-status-done-link = V-am trimis prin email un link nou de descărcare.

# Un rând al istoricului: ce s-a întâmplat.
orders-event-received = Comandă primită
orders-event-paid = Plată confirmată
orders-event-processing = Procesare începută
orders-event-progress = Actualizare
orders-event-info-requested = Informații cerute
orders-event-info-received = Informații primite
orders-event-problem-reported = Problemă raportată
orders-event-issued = Document emis
orders-event-delivered = Email de livrare trimis
orders-event-rejected = Comandă respinsă
orders-event-refunded = Tarif rambursat
orders-event-expired = Comandă expirată
orders-event-cancelled = Comandă anulată

## Linkul din emailul cu întrebarea biroului (D04), și răspunsul.

orders-info-title = Informații pentru comanda dvs.
orders-info-description = Biroul are nevoie de informații pentru a continua procesarea comenzii dvs.
orders-info-intro = Pentru a continua procesarea comenzii avem nevoie de:
orders-info-answer-label = Răspunsul dumneavoastră (fără CNP)
orders-info-submit = Trimite răspunsul
orders-answered-title = Răspuns trimis
orders-answered-text = Mulțumim; comanda s-a întors la procesare.

## Întoarcerea de la procesatorul plăților.

orders-return-cancelled-title = Plată neefectuată
orders-return-cancelled-text = Plata nu a fost făcută. O puteți relua de pe pagina comenzii, până la termenul de plată.
orders-return-sent-title = Plată trimisă
orders-return-sent-text = Mulțumim. Confirmarea plății vă sosește prin email imediat ce procesatorul ne-o transmite; starea o vedeți pe pagina comenzii.
