## Ami minden ügyféloldalon közös: a fejléc, az alapértelmezett leírás, a hibaoldal,
## az elutasított űrlap összesítője, a hivatkozások oldalai és a robotok elleni ellenőrzés.

# A fejléc hivatkozásai (minden oldalon, a statikus oldalakon is).
common-nav-status = Foglalás ellenőrzése
common-nav-orders = Elektronikus dokumentumok
common-nav-complaints = Panaszok
common-nav-transparency = Átláthatóság
# Az oldal <meta name="description"> leírása, ha az oldalnak nincs sajátja.
common-description = Online időpontfoglalás az ügyfélablakhoz útlevél, vezetői engedély és járműnyilvántartásba vétel ügyében; elektronikus dokumentumok és panaszok.
common-home = Főoldal

# Az elutasított kérés oldala, ha az űrlap nem mutatható újra.
common-error-title = A kérést nem sikerült teljesíteni
common-error-back = Az adatok javításához használja a böngésző Vissza gombját.
# Az elutasított űrlap hibaösszesítőjének címe.
common-form-check = Kérjük, ellenőrizze az űrlapot

# Ismeretlen, már felhasznált vagy lejárt hivatkozás (lemondás, áthelyezés, továbbítás…).
common-link-invalid-title = Érvénytelen hivatkozás
common-link-invalid-text = Ez a hivatkozás már nem használható.

# A robotok elleni ellenőrzés állapota az űrlap gombja mellett (altcha.js).
common-altcha-running = A robotok elleni ellenőrzés folyamatban…
common-altcha-done = A robotok elleni ellenőrzés befejeződött.
common-altcha-failed = A robotok elleni ellenőrzés nem sikerült; kérjük, töltse újra az oldalt.
