## Sesizări (C01–C05, T01): formularul, sesizarea primită, starea ei și escaladarea.

# Titlul și descrierea paginii (meta description) formularului.
complaints-form-title = Sesizări, propuneri și probleme tehnice
complaints-form-description = Depuneți o sesizare sau o propunere ori semnalați o problemă tehnică a site-ului; verificați starea unei sesizări după numărul ei.
complaints-form-intro = Confirmăm primirea în cel mult 7 zile lucrătoare și răspundem în cel mult 30. Nu introduceți CNP-ul.
complaints-form-reservation-label = Numărul rezervării (obligatoriu pentru serviciu și propunere)
complaints-form-order-label = Numărul comenzii digitale (în locul rezervării, dacă sesizarea e despre o comandă)
complaints-form-serial-label = Număr de serie (opțional)
complaints-form-email-label = Email
complaints-form-phone-label = Telefon
# Chenarul cu gravitatea și canalul preferat.
complaints-form-technical-legend = Doar pentru probleme tehnice
complaints-form-challenge-noscript = Verificarea anti-robot are nevoie de JavaScript; fără el, sesizarea va fi refuzată.
complaints-form-submit = Trimite sesizarea
# Sub formular: căutarea după numărul sesizării.
complaints-lookup-heading = Starea unei sesizări
complaints-number-label = Numărul sesizării
complaints-lookup-submit = Verifică

## Vocabularul formularului: tipurile, gravitatea, canalul, textele libere.

complaints-kind-label = Tipul
complaints-kind-service = Serviciu (despre o programare)
complaints-kind-proposal = Propunere (despre o programare, de ex. anulare întârziată)
complaints-kind-product = Document sau produs
complaints-kind-technical = Problemă tehnică a site-ului
complaints-severity-label = Gravitate
complaints-severity-critical = Critică (24 h)
complaints-severity-high = Ridicată (48 h)
complaints-severity-normal = Normală (72 h)
complaints-severity-low = Scăzută (72 h)
complaints-channel-label = Canal preferat
complaints-channel-email = Email
complaints-channel-phone = Telefon
complaints-channel-chat = Chat
complaints-channel-letter = Scrisoare
complaints-description-label = Descrierea problemei
complaints-solution-idea-label = Ideea dumneavoastră de soluție (opțional)

## Stările unei sesizări, cum le vede cel care a depus-o.

complaints-state-received = Primită
complaints-state-acknowledged = Confirmată
complaints-state-in-progress = În lucru
complaints-state-escalated = Escaladată
complaints-state-resolved = Soluționată

## Faptele unei sesizări: pagina de primire, starea, confirmarea escaladării.

complaints-row-kind = Tip
complaints-row-state = Stare
complaints-row-level = Nivel
complaints-row-received = Primită
complaints-row-acknowledge-by = Confirmare până la
complaints-row-progress-by = Actualizare până la
complaints-row-resolve-by = Soluționare până la

complaints-received-title = Sesizare primită
complaints-received-description = Sesizarea a fost primită: numărul ei și termenele de răspuns.
complaints-received-keep = Păstrați numărul: cu el verificați starea sesizării.
# Butonul paginii de primire care duce la starea sesizării.
complaints-received-status-button = Starea sesizării

complaints-status-title = Starea sesizării
complaints-status-description = Starea unei sesizări: tipul, nivelul și termenele de confirmare și de soluționare.

# Linkul de escaladare din emailul cu decizia (C05): ce arată înainte de confirmare.
complaints-escalate-title = Escaladați sesizarea?
complaints-escalate-description = Escaladarea unei sesizări la nivelul superior, cu termene noi.
complaints-escalate-intro = Dacă nu sunteți mulțumit(ă) de decizie, sesizarea se redeschide la nivelul superior, cu termene noi.
complaints-escalate-submit = Escaladez sesizarea
complaints-escalated-title = Sesizare escaladată
complaints-escalated-text = Sesizarea a fost redeschisă la nivelul superior. Veți primi confirmarea și noile termene.
