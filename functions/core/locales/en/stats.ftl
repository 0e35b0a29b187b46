## The office's numbers (/staff/stats): the page, each figure's title and meaning, and the columns of its table and CSV.

# The page's own texts (the figures' headings follow).
stats-figures = Figures
stats-download-csv = Download CSV
# Under a chart that draws only the first rows: how many rows it leaves out.
stats-chart-left-out = The chart shows the first rows; the table has them all (+{ $count }).
stats-nothing = Nothing in this period.
# A number in a figure's table, written the language's way (grouping, decimal mark).
stats-number = { $value }

# Figures: a title, and what the figure means (a paragraph under the title).
stats-bookings-title = Bookings per day and service
stats-bookings-about = Online bookings not cancelled against the online seats (half the capacity, R01), and walk-in tickets against the walk-in seats.
stats-outcomes-title = What became of the bookings
stats-outcomes-about = Bookings whose time fell in the period, by outcome: attended, no-show (R12), cancelled by the booker (R14), as duplicates (R06, R07), by the office (closure, a declined move, R18) or for fictitious data; the people banned in the period (R12, R13).
stats-fill-speed-title = How fast the days filled
stats-fill-speed-about = Minutes from the moment a day opened for online booking to the booking that took its last online seat (bookings cancelled later count too); empty: the day never filled.
stats-complaints-title = Complaints: deadlines kept
stats-complaints-about = Complaints received in the period, by kind, judged on their first answer: acknowledged by C02's deadline (7 business days), resolved by C04's (30 business days, which a new timeline does not move) or after it, those open now with a deadline missed (as the desk lists them), those escalated (C05), and the share resolved in time of those resolved or past C04's deadline.
stats-tickets-title = Technical problems: time to resolve
stats-tickets-about = Technical problems received in the period, by severity: those resolved (the first resolution), those resolved within T02's time (24 h critical, 48 h high, 72 h normal or low), the median hours from receipt to resolution, and those unresolved now.
stats-orders-title = Digital document orders
stats-orders-about = Orders placed in the period, per document type, by where they got to: paid, issued (delivered included), delivered, rejected, expired unpaid, cancelled; refunds owed and made; the fees of the paid orders (refunds not subtracted); the median hours from payment to the first issue; issued before the D04 deadline they stand under (the one set at payment or, after a reopening, the new one).
stats-messages-title = Messages sent
stats-messages-about = Messages queued in the period, per channel: sent (of which after at least one failed try), skipped (no longer needed when their turn came), failed for good, still waiting; the failed among those whose fate is settled.

# Column headings, in the table and the CSV.
stats-column-day = Day
stats-column-service = Service
stats-column-online-bookings = Online bookings
stats-column-online-seats = Online seats
stats-column-online-utilisation = Online utilisation %
stats-column-walk-in-tickets = Walk-in tickets
stats-column-walk-in-seats = Walk-in seats
stats-column-walk-in-utilisation = Walk-in utilisation %
stats-column-bookings = Bookings
stats-column-attended = Attended
stats-column-no-shows = No-shows
stats-column-cancelled-by-booker = Cancelled by the booker
stats-column-cancelled-as-duplicates = Cancelled as duplicates
stats-column-cancelled-by-office = Cancelled by the office
stats-column-cancelled-fictitious = Cancelled: fictitious data
stats-column-no-show-share = No-show share %
stats-column-people-banned = People banned
stats-column-opened-at = Opened at
stats-column-minutes-to-full = Minutes to full
stats-column-kind = Kind
stats-column-received = Received
stats-column-acknowledged-in-time = Acknowledged in time (C02)
stats-column-resolved-in-time-c04 = Resolved in time (C04)
stats-column-resolved-late = Resolved late
stats-column-overdue-now = Open, overdue now
stats-column-escalated = Escalated (C05)
stats-column-resolved-in-time-share = Resolved in time %
stats-column-severity = Severity
stats-column-resolved = Resolved
stats-column-resolved-in-time-t02 = Resolved in time (T02)
stats-column-median-hours-to-resolve = Median hours to resolve
stats-column-open-now = Open now
stats-column-document = Document
stats-column-placed = Placed
stats-column-paid = Paid
stats-column-issued = Issued
stats-column-delivered = Delivered
stats-column-rejected = Rejected
stats-column-expired-unpaid = Expired unpaid
stats-column-cancelled = Cancelled
stats-column-refunds-owed = Refunds owed
stats-column-refunds-made = Refunds made
stats-column-fees-collected = Fees collected (lei)
stats-column-hours-to-issue = Hours from payment to issue (median)
stats-column-issued-on-time = Issued on time
stats-column-issued-on-time-share = Issued on time %
stats-column-channel = Channel
stats-column-queued = Queued
stats-column-sent = Sent
stats-column-sent-after-retry = Sent after a retry
stats-column-skipped = Skipped
stats-column-failed = Failed
stats-column-waiting = Still waiting
stats-column-failed-share = Failed %
