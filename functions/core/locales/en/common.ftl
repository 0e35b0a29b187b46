## What every citizen page shares: the header, the default description, the error page,
## a refused form's summary, the link pages and the anti-bot check's progress.

# The header's links (every page, the static pages too).
common-nav-status = Check a booking
common-nav-orders = Digital documents
common-nav-complaints = Complaints
common-nav-transparency = Transparency
# A page's <meta name="description"> when the page has none of its own.
common-description = Online bookings at the counter for passports, driving licences and vehicle registrations; digital documents and complaints.
common-home = Home

# The page a refused request shows when it can't show its form again.
common-error-title = The request could not be completed
common-error-back = Use your browser's Back button to correct the form.
# The heading of a refused form's error summary.
common-form-check = Check the form

# A link (cancellation, relocation, escalation…) that is unknown, used or expired.
common-link-invalid-title = Link not valid
common-link-invalid-text = This link can no longer be used.

# The anti-bot check's progress next to a form's button (altcha.js).
common-altcha-running = Running the anti-bot check…
common-altcha-done = Anti-bot check done.
common-altcha-failed = The anti-bot check failed; reload the page.
