## Back office (/staff): the frame, the navigation and every staff page.

# The frame around every back-office page.
staff-meta-description = The ghiseu back office: bookings, complaints, digital orders and the office's numbers, for staff.
# The brand in the header: "ghiseu · back office".
staff-brand = back office
staff-skip-to-content = Skip to content
# The navigation's accessible name.
staff-nav-label = Sections
staff-log-out = Log out

# The navigation; the same texts title the pages they lead to.
staff-nav-counter = Today at the counter
staff-nav-complaints = Complaints desk
staff-nav-orders = Digital orders
staff-nav-closures = Closures and relocations
staff-nav-setup = Locations and services
staff-nav-exemptions = Exemptions
staff-nav-messages = Failed messages
staff-nav-audit = Audit trail
staff-nav-stats = The office's numbers
staff-nav-accounts = Accounts
staff-nav-access = Access requests

# What the page after an action says it did.
staff-done-no-show = Marked as a no-show.
staff-done-fictitious = Marked as fictitious; the person's bookings were cancelled.
staff-done-step = Step recorded.
staff-done-exemption = Exemption granted.
staff-done-revoked = Exemption revoked.
staff-done-retried = The message will be sent again.
staff-done-issued = Document issued; the delivery email is queued.
staff-done-refunded = Refund made.
staff-done-account-created = Account created.
staff-done-account-changed = Account changed.
staff-done-password-reset = Password reset.
staff-done-setup-saved = Setup saved.
staff-done-setup-moved = Setup saved; the bookings outside the new hours were moved and their bookers told.

# Words several pages share: form fields, column headings, links.
staff-field-day = Day
staff-field-location = Location
staff-field-from = From
staff-field-until = To
staff-field-phone = Phone
staff-field-email = Email
staff-field-reason = Reason
staff-column-service = Service
staff-column-name = Name
staff-column-to = To
staff-column-state = State
staff-column-kind = Kind
staff-column-level = Level
staff-column-flags = Flags
staff-column-when = When
staff-column-what = What
staff-column-who = Who
staff-column-text = Text
staff-show = Show
staff-back = Back
staff-back-to-queue = Back to the queue
staff-cancel = Cancel
staff-steps = Steps
staff-send-update = Send the update
staff-filters = Filters

# A refused action, on a page of its own.
staff-error-title = The action was not done

# The login page.
staff-login-title = Staff login
staff-login-password = Password
staff-login-submit = Log in

# Today at the counter.
staff-counter-title = At the counter
staff-counter-check-in-heading = Check-in
staff-counter-reservation-number = Reservation number
staff-counter-proof = VIN or holder
staff-counter-check-in = Check in
staff-counter-closed = Closed on this day.
staff-counter-time = Time
staff-counter-online = Online
staff-counter-walk-in = Walk-in
staff-counter-expected = Expected
# The button that prints a walk-in ticket, and the ticket's accessible name.
staff-counter-ticket = Ticket
staff-counter-move-unconfirmed = move unconfirmed
staff-counter-no-show = No-show
staff-counter-fictitious = Fictitious
staff-ticket-title = Queue ticket
staff-ticket-back = Back to the counter
# The confirmation before marking a no-show; the booking's name and time come first.
staff-no-show-title = No-show?
staff-no-show-question = The booking is marked as a no-show, and its phone and email may not book online for 30 days.
staff-no-show-button = Mark as no-show
# The confirmation before marking fictitious data.
staff-fictitious-title = Fictitious data?
staff-fictitious-question = The booking is marked as fictitious: all the person's active bookings are cancelled, and its phone and email may not book online for 180 days.
staff-fictitious-button = Mark as fictitious

# The complaints desk.
staff-complaints-filter-open = Open
staff-complaints-filter-due-soon = Due soon
staff-complaints-filter-overdue = Overdue
staff-complaints-filter-escalated = Escalated
staff-complaints-filter-all = All
staff-complaints-none = No complaints.
staff-complaints-next-deadline = Next deadline
staff-complaint-title = Complaint #{ $id }
staff-complaint-received = Received
staff-complaint-acknowledge-by = Acknowledge by
staff-complaint-progress-by = Progress update by
staff-complaint-resolve-by = Resolve by
staff-complaint-description = Description
staff-complaint-solution-idea = Suggested solution
staff-complaint-order = Digital order
staff-complaint-events = Event log
staff-complaint-acknowledge = Acknowledge
staff-complaint-progress-label = Progress update to the complainant
staff-complaint-new-deadline = New deadline
staff-complaint-explanation = Explanation
staff-complaint-set-timeline = Set the new timeline
staff-complaint-decision = The decision, explained in writing
staff-complaint-resolve = Resolve
staff-complaint-exemption-heading = Exemption (R16)
staff-complaint-grant-exemption = Grant the exemption

# The digital orders desk.
staff-orders-placed = Placed
staff-orders-overdue = overdue
staff-orders-none = No orders.
staff-order-title = Order #{ $id }
staff-order-document = Document
staff-order-due = Due
staff-order-taken-by = Taken by
staff-order-requester = Requester
staff-order-fee = Fee
staff-order-paid = Paid
staff-order-refund = Refund
staff-order-issued-document = Issued document
# The issued PDF: its name, size in bytes and checksum.
staff-order-issued-file = { $file } · { $bytes } B · SHA-256 { $sha256 }
staff-order-history = History
staff-order-take = Take the order
staff-order-progress-label = Progress update to the requester
staff-order-question-label = What information is missing
staff-order-ask = Ask the requester
staff-order-document-label = The issued document (PDF, at most 10 MiB)
staff-order-issue = Issue and deliver
staff-order-reject-label = Reason for rejecting (sent to the requester; the fee is refunded)
staff-order-reject = Reject
staff-order-refund-now = Refund now

# Closures and relocations.
staff-closures-close-heading = Close a window
staff-closures-preview = Preview
staff-closures-unconfirmed-heading = Unconfirmed relocations
staff-closures-none = None.
staff-closures-notified = Notified
staff-closures-confirm-title = Close this window?
# After the service, day and times of the window.
staff-closures-confirm-question = { PLURAL($count) ->
    [one] { $count } booking will move to the nearest free time, and its booker be told.
   *[other] { $count } bookings will move to the nearest free time, and their bookers be told.
}
staff-closures-confirm-button = Close the window
staff-closures-done-title = Window closed
staff-closures-cancelled-no-seat = cancelled: no free seat

# Exemptions.
staff-exemptions-none = No exemptions.
staff-exemptions-vin-holder = VIN / holder
staff-exemptions-granted-by = Granted by
staff-exemptions-revoke = Revoke

# Failed messages.
staff-messages-none = No failed messages.
staff-messages-channel = Channel
staff-messages-attempts = Attempts
staff-messages-last-error = Last error
staff-messages-retry = Send again

# The audit trail.
staff-audit-subject = Subject
staff-audit-staff = Staff
staff-audit-search = Search
staff-audit-none = No entries.
staff-audit-action = Action
staff-audit-change = Change
staff-audit-detail = Detail

# Staff accounts.
# A staff account's role: beside its name in the header, and on the accounts page.
staff-role-counter = counter
staff-role-complaints = complaints
staff-role-orders = orders
staff-role-supervisor = supervisor
staff-accounts-account = Account
staff-accounts-role = Role
staff-accounts-actions = Actions
staff-accounts-disabled = disabled
staff-accounts-active = active
staff-accounts-enable = Enable
staff-accounts-disable = Disable
staff-accounts-new-password = New password
staff-accounts-reset-password = Reset the password
staff-accounts-every-location = Every location
staff-accounts-set-location = Change the location
staff-accounts-new = New account
staff-accounts-name = Account name
staff-accounts-first-password = First password (at least 12 characters)
staff-accounts-create = Create the account

# Access requests (GDPR art. 15).
staff-access-intro = The export holds everything the office keeps about this phone and/or email: bookings, complaints, orders, messages and bans. The request is written to the audit trail (without the contact details).
# Followed by the four retention times below, in one paragraph.
staff-access-retention = Personal data is erased automatically:
staff-access-retention-bookings = { PLURAL($count) ->
    [one] bookings { $count } day after the appointment;
   *[other] bookings { $count } days after the appointment;
}
staff-access-retention-complaints = { PLURAL($count) ->
    [one] complaints { $count } day after resolution;
   *[other] complaints { $count } days after resolution;
}
staff-access-retention-orders = { PLURAL($count) ->
    [one] orders { $count } day after closing;
   *[other] orders { $count } days after closing;
}
staff-access-retention-messages = { PLURAL($count) ->
    [one] messages' recipients { $count } day after sending.
   *[other] messages' recipients { $count } days after sending.
}
staff-access-download = Download the export (JSON)

## The office's setup (issue 24): locations, services, weekly hours, special days.

staff-setup-version = Version { $version }
staff-setup-history = History of changes
staff-setup-locations = Locations
staff-setup-services = Services
staff-setup-name = Name
staff-setup-address = Address
staff-setup-counters = Counters
staff-setup-counters-hint = How many counters each service has at this location; 0 means it is not given here. Half (or the service's share) is booked online.
staff-setup-new-location = New location
staff-setup-new-service = New service
staff-setup-code = Code
staff-setup-code-hint = Lower-case letters, digits and hyphens; it stays once there are bookings.
staff-setup-name-ro = Name in Romanian
staff-setup-name-en = Name in English
staff-setup-name-hu = Name in Hungarian
staff-setup-add-location = Add the location
staff-setup-add-service = Add the service
staff-setup-proof = Proof asked for
staff-setup-proof-holder = The holder (passport, licence)
staff-setup-proof-vin = The VIN
staff-setup-proof-none = No proof
staff-setup-slot-minutes = Length of an appointment (minutes)
staff-setup-slot-hint = Bookings already made keep their time and length.
staff-setup-online-percent = Online share (%)
staff-setup-retired = Retired
staff-setup-retire = The service takes no new bookings (the standing ones stay)
staff-setup-bring-ro = What to bring (Romanian)
staff-setup-bring-en = What to bring (English)
staff-setup-bring-hu = What to bring (Hungarian)
staff-setup-bring-hint = One document a line; the English and Hungarian lines pair up, in order, with the Romanian ones.
staff-setup-location-title = Location: { $name }
staff-setup-service-title = Service: { $name }
staff-setup-location-details = Contact details
staff-setup-directions-ro = How to get there (Romanian)
staff-setup-directions-en = How to get there (English)
staff-setup-directions-hu = How to get there (Hungarian)
staff-setup-email = Email
staff-setup-week = Weekly hours
staff-setup-week-hint = For each day, the opening intervals, e.g. 08:30-12:00, 13:00-16:30; an empty day is closed.
staff-setup-hours-from = In force from
staff-setup-upcoming = Hours starting later:
staff-setup-own-hours = Own hours: { $service }
staff-setup-own-hours-hint = A service keeping other hours than the location: its days and intervals, e.g. mon 08:30-12:00; fri 08:30-11:00 (a day left out is closed for it); empty: the location's hours.
staff-setup-hours = Hours
staff-setup-save = Save
staff-setup-special-days = Special days
staff-setup-no-special-days = No special day.
staff-setup-new-special-day = New special day
staff-setup-special-hint = The day's hours (e.g. an open Saturday); empty means the location is closed that day.
staff-setup-add-special-day = Add the day
staff-setup-closed = Closed
staff-setup-remove = Remove
staff-setup-preview-title = Bookings outside the new hours
staff-setup-preview-question = { PLURAL($count) ->
    [one] One booking would be left outside the new hours.
   *[other] { $count } bookings would be left outside the new hours.
}
staff-setup-preview-move = Save and move the bookings (their bookers get a link to confirm)
staff-setup-preview-later = Start the new hours after the last of them

## Issue 22: the counter floor (the clerk's window, receipts, walk-in tickets)
staff-nav-floor = My window
staff-floor-title = My window
staff-floor-at-window = Window { $window }
staff-floor-sit-heading = Choose your window
staff-floor-window = Window number
staff-floor-services = The services you call
staff-floor-sit = Take the window
staff-floor-paused = paused
staff-floor-current = Called now:
staff-floor-served = Served
staff-floor-recall = Call again
staff-floor-absent = Absent
staff-floor-transfer-to = Transfer to
staff-floor-transfer = Transfer
staff-floor-nobody = Nobody is called.
staff-floor-call-next = Call next
staff-floor-pause = Pause
staff-floor-resume = Resume
staff-floor-leave = Leave the window
staff-floor-keys = Keys: N call next, R call again, S served, A absent.
staff-floor-queue-heading = Waiting
staff-floor-queue-empty = Nobody is waiting.
staff-floor-code = Ticket
staff-floor-due = Slot
staff-floor-arrived = Arrived
staff-floor-today-heading = Today's waits (minutes)
staff-floor-col-service = Service
staff-floor-col-waiting = Waiting
staff-floor-col-served = Served
staff-floor-col-absent = Absent
staff-floor-col-median-wait = Median wait
staff-floor-col-longest-wait = Longest wait
staff-floor-col-median-service = Median time at the window
staff-floor-display-link = The waiting-room display
staff-done-seated = You are at the window.
staff-done-called = The next person was called.
staff-done-recalled = They were called again.
staff-done-served = Marked served.
staff-done-absent = Marked absent.
staff-done-transferred = They now wait for the other service.
staff-done-paused = The window is paused.
staff-done-resumed = The window calls again.
staff-done-left = You left the window.
staff-counter-notify = Message when their turn is near (to the booking's phone)
staff-counter-walk-in-heading = Walk-in ticket
staff-counter-walk-in-phone = Phone for the "turn is near" message (optional)
staff-counter-walk-in-email = Email for the same message (optional)
staff-counter-walk-in-lang = Language of the message
staff-counter-next-ticket = Ticket for the first free slot
staff-receipt-title = Check-in receipt
staff-ticket-follow = Follow your turn:
staff-ticket-qr = QR code to your ticket
