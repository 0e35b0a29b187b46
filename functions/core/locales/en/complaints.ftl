## Complaints (C01–C05, T01): the form, the complaint received, its status and escalation.

# The form page's title and description (meta description).
complaints-form-title = Complaints, proposals and technical problems
complaints-form-description = File a complaint or a proposal, or report a technical problem with the site; check a complaint's status by its number.
complaints-form-intro = We acknowledge within 7 business days and answer within 30. Never enter your personal numeric code (CNP).
complaints-form-reservation-label = Reservation number (required for service and proposal)
complaints-form-order-label = Digital order number (instead of the reservation, if it is about an order)
complaints-form-serial-label = Serial number (optional)
complaints-form-email-label = Email
complaints-form-phone-label = Phone
# The box with the severity and the preferred channel.
complaints-form-technical-legend = Technical problems only
complaints-form-challenge-noscript = The anti-bot check needs JavaScript; without it the complaint will be refused.
complaints-form-submit = Send the complaint
# Below the form: the lookup by complaint number.
complaints-lookup-heading = A complaint's status
complaints-number-label = Complaint number
complaints-lookup-submit = Check

## The form's vocabulary: kinds, severities, channels, free texts.

complaints-kind-label = Kind
complaints-kind-service = Service (about a booking)
complaints-kind-proposal = Proposal (about a booking, e.g. a late cancellation)
complaints-kind-product = Document or product
complaints-kind-technical = Technical problem with the site
complaints-severity-label = Severity
complaints-severity-critical = Critical (24 h)
complaints-severity-high = High (48 h)
complaints-severity-normal = Normal (72 h)
complaints-severity-low = Low (72 h)
complaints-channel-label = Preferred channel
complaints-channel-email = Email
complaints-channel-phone = Phone
complaints-channel-chat = Chat
complaints-channel-letter = Letter
complaints-description-label = Description of the problem
complaints-solution-idea-label = Your idea of a solution (optional)

## A complaint's states, as the person who filed it reads them.

complaints-state-received = Received
complaints-state-acknowledged = Acknowledged
complaints-state-in-progress = In progress
complaints-state-escalated = Escalated
complaints-state-resolved = Resolved

## A complaint's facts: the received page, the status, the escalation's confirmation.

complaints-row-kind = Kind
complaints-row-state = State
complaints-row-level = Level
complaints-row-received = Received
complaints-row-acknowledge-by = Acknowledgement by
complaints-row-progress-by = Progress update by
complaints-row-resolve-by = Resolution by

complaints-received-title = Complaint received
complaints-received-description = The complaint has been received: its number and the deadlines for the answer.
complaints-received-keep = Keep the number: it is how you check the complaint's status.
# The received page's button that leads to the complaint's status.
complaints-received-status-button = The complaint's status

complaints-status-title = Complaint status
complaints-status-description = A complaint's status: its kind, level and the deadlines for acknowledgement and resolution.

# The escalation link of the decision's email (C05): what it shows before confirming.
complaints-escalate-title = Escalate this complaint?
complaints-escalate-description = Escalating a complaint one level up, with new deadlines.
complaints-escalate-intro = If you are not satisfied with the decision, the complaint reopens one level up, with new deadlines.
complaints-escalate-submit = Escalate the complaint
complaints-escalated-title = Complaint escalated
complaints-escalated-text = The complaint has been reopened one level up. You will receive the acknowledgement and the new deadlines.
