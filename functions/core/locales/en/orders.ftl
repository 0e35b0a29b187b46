## Digital documents (D01–D04): the catalog, ordering, paying, the status, the office's questions.

# A fee; $amount is in lei, with two decimals ("RON 25.00").
orders-fee = RON { $amount }

# The catalog: title, the page's description (meta description), the table.
orders-catalog-title = Digital documents
orders-catalog-description = Documents issued digitally: fees, deadlines and ordering online, paid by card; an order's status by its number.
orders-catalog-intro = Documents issued digitally: order, pay by card and download the document from the delivery email.
orders-catalog-document = Document
orders-catalog-fee = Fee
orders-catalog-deadline = Issued within
# The head of the column with the "Order" links (visually hidden).
orders-catalog-action = Action
# How long the office has to issue a document.
orders-catalog-days = { PLURAL($count) ->
    [one] { $count } business day
   *[other] { $count } business days
}
orders-catalog-order = Order
# Followed by the act the fees come from.
orders-catalog-tariff-source = Fees:
orders-lookup-heading = An order's status
orders-number-label = Order number
orders-lookup-submit = Check

## One document's order form.

orders-form-description = Order online: { $document }. Paid by card, delivered by email.
# Followed by the fee.
orders-form-fee = Fee:
orders-form-no-cnp = Do not enter a personal numeric code (CNP) anywhere.
orders-form-name-label = Name, as on the identity card
orders-form-email-label = Email (the document is delivered here)
orders-form-phone-label = Phone (optional)
orders-detail-vin = Vehicle identification number (VIN)
orders-detail-plate = Registration plate
orders-detail-holder = Holder
orders-form-consent = I have read the terms: payment is online, processing starts once paid, the document is delivered by email.
orders-form-challenge-noscript = The anti-bot check needs JavaScript; without it the order will be refused.
orders-form-submit = Place the order

## The order placed: its number, shown once, and paying.

orders-placed-title = Order placed
orders-placed-description = The order has been placed: its number and paying by card.
orders-placed-number = Your order number:
orders-placed-keep = Keep this number: with it you pay, follow the order and download the document. It is also sent to you by email.
orders-pay-button = Pay by card
orders-placed-order-page = The order's page
orders-placed-already = This order was already placed; its number was sent to you by email.

## An order's facts (the placed page and the status page).

orders-row-document = Document
orders-row-requester = Requester
orders-row-fee = Fee
orders-row-state = State
orders-row-placed = Placed
orders-row-pay-by = Pay by
orders-row-due-by = Issued by
orders-row-download-until = Download until

## An order's states, as the requester reads them.

orders-state-received = Received, awaiting payment
orders-state-paid = Paid
orders-state-processing = Processing
orders-state-info-requested = Waiting for your information
orders-state-reopened = Reopened at your request
orders-state-issued = Issued
orders-state-delivered = Delivered
orders-state-rejected = Rejected
orders-state-expired = Expired
orders-state-cancelled = Cancelled

## The status page: the history, the download, the requester's actions.

orders-status-title = Order status
orders-status-description = A digital document order's status: its history, the payment and the document's download.
orders-status-history = History
orders-status-when = When
orders-status-what = What
orders-status-details = Details
orders-status-download = Download the document (PDF)
orders-status-link-expired = The download link has expired.
orders-status-new-link = Email me a new download link
orders-status-problem-heading = A problem with the document?
orders-status-problem-label = What is wrong
orders-status-problem-submit = Report the problem
orders-status-cancel = Cancel the unpaid order
orders-status-complaint-link = File a complaint about this order (with its number)
# What the status page says after one of the requester's actions.
orders-status-done-cancelled = The order has been cancelled.
orders-status-done-problem = The problem has been passed on; the order is reopened.
orders-status-done-link = A new download link has been emailed to you.

# A history line: what happened.
orders-event-received = Order received
orders-event-paid = Payment confirmed
orders-event-processing = Processing started
orders-event-progress = Update
orders-event-info-requested = Information requested
orders-event-info-received = Information received
orders-event-problem-reported = Problem reported
orders-event-issued = Document issued
orders-event-delivered = Delivery email sent
orders-event-rejected = Order rejected
orders-event-refunded = Fee refunded
orders-event-expired = Order expired
orders-event-cancelled = Order cancelled

## The link of the office's question (D04), and the answer.

orders-info-title = Information for your order
orders-info-description = The office needs information to go on processing your order.
orders-info-intro = To go on processing your order we need:
orders-info-answer-label = Your answer (no CNP)
orders-info-submit = Send the answer
orders-answered-title = Answer sent
orders-answered-text = Thank you; the order is back in processing.

## Back from the payment provider.

orders-return-cancelled-title = Payment not made
orders-return-cancelled-text = The payment was not made. You can try again from the order's page before the payment deadline.
orders-return-sent-title = Payment sent
orders-return-sent-text = Thank you. The payment confirmation is emailed to you as soon as the payment provider tells us; the order's page shows its state.
