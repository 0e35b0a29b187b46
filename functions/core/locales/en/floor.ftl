# Issue 22: the waiting-room display and the citizen's live ticket.
floor-display-title = Calls to the windows
floor-display-ticket = Ticket
floor-display-window = Window
floor-display-empty = No calls yet.
floor-display-sound = Turn the sound on
floor-ticket-title = Ticket { $code }
floor-ticket-ahead = { PLURAL($count) ->
    [one] One person is ahead of you.
   *[other] { $count } people are ahead of you.
}
floor-ticket-next = You are next.
floor-ticket-estimate = Estimated wait: { $low }–{ $high } minutes (an estimate, not a promise).
floor-ticket-no-estimate = No window is calling for this service now; the estimate appears when one opens.
floor-ticket-called = Please go to window { $window }.
floor-ticket-served = You have been served. Thank you!
floor-ticket-absent = You did not come when called; the ticket is no longer valid.
floor-ticket-over = The ticket was for another day and is no longer valid.
floor-ticket-refresh = Refresh
