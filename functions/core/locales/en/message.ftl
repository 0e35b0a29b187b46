## Messages: everything the office sends (emails, SMS, the .ics calendar file), in the
## citizen's language, the Romanian text below when that isn't Romanian. A line that
## ends with a colon is followed by a link or by a text staff wrote.

## A booking's messages.

message-greeting = Hello,
# The booker's name, shown as data in quotes: never as words the office says.
message-booked-by = Booked in the name of: “{ $name }”
message-confirmation-subject = Booking confirmation
message-confirmation-appointment = Your booking: { $service }, { $when } (Bucharest time).
message-confirmation-number = Reservation number: { $number }
message-confirmation-bring = At the counter, show the reservation number, the phone used to book, your identity card and the VIN or holder. The day before, you receive an email with the only cancellation link.
message-confirmation-sms = Booking { $service } { $when }. No. { $number }.
message-reminder-subject = Appointment reminder
message-reminder-appointment = A reminder of your appointment tomorrow: { $service }, { $when } (Bucharest time).
# Followed by the cancellation link.
message-reminder-cancel = If you cannot come, cancel here (cancelling is final):
message-reminder-sms = Reminder: { $service } { $when }. To cancel: the link in your email.
message-relocation-subject = Appointment moved
message-relocation-moved = The office had to close the time of your appointment. Your { $service } appointment has moved to { $when } (Bucharest time).
# Followed by the link that confirms or declines the new time.
message-relocation-answer = Confirm the new time or decline it (the booking is cancelled):
# Followed by the link that confirms or declines the new time.
message-relocation-sms = Your { $service } appointment moved to { $when }. Confirm:
message-office-cancelled-subject = Appointment cancelled by the office
message-office-cancelled-text = The office had to close the time of your appointment ({ $service }, { $when }) and no free time was left. The booking is cancelled; please book again. We apologise.
message-office-cancelled-sms = Your { $service } appointment { $when } was cancelled by the office; please book again.

## Where the appointment is (the location's name and address) and what the service
## asks the citizen to bring (the list follows, one item a line).

message-place = Where: { $place }.
message-bring-list = What to bring:

## The appointment as a calendar file (.ics): its title; its place is the location's
## name and address, its description repeats the confirmation's lines.

message-ics-summary = Appointment: { $service }

## A complaint's messages.

message-complaint-ack-subject = Complaint received
message-complaint-ack-received = We received your complaint of { $received }. Complaint number: { $number }
# Followed by the link to the complaint's status.
message-complaint-ack-answer = We will answer by { $resolve_by } at the latest. Its status:
message-complaint-ack-sms = Complaint received, no. { $number }. Answer by { $resolve_by }.
message-complaint-escalated-subject = Complaint escalated (level { $level })
message-complaint-escalated-text = Your complaint of { $received } has been reopened at level { $level }. We will answer by { $resolve_by } at the latest.
message-complaint-escalated-sms = Complaint of { $received } escalated (level { $level }); answer by { $resolve_by }.
message-complaint-progress-subject = Complaint progress
# Followed by the update staff wrote.
message-complaint-progress-intro = Progress on your complaint of { $received }:
# In the second language's part, when the update staff wrote is in the first's.
message-complaint-progress-above = Progress on your complaint of { $received } (text above, in the office's words).
message-complaint-progress-sms = Complaint of { $received }: progress sent by email.
message-complaint-decision-subject = Complaint decision
# Followed by the decision staff wrote.
message-complaint-decision-intro = The decision on your complaint of { $received }:
# In the second language's part, when the decision is in the first's.
message-complaint-decision-above = The decision on your complaint of { $received } is above, in the office's words.
# Followed by the escalation link.
message-complaint-decision-escalate = If you are not satisfied, you can escalate it to the next level:
# Followed by the escalation link.
message-complaint-decision-sms = Your complaint of { $received } is decided. Decision and escalation:
message-complaint-new-timeline-subject = New timeline for your complaint
# Followed by the explanation staff wrote.
message-complaint-new-timeline-intro = We could not resolve your complaint of { $received } in time. The explanation:
message-complaint-new-timeline-until = New timeline: { $until }.
# In the second language's part, when the explanation is in the first's.
message-complaint-new-timeline-above = We could not resolve your complaint of { $received } in time; the explanation is above. New timeline: { $until }.
message-complaint-new-timeline-sms = Complaint of { $received }: new timeline { $until }, details by email.
message-complaint-holding-subject = Your complaint is still being handled
message-complaint-holding-text = We could not resolve your complaint of { $received } within 30 business days. We will write soon with the explanation and a new timeline.
message-complaint-holding-sms = Complaint of { $received } still in progress; a new timeline follows.
# To staff: a complaint's deadline is near or past ($flag names which, in code words).
message-complaint-sla-subject = Complaint SLA #{ $id }: { $flag }
message-complaint-sla-text = Complaint #{ $id } ({ $kind }): { $flag }, due { $due }.

## A digital order's messages. $document is the document's name, $ordered when it was
## ordered.

message-order-confirmation-subject = Order confirmation
message-order-confirmation-received = We received your order of { $ordered } ({ $document }). Order number: { $number }
message-order-confirmation-fee = Fee: { $fee }. Pay by card on the order's page by { $pay_by }; after that the order expires. Processing starts once the payment is confirmed.
# Followed by the link to the order's page.
message-order-confirmation-page = The order's page (payment, status, download):
message-order-confirmation-keep = Keep the order number: it is the only way to reach the order.
message-order-paid-subject = Payment confirmed
message-order-paid-text = We received the payment of { $fee } for your order of { $ordered } ({ $document }). The document is issued by { $due } at the latest.
message-order-progress-subject = Order progress
# Followed by the update staff wrote.
message-order-progress-intro = About your order of { $ordered } ({ $document }):
message-order-info-subject = Information needed
# Followed by the question staff wrote.
message-order-info-intro = For your order of { $ordered } ({ $document }) we need:
# Followed by the link where the requester answers.
message-order-info-answer = Answer here:
message-order-rejected-subject = Order rejected
# Followed by the reason staff wrote.
message-order-rejected-intro = We cannot issue the document for your order of { $ordered } ({ $document }). The reason:
message-order-rejected-refund = The fee paid is refunded to the card used.
message-order-delivery-subject = Your document is ready
message-order-delivery-issued = The document for your order of { $ordered } ({ $document }) has been issued.
# Followed by the download link.
message-order-delivery-download = Download it here until { $until }:
message-order-delivery-spam = If you miss this email, check your spam folder too.
message-order-expired-subject = Order expired
message-order-expired-text = We did not receive the payment for your order of { $ordered } ({ $document }) in time; the order has expired. You may place a new order.
# To staff: an order past its deadline ($state in code words); followed by its link.
message-order-overdue-subject = Order overdue
message-order-overdue-text = Order #{ $id } ({ $state }) was due by { $due }:
# Issue 22: the turn-near message ($ahead, from message-turn-near-ahead, says how many are ahead of $code in $service's queue at $location).
message-turn-near-subject = Your turn is near
message-turn-near-ahead = { PLURAL($count) ->
    [one] one person is ahead of you
   *[other] { $count } people are ahead of you
}
message-turn-near-text = Ticket { $code } ({ $service }, { $location }): { $ahead }. Please stay near the windows and watch the screen.
message-turn-near-sms = { $code }: your turn is near, { $ahead }. Watch the screen.
