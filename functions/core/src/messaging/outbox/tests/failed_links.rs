//! Issue 25: a complaint's or order's message keeps its link or number out of its
//! stored text, so one that fails for good holds no working link in clear; staff
//! sending it again get a fresh link, and one delivered at once reads as rendered.

use super::*;
use crate::complaints::{self, NewComplaint, Step as ComplaintStep};
use crate::messaging::links::Links;
use crate::messaging::order_messages;
use crate::orders::Order;
use crate::orders::document::{self, Pdf};
use crate::orders::intake::{NewOrder, place};
use crate::orders::processing::{self, Step as OrderStep};
use crate::staff::Staff;

fn links() -> Links {
    Links::new(Some("https://ghiseu.test".into()))
}

fn fields(pairs: &[(&str, &str)]) -> Fields {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The email provider only: SMS stay pending, as a channel with no provider does.
fn email_only() -> Providers {
    Providers {
        sms: None,
        ..providers()
    }
}

/// Runs deliveries against a provider that answers 503 until every due message has
/// failed for good; the time after.
fn fail_for_good(db: &NativeDb, providers: &Providers, mut t: DateTime<Utc>) -> DateTime<Utc> {
    let down = FakeProvider {
        script: RefCell::new(vec![503; 60]),
        ..Default::default()
    };
    for _ in 0..providers.max_attempts {
        deliver(db, &down, providers, &Office::default(), t).unwrap();
        t += Duration::minutes(10);
    }
    t
}

/// A message's row: (id, state, secret, payload).
fn row(db: &NativeDb, kind: &str, channel: &str) -> (i64, String, Option<String>, String) {
    db.execute(
        "SELECT id, state, secret, payload FROM outbox WHERE kind = ? AND channel = ?
         ORDER BY id DESC LIMIT 1",
        &[kind.into(), channel.into()],
    )
    .unwrap()
    .read_first(|r| {
        Ok((
            r.int("id")?,
            r.text("state")?,
            r.opt_text("secret")?,
            r.text("payload")?,
        ))
    })
    .unwrap()
    .unwrap()
}

/// The bodies the provider was sent for emails whose subject starts with `subject`.
fn sent_emails(fake: &FakeProvider, subject: &str) -> Vec<serde_json::Value> {
    fake.calls
        .borrow()
        .iter()
        .map(|(_, _, body)| body.clone())
        .filter(|b| {
            b["subject"]
                .as_str()
                .is_some_and(|s| s.starts_with(subject))
        })
        .collect()
}

fn sent_sms(fake: &FakeProvider, containing: &str) -> Vec<String> {
    fake.calls
        .borrow()
        .iter()
        .filter(|(url, _, _)| url.contains("sms"))
        .filter_map(|(_, _, b)| b["text"].as_str().map(str::to_owned))
        .filter(|t| t.contains(containing))
        .collect()
}

/// Whether a stored payload holds neither `token` nor any link to `path` but the
/// placeholder.
fn holds_no_link(payload: &str, token: &str, path: &str) -> bool {
    let placeholder = format!("{path}{{{{secret}}}}");
    !payload.contains(token)
        && payload.contains(&placeholder)
        && payload.matches(path).count() == payload.matches(&placeholder).count()
}

fn assert_reads_as(body: &serde_json::Value, email: &messages::Email) {
    assert_eq!(body["subject"], email.subject.as_str());
    assert_eq!(body["text"], email.text.as_str());
    assert_eq!(body["html"], email.html.as_str());
}

/// A complaint with both contacts; its number.
fn complained(db: &NativeDb) -> (complaints::Complaint, String) {
    let new = NewComplaint::parse(
        &fields(&[
            ("kind", "product"),
            ("description", "Certificatul are o greșeală."),
            ("email", "ion@example.ro"),
            ("phone", "0722123456"),
        ]),
        db,
    )
    .unwrap();
    let submitted =
        complaints::submit(db, &Office::default(), &new, None, None, &links(), now()).unwrap();
    (submitted.complaint, submitted.number.unwrap().to_string())
}

fn resolve(db: &NativeDb, complaint: i64, decision: &str, t: DateTime<Utc>) {
    let step = ComplaintStep::Resolve {
        decision: decision.into(),
    };
    let who = Staff("ana.pop".into());
    complaints::take_step(db, &Office::default(), complaint, &step, &who, &links(), t).unwrap();
}

/// The escalation link a decision carries, for its token.
fn escalation_link(token: &str) -> String {
    format!("https://ghiseu.test/escalate/{token}")
}

#[test]
fn c05_a_decision_delivered_at_once_reads_as_rendered_and_its_row_never_held_the_link() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    let (complaint, number) = complained(&db);
    resolve(&db, complaint.id, "Am corectat certificatul.", now());
    let (_, _, secret, payload) = row(&db, "complaint_decision", "email");
    let token = secret.expect("the link's token waits apart");
    assert!(!payload.contains(&token), "the stored text holds no link");
    let (_, _, ack_secret, ack_payload) = row(&db, "complaint_ack", "sms");
    assert_eq!(ack_secret.as_deref(), Some(number.as_str()));
    assert!(!ack_payload.contains(&number));

    let up = FakeProvider::default();
    assert_eq!(
        deliver(&db, &up, &providers(), &office, now())
            .unwrap()
            .sent,
        4
    );
    let (lang, received) = (complaint.lang, complaint.received_at);
    let decision = messages::complaint_decision(
        lang,
        received,
        "Am corectat certificatul.",
        &escalation_link(&token),
    );
    assert_reads_as(&sent_emails(&up, "Soluționarea")[0], &decision.email);
    assert_eq!(sent_sms(&up, "soluționată"), vec![decision.sms]);
    let ack = messages::complaint_ack(
        lang,
        &number,
        received,
        complaints::Progress::load(&db, &office, &complaint)
            .unwrap()
            .resolve_by,
        &format!("https://ghiseu.test/api/complaints/{number}"),
    );
    assert_reads_as(&sent_emails(&up, "Confirmare sesizare")[0], &ack.email);
    assert_eq!(sent_sms(&up, "Sesizare primită"), vec![ack.sms]);
    assert!(
        complaints::escalation(&db, &office, &token, now())
            .unwrap()
            .is_some(),
        "the delivered link escalates"
    );
}

#[test]
fn c05_a_decision_that_failed_for_good_keeps_no_link_and_is_sent_again_with_a_fresh_one() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    let (complaint, number) = complained(&db);
    resolve(&db, complaint.id, "Am corectat certificatul.", now());
    let old = row(&db, "complaint_decision", "sms").2.unwrap();
    // The emails fail for good; the SMS wait (no SMS provider yet).
    let t = fail_for_good(&db, &email_only(), now());

    let (email, state, secret, payload) = row(&db, "complaint_decision", "email");
    assert_eq!((state.as_str(), secret), ("failed", None));
    assert!(holds_no_link(&payload, &old, "escalate/"), "{payload}");
    // The acknowledgement keeps its number apart from its text (it only reads the
    // status and can't be issued afresh), for staff to send it again.
    let (ack, state, secret, payload) = row(&db, "complaint_ack", "email");
    assert_eq!((state.as_str(), secret), ("failed", Some(number.clone())));
    assert!(!payload.contains(&number), "not in the text");
    assert!(retry_failed(&db, ack, t).unwrap());
    assert!(retry_failed(&db, email, t).unwrap());
    let fresh = row(&db, "complaint_decision", "email").2.unwrap();
    assert_ne!(fresh, old);
    assert_eq!(
        row(&db, "complaint_decision", "sms").2.as_deref(),
        Some(fresh.as_str()),
        "the SMS still waiting carries the fresh link too"
    );
    assert!(
        complaints::escalation(&db, &office, &old, t)
            .unwrap()
            .is_none()
    );
    assert!(
        complaints::escalation(&db, &office, &fresh, t)
            .unwrap()
            .is_some()
    );

    let up = FakeProvider::default();
    deliver(&db, &up, &providers(), &office, t).unwrap();
    let decision = messages::complaint_decision(
        complaint.lang,
        complaint.received_at,
        "Am corectat certificatul.",
        &escalation_link(&fresh),
    );
    assert_reads_as(&sent_emails(&up, "Soluționarea")[0], &decision.email);
    assert_eq!(sent_sms(&up, "soluționată"), vec![decision.sms]);
    assert!(complaints::escalate(&db, &office, &fresh, t).unwrap());
}

#[test]
fn c05_a_failed_decision_sent_again_after_a_later_one_is_skipped_not_given_the_new_link() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    let (complaint, _) = complained(&db);
    resolve(&db, complaint.id, "Prima decizie.", now());
    let t = fail_for_good(&db, &email_only(), now());
    let first = row(&db, "complaint_decision", "email").0;
    let escalated = row(&db, "complaint_decision", "sms").2.unwrap();
    assert!(complaints::escalate(&db, &office, &escalated, t).unwrap());
    resolve(&db, complaint.id, "A doua decizie.", t);
    let second = row(&db, "complaint_decision", "sms").2.unwrap();

    assert!(retry_failed(&db, first, t).unwrap());
    deliver(&db, &FakeProvider::default(), &email_only(), &office, t).unwrap();
    let skipped = db
        .execute(
            "SELECT state, last_error FROM outbox WHERE id = ?",
            &[first.into()],
        )
        .unwrap()
        .read_first(|r| Ok((r.text("state")?, r.opt_text("last_error")?)))
        .unwrap()
        .unwrap();
    assert_eq!(skipped, ("skipped".to_owned(), Some(LINK_GONE.to_owned())));
    assert!(
        complaints::escalation(&db, &office, &second, t)
            .unwrap()
            .is_some(),
        "the later decision's link still works"
    );
}

/// An order placed, paid and taken by staff; its number.
fn in_processing(db: &NativeDb) -> (Order, String) {
    let office = Office::default();
    let new = NewOrder::parse(
        &fields(&[
            ("document", "vehicle_history"),
            ("name", "Ion Popescu"),
            ("email", "ion@example.ro"),
            ("vin", "WVWZZZ1JZXW000001"),
            ("consent", "true"),
        ]),
        &office,
    )
    .unwrap();
    let placed = place(db, &office, &new, None, None, &links(), now()).unwrap();
    db.execute(
        "UPDATE orders SET state = 'paid', paid_at = ?1, due_at = ?1 WHERE id = ?2",
        &[db_time(now()).into(), placed.order.id.into()],
    )
    .unwrap();
    let order = step(db, &placed.order, OrderStep::Take, now());
    (order, placed.number.unwrap().to_string())
}

fn step(db: &NativeDb, order: &Order, step: OrderStep, t: DateTime<Utc>) -> Order {
    let who = Staff("ana.pop".into());
    processing::take_step(db, &Office::default(), order.id, &step, &who, &links(), t).unwrap()
}

fn issued(db: &NativeDb, order: &Order, t: DateTime<Utc>) -> Order {
    let pdf = Pdf::parse(Some("istoric.pdf"), b"%PDF-1.4 istoric %%EOF".to_vec()).unwrap();
    let who = Staff("ana.pop".into());
    processing::issue(db, &Office::default(), order.id, &pdf, &who, &links(), t).unwrap()
}

fn ask(db: &NativeDb, order: &Order, t: DateTime<Utc>) -> Order {
    let question = "Numărul de înmatriculare?".to_owned();
    step(db, order, OrderStep::Ask { question }, t)
}

fn answer(db: &NativeDb, token: &str, t: DateTime<Utc>) -> bool {
    processing::answer(db, token, &fields(&[("answer", "B-123-ABC")]), t).unwrap()
}

#[test]
fn d03_order_emails_delivered_at_once_read_as_rendered_and_their_rows_never_held_a_link() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    let (order, number) = in_processing(&db);
    let asked = ask(&db, &order, now());
    let (_, _, secret, payload) = row(&db, "order_info", "email");
    let info = secret.expect("the info link's token waits apart");
    assert!(!payload.contains(&info));
    let (_, _, secret, payload) = row(&db, "order_confirmation", "email");
    assert_eq!(secret.as_deref(), Some(number.as_str()));
    assert!(!payload.contains(&number));

    let up = FakeProvider::default();
    deliver(&db, &up, &providers(), &office, now()).unwrap();
    let about = order.about(&office);
    let expected = order_messages::info_request(
        &about,
        "Numărul de înmatriculare?",
        &format!("https://ghiseu.test/orders/info/{info}"),
    );
    assert_reads_as(&sent_emails(&up, "Informații necesare")[0], &expected);
    let expected = order_messages::confirmation(
        &about,
        &number,
        order.fee_bani,
        order.pay_by,
        &format!("https://ghiseu.test/orders/{number}"),
    );
    assert_reads_as(&sent_emails(&up, "Confirmare comandă")[0], &expected);

    assert!(answer(&db, &info, now()));
    let t = now() + Duration::hours(1);
    let delivered = issued(&db, &asked, t);
    let (_, _, secret, payload) = row(&db, "order_delivery", "email");
    let download = secret.expect("the download link's token waits apart");
    assert!(!payload.contains(&download));
    deliver(&db, &up, &providers(), &office, t).unwrap();
    let expected = order_messages::delivery(
        &about,
        &format!("https://ghiseu.test/orders/download/{download}"),
        delivered.download_until.unwrap(),
    );
    assert_reads_as(&sent_emails(&up, "Documentul este gata")[0], &expected);
    assert!(document::by_token(&db, &download, t).is_ok());
}

#[test]
fn d03_an_info_request_that_failed_for_good_keeps_no_link_and_is_sent_again_with_a_fresh_one() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    let (order, number) = in_processing(&db);
    ask(&db, &order, now());
    let old = row(&db, "order_info", "email").2.unwrap();
    let t = fail_for_good(&db, &providers(), now());

    let (info, state, secret, payload) = row(&db, "order_info", "email");
    assert_eq!((state.as_str(), secret), ("failed", None));
    assert!(holds_no_link(&payload, &old, "orders/info/"), "{payload}");
    let (confirmation, _, secret, payload) = row(&db, "order_confirmation", "email");
    assert_eq!(secret, None);
    assert!(!payload.contains(&number), "nor the number");
    let refused = retry_failed(&db, confirmation, t).unwrap_err();
    assert_eq!(refused.code(), "confirmation_not_resendable");

    assert!(retry_failed(&db, info, t).unwrap());
    let fresh = row(&db, "order_info", "email").2.unwrap();
    assert_ne!(fresh, old);
    assert!(processing::open_question(&db, &old).unwrap().is_none());
    let up = FakeProvider::default();
    assert_eq!(deliver(&db, &up, &providers(), &office, t).unwrap().sent, 1);
    let text = sent_emails(&up, "Informații necesare")[0]["text"].clone();
    assert!(
        text.as_str()
            .unwrap()
            .contains(&format!("https://ghiseu.test/orders/info/{fresh}"))
    );
    assert!(!answer(&db, &old, t), "the link never delivered is dead");
    assert!(answer(&db, &fresh, t));
}

#[test]
fn d03_a_delivery_email_that_failed_for_good_keeps_no_link_and_is_sent_again_with_a_fresh_one() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    let (order, _) = in_processing(&db);
    deliver(&db, &FakeProvider::default(), &providers(), &office, now()).unwrap();
    let order = issued(&db, &order, now());
    let old = row(&db, "order_delivery", "email").2.unwrap();
    let t = fail_for_good(&db, &providers(), now());

    let (delivery, state, secret, payload) = row(&db, "order_delivery", "email");
    assert_eq!((state.as_str(), secret), ("failed", None));
    assert!(
        holds_no_link(&payload, &old, "orders/download/"),
        "{payload}"
    );

    assert!(retry_failed(&db, delivery, t).unwrap());
    let fresh = row(&db, "order_delivery", "email").2.unwrap();
    assert_ne!(fresh, old);
    assert!(
        document::by_token(&db, &old, t).is_err(),
        "the old link is dead"
    );
    assert!(document::by_token(&db, &fresh, t).is_ok());
    let up = FakeProvider::default();
    assert_eq!(deliver(&db, &up, &providers(), &office, t).unwrap().sent, 1);
    let expected = order_messages::delivery(
        &order.about(&office),
        &format!("https://ghiseu.test/orders/download/{fresh}"),
        order.download_until.unwrap(),
    );
    assert_reads_as(&sent_emails(&up, "Documentul este gata")[0], &expected);
    assert_eq!(crate::orders::deadlines::mark_delivered(&db, t).unwrap(), 1);
}

#[test]
fn a_message_queued_with_its_link_inside_by_an_earlier_version_is_sent_as_it_is() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    let text = "Răspundeți aici: https://ghiseu.test/orders/info/OLDTOKEN";
    let payload =
        serde_json::json!({"subject": "Informații necesare", "text": text, "html": "<p>x</p>"});
    db.execute(
        "INSERT INTO outbox (dedupe_key, kind, channel, recipient, payload, next_attempt_at, created_at)
         VALUES ('order_info:email:1:2', 'order_info', 'email', 'ion@example.ro', ?1, ?2, ?2)",
        &[payload.to_string().into(), db_time(now()).into()],
    )
    .unwrap();
    let t = fail_for_good(&db, &providers(), now());
    let (id, state, ..) = row(&db, "order_info", "email");
    assert_eq!(state, "failed");
    assert!(retry_failed(&db, id, t).unwrap());
    let up = FakeProvider::default();
    assert_eq!(deliver(&db, &up, &providers(), &office, t).unwrap().sent, 1);
    assert_eq!(sent_emails(&up, "Informații")[0]["text"], text);
}
