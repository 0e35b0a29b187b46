## The static pages (static/*.html): the home page, where a service is chosen; the
## booking status page; the page for an address that doesn't exist.

home-title = Programare online
home-description = Programați-vă online la ghișeu pentru pașapoarte, permise de conducere și înmatriculări: alegeți serviciul, ziua și ora.
home-heading = Programare online la ghișeu
home-intro = Jumătate din locuri se rezervă online, jumătate se oferă la sediu prin bon de ordine.
home-service-label = Serviciul
home-location-label = Sediul
home-location-any = Oricare sediu care oferă serviciul
home-choose-day = Alegeți ziua
home-how = Vedeți zilele cu locuri libere, apoi orele unei zile.
home-rules-heading = Reguli
home-rule-name = Scrieți numele exact ca în actul de identitate, fără MAJUSCULE.
home-rule-no-cnp = Nu introduceți CNP-ul nicăieri pe acest site.
home-rule-one-booking = O programare pentru fiecare cerere. Aceeași serie de șasiu sau același titular folosit de două ori anulează toate programările lor.
home-rule-no-show = Neprezentarea blochează programările online 30 de zile.

# The status page (its title is booking-status-title).
home-status-description = Verificați starea unei programări după numărul rezervării.
home-status-number-label = Numărul rezervării
home-status-check = Verifică
# Shown by the page's script when the answer carries no message of its own.
home-status-error = Eroare.

home-not-found-title = Pagina nu există
