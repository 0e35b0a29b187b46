## Messages: everything the office sends (emails, SMS, the .ics calendar file), in the
## citizen's language, the Romanian text below when that isn't Romanian. A line that
## ends with a colon is followed by a link or by a text staff wrote.

## A booking's messages.

message-greeting = Bună ziua,
# The booker's name, shown as data in quotes: never as words the office says.
message-booked-by = Programare pe numele: „{ $name }”
message-confirmation-subject = Confirmare programare
message-confirmation-appointment = Programarea dumneavoastră: { $service }, { $when }.
message-confirmation-number = Numărul rezervării: { $number }
message-confirmation-bring = Prezentați la ghișeu numărul rezervării, telefonul folosit la programare, actul de identitate și seria de șasiu sau titularul. Cu o zi înainte primiți un email cu singurul link de anulare.
message-confirmation-sms = Programare { $service } { $when }. Nr. { $number }.
message-reminder-subject = Reamintire programare
message-reminder-appointment = Vă reamintim programarea de mâine: { $service }, { $when }.
# Followed by the cancellation link.
message-reminder-cancel = Dacă nu puteți veni, anulați aici (anularea este definitivă):
message-reminder-sms = Reamintire: { $service } { $when }. Anularea: linkul din email.
message-relocation-subject = Programare mutată
message-relocation-moved = Instituția a trebuit să închidă intervalul programării dumneavoastră. Programarea pentru { $service } a fost mutată la { $when }.
# Followed by the link that confirms or declines the new time.
message-relocation-answer = Confirmați noua oră sau renunțați (programarea se anulează):
# Followed by the link that confirms or declines the new time.
message-relocation-sms = Programarea { $service } a fost mutată la { $when }. Confirmați:
message-office-cancelled-subject = Programare anulată de instituție
message-office-cancelled-text = Instituția a trebuit să închidă intervalul programării dumneavoastră ({ $service }, { $when }) și nu a mai rămas nicio oră liberă. Programarea a fost anulată; vă rugăm să faceți o nouă programare. Ne cerem scuze.
message-office-cancelled-sms = Programarea { $service } { $when } a fost anulată de instituție; programați-vă din nou.

## Where the appointment is (the location's name and address) and what the service
## asks the citizen to bring (the list follows, one item a line).

message-place = Locul: { $place }.
message-bring-list = Ce să aveți la dumneavoastră:

## The appointment as a calendar file (.ics): its title; its place is the location's
## name and address, its description repeats the confirmation's lines.

message-ics-summary = Programare: { $service }

## A complaint's messages.

message-complaint-ack-subject = Confirmare sesizare
message-complaint-ack-received = Am primit sesizarea dumneavoastră din { $received }. Numărul sesizării: { $number }
# Followed by the link to the complaint's status.
message-complaint-ack-answer = Vă răspundem cel târziu la { $resolve_by }. Starea sesizării:
message-complaint-ack-sms = Sesizare primită, nr. { $number }. Răspuns până la { $resolve_by }.
message-complaint-escalated-subject = Sesizare escaladată (nivelul { $level })
message-complaint-escalated-text = Sesizarea dumneavoastră din { $received } a fost redeschisă la nivelul { $level }. Vă răspundem cel târziu la { $resolve_by }.
message-complaint-escalated-sms = Sesizarea din { $received } a fost escaladată (nivel { $level }); răspuns până la { $resolve_by }.
message-complaint-progress-subject = Stadiul sesizării
# Followed by the update staff wrote.
message-complaint-progress-intro = Stadiul sesizării dumneavoastră din { $received }:
# In the second language's part, when the update staff wrote is in the first's.
message-complaint-progress-above = Stadiul sesizării dumneavoastră din { $received } este cel de mai sus, în cuvintele instituției.
message-complaint-progress-sms = Sesizarea din { $received }: v-am trimis stadiul pe email.
message-complaint-decision-subject = Soluționarea sesizării
# Followed by the decision staff wrote.
message-complaint-decision-intro = Decizia privind sesizarea dumneavoastră din { $received }:
# In the second language's part, when the decision is in the first's.
message-complaint-decision-above = Decizia privind sesizarea dumneavoastră din { $received } este cea de mai sus, în cuvintele instituției.
# Followed by the escalation link.
message-complaint-decision-escalate = Dacă nu sunteți mulțumit(ă), puteți escalada sesizarea la nivelul superior:
# Followed by the escalation link.
message-complaint-decision-sms = Sesizarea din { $received } a fost soluționată. Decizia și escaladarea:
message-complaint-new-timeline-subject = Termen nou pentru sesizare
# Followed by the explanation staff wrote.
message-complaint-new-timeline-intro = Nu am putut soluționa sesizarea dumneavoastră din { $received } în termen. Explicația:
message-complaint-new-timeline-until = Noul termen: { $until }.
# In the second language's part, when the explanation is in the first's.
message-complaint-new-timeline-above = Nu am putut soluționa sesizarea dumneavoastră din { $received } în termen; explicația este mai sus. Noul termen: { $until }.
message-complaint-new-timeline-sms = Sesizarea din { $received }: termen nou { $until }, detalii pe email.
message-complaint-holding-subject = Sesizarea este încă în lucru
message-complaint-holding-text = Nu am putut soluționa sesizarea dumneavoastră din { $received } în 30 de zile lucrătoare. Vă scriem în curând cu explicația și un termen nou.
message-complaint-holding-sms = Sesizarea din { $received } e încă în lucru; revenim cu un termen nou.
# To staff: a complaint's deadline is near or past ($flag names which, in code words).
message-complaint-sla-subject = SLA sesizare #{ $id }: { $flag }
message-complaint-sla-text = Sesizarea #{ $id } ({ $kind }): { $flag }, termen { $due }.

## A digital order's messages. $document is the document's name, $ordered when it was
## ordered.

message-order-confirmation-subject = Confirmare comandă
message-order-confirmation-received = Am primit comanda din { $ordered } ({ $document }). Numărul comenzii: { $number }
message-order-confirmation-fee = Tarif: { $fee }. Plata se face cu cardul, pe pagina comenzii, până la { $pay_by }; după această dată comanda expiră. Procesarea începe după confirmarea plății.
# Followed by the link to the order's page.
message-order-confirmation-page = Pagina comenzii (plată, stare, descărcare):
message-order-confirmation-keep = Păstrați numărul comenzii: este singura cale de acces la ea.
message-order-paid-subject = Plată confirmată
message-order-paid-text = Am primit plata de { $fee } pentru comanda din { $ordered } ({ $document }). Documentul este emis cel târziu la { $due }.
message-order-progress-subject = Stadiul comenzii
# Followed by the update staff wrote.
message-order-progress-intro = Despre comanda din { $ordered } ({ $document }):
message-order-info-subject = Informații necesare
# Followed by the question staff wrote.
message-order-info-intro = Pentru comanda din { $ordered } ({ $document }) avem nevoie de:
# Followed by the link where the requester answers.
message-order-info-answer = Răspundeți aici:
message-order-rejected-subject = Comandă respinsă
# Followed by the reason staff wrote.
message-order-rejected-intro = Nu putem emite documentul pentru comanda din { $ordered } ({ $document }). Motivul:
message-order-rejected-refund = Tariful plătit se rambursează pe cardul folosit.
message-order-delivery-subject = Documentul este gata
message-order-delivery-issued = Documentul pentru comanda din { $ordered } ({ $document }) a fost emis.
# Followed by the download link.
message-order-delivery-download = Descărcați-l de aici până la { $until }:
message-order-delivery-spam = Dacă nu găsiți acest email, verificați și dosarul Spam.
message-order-expired-subject = Comandă expirată
message-order-expired-text = Pentru comanda din { $ordered } ({ $document }) nu am primit plata la timp; comanda a expirat. Puteți plasa o comandă nouă.
# To staff: an order past its deadline ($state in code words); followed by its link.
message-order-overdue-subject = Comandă întârziată
message-order-overdue-text = Comanda #{ $id } ({ $state }) trebuia emisă până la { $due }:
# Issue 22: the turn-near message ($ahead, from message-turn-near-ahead, says how many are ahead of $code in $service's queue at $location).
message-turn-near-subject = Se apropie rândul dumneavoastră
message-turn-near-ahead = { PLURAL($count) ->
    [one] mai este o persoană înaintea dumneavoastră
    [few] mai sunt { $count } persoane înaintea dumneavoastră
   *[other] mai sunt { $count } de persoane înaintea dumneavoastră
}
message-turn-near-text = Bonul { $code } ({ $service }, { $location }): { $ahead }. Vă rugăm să fiți aproape de ghișee și să urmăriți ecranul.
message-turn-near-sms = { $code }: se apropie rândul, { $ahead }. Urmăriți ecranul.
