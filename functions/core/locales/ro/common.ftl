## What every citizen page shares: the header, the default description, the error page,
## a refused form's summary, the link pages and the anti-bot check's progress.

# The header's links (every page, the static pages too).
common-nav-status = Verifică programarea
common-nav-orders = Documente digitale
common-nav-complaints = Sesizări
common-nav-transparency = Transparență
# A page's <meta name="description"> when the page has none of its own.
common-description = Programări online la ghișeu pentru pașapoarte, permise de conducere și înmatriculări; documente digitale și sesizări.
common-home = Pagina principală

# The page a refused request shows when it can't show its form again.
common-error-title = Cererea nu a putut fi înregistrată
common-error-back = Folosiți butonul Înapoi al browserului pentru a corecta datele.
# The heading of a refused form's error summary.
common-form-check = Verificați formularul

# A link (cancellation, relocation, escalation…) that is unknown, used or expired.
common-link-invalid-title = Link nevalid
common-link-invalid-text = Acest link nu mai poate fi folosit.

# The anti-bot check's progress next to a form's button (altcha.js).
common-altcha-running = Se face verificarea anti-robot…
common-altcha-done = Verificarea anti-robot s-a încheiat.
common-altcha-failed = Verificarea anti-robot a eșuat; reîncărcați pagina.
