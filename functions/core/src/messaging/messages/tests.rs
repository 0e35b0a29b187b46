//! The messages' texts in each language: the citizen's first, Romanian below unless
//! theirs is Romanian; user input as data; SMS within their length; the calendar file
//! as a real iCalendar parser reads it.

use super::*;
use crate::booking::Booking;
use crate::office::Office;
use crate::office::setup::Words;
use crate::messaging::order_messages::{self, About};
use crate::storage::Database;
use crate::storage::testing::NativeDb;
use chrono::TimeZone;

const NUMBER: &str = "ABCDE-FGHJK-MNPQR-STVWX";
const LINK: &str = "https://programari.test/relocation/Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3";

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap()
}

/// A booking for Wednesday 25 November 2026, 09:10 office time, in `lang`.
fn booking(lang: Lang, name: &str) -> Booking {
    let db = NativeDb::fresh();
    db.execute(
        "INSERT INTO bookings (number_hash, service, slot_start, slot_end, name, phone, email, vin,
             identity_key, request_hash, created_at, lang)
         VALUES ('h', 'registration', '2026-11-25T07:10:00Z', '2026-11-25T07:30:00Z', ?,
             '+40722123456', 'a@b.ro', 'WVWZZZ1JZXW000001', 'vin:X', 'r', '2026-11-23T08:00:00Z', ?)",
        &[name.into(), lang.code().into()],
    )
    .unwrap();
    Booking::by_id(&db, 1).unwrap().unwrap()
}

/// Nothing left unrendered: no id read as itself, no argument missing.
fn fully_rendered(text: &str) {
    assert!(!text.contains("message-"), "an id not found: {text}");
    assert!(!text.contains("{$"), "an argument missing: {text}");
    assert!(!text.contains('{'), "{text}");
}

#[test]
fn a_romanian_booker_reads_romanian_only() {
    let setup = Setup::default();
    let b = booking(Lang::Ro, "Ana Pop");
    let email = confirmation_email(&b, &setup, NUMBER, now());
    assert_eq!(email.subject, format!("Confirmare programare {NUMBER}"));
    assert!(
        email
            .text
            .starts_with("Bună ziua,\n\nProgramare pe numele: „Ana Pop”")
    );
    assert!(email.text.contains(&format!(
        "Programarea dumneavoastră: Înmatriculări vehicule, 25.11.2026 09:10.\nNumărul rezervării: {NUMBER}"
    )));
    assert!(!email.text.contains("Hello") && !email.text.contains('—'));
    assert_eq!(
        confirmation_sms(&b, &setup, NUMBER),
        format!("Programare Înmatriculări vehicule 25.11.2026 09:10. Nr. {NUMBER}.")
    );
    let reminder = reminder_email(&b, &setup, "https://programari.test/cancel/T");
    assert_eq!(reminder.subject, "Reamintire programare 25.11.2026 09:10");
    assert!(reminder.text.contains(
        "Dacă nu puteți veni, anulați aici (anularea este definitivă): https://programari.test/cancel/T"
    ));
    assert_eq!(
        reminder_sms(&b, &setup),
        "Reamintire: Înmatriculări vehicule 25.11.2026 09:10. Anularea: linkul din email."
    );
}

#[test]
fn an_english_booker_reads_english_then_the_romanian() {
    let setup = Setup::default();
    let b = booking(Lang::En, "Ana Pop");
    let email = confirmation_email(&b, &setup, NUMBER, now());
    assert_eq!(
        email.subject,
        format!("Booking confirmation / Confirmare programare {NUMBER}")
    );
    let text = &email.text;
    assert!(
        text.starts_with("Hello,\n\nBooked in the name of: “Ana Pop”"),
        "{text}"
    );
    assert!(text.contains(
        "Your booking: Vehicle registrations, 25/11/2026 09:10 (Bucharest time).\nReservation number: "
    ));
    let (english, romanian) = text.split_once("\n\n—\n\n").expect("two parts");
    assert!(english.contains("At the counter") && !english.contains("Bună"));
    assert!(romanian.starts_with("Bună ziua,") && romanian.contains("25.11.2026 09:10"));
    assert_eq!(
        confirmation_sms(&b, &setup, NUMBER),
        format!(
            "Booking Vehicle registrations 25/11/2026 09:10. No. {NUMBER}. / Programare Înmatriculări vehicule 25.11.2026 09:10. Nr. {NUMBER}."
        )
    );
}

#[test]
fn a_hungarian_booker_reads_hungarian_then_the_romanian() {
    let setup = Setup::default();
    let b = booking(Lang::Hu, "Kovács Anna");
    let email = confirmation_email(&b, &setup, NUMBER, now());
    assert_eq!(
        email.subject,
        format!("Időpontfoglalás visszaigazolása / Confirmare programare {NUMBER}")
    );
    let (hungarian, romanian) = email.text.split_once("\n\n—\n\n").expect("two parts");
    assert!(
        hungarian
            .starts_with("Tisztelt Ügyfelünk!\n\nA foglalás a következő névre szól: „Kovács Anna”")
    );
    assert!(hungarian.contains(
        "Az Ön időpontja: Járműnyilvántartásba vétel, 2026. 11. 25. 09:10 (romániai idő szerint)."
    ));
    assert!(hungarian.contains(&format!("Foglalási szám: {NUMBER}")));
    assert!(romanian.starts_with("Bună ziua,\n\nProgramare pe numele: „Kovács Anna”"));
    assert!(romanian.contains("Înmatriculări vehicule, 25.11.2026 09:10."));

    let reminder = reminder_email(&b, &setup, "https://programari.test/cancel/T");
    assert_eq!(
        reminder.subject,
        "Emlékeztető az időpontjáról / Reamintire programare 2026. 11. 25. 09:10"
    );
    assert!(reminder.text.starts_with("Tisztelt Ügyfelünk!"));
    assert!(reminder.text.contains("Emlékeztetjük holnapi időpontjára"));
    assert!(reminder.text.contains("Vă reamintim programarea de mâine"));
    assert_eq!(
        reminder
            .text
            .matches("https://programari.test/cancel/T")
            .count(),
        2,
        "the link where it always was, in each part"
    );
    let sms = reminder_sms(&b, &setup);
    assert!(sms.starts_with("Emlékeztető: Járműnyilvántartásba vétel, 2026. 11. 25. 09:10."));
    assert!(sms.ends_with(
        " / Reamintire: Înmatriculări vehicule 25.11.2026 09:10. Anularea: linkul din email."
    ));
}

#[test]
fn every_booking_message_renders_fully_in_every_language() {
    let setup = Setup::default();
    for lang in Lang::ALL {
        let b = booking(lang, "Ana Pop");
        let emails = [
            confirmation_email(&b, &setup, NUMBER, now()),
            reminder_email(&b, &setup, LINK),
            relocation_email(&b, &setup, LINK),
            office_cancelled_email(&b, &setup),
        ];
        for e in &emails {
            fully_rendered(&e.subject);
            fully_rendered(&e.text);
            assert_eq!(e.text.contains('—'), lang != Lang::Ro, "{}", e.text);
        }
        let sms = [
            confirmation_sms(&b, &setup, NUMBER),
            reminder_sms(&b, &setup),
            relocation_sms(&b, &setup, LINK),
            office_cancelled_sms(&b, &setup),
        ];
        for text in &sms {
            fully_rendered(text);
            assert!(limits::sms_fits(text), "{lang:?}: {text}");
        }
        assert!(sms[2].contains(LINK), "the relocation SMS carries its link");
    }
}

#[test]
fn an_sms_too_long_for_both_languages_goes_in_the_citizen_s_alone() {
    let setup = Setup::default();
    let hu = booking(Lang::Hu, "Kovács Anna");
    let both = format!(
        "{} / {}",
        relocation_sms(&booking(Lang::Hu, "x"), &setup, LINK)
            .split(" / ")
            .next()
            .unwrap(),
        relocation_sms(&booking(Lang::Ro, "x"), &setup, LINK)
    );
    assert!(!limits::sms_fits(&both), "this pair is too long: {both}");
    let sms = relocation_sms(&hu, &setup, LINK);
    assert!(sms.starts_with("Az Ön időpontját (Járműnyilvántartásba vétel) áthelyeztük"));
    assert!(!sms.contains("Programarea"), "{sms}");
    assert_eq!(sms.matches(LINK).count(), 1);
}

#[test]
fn the_booker_s_name_is_escaped_and_quoted_in_every_language() {
    let setup = Setup::default();
    for lang in Lang::ALL {
        let b = booking(lang, "<script>alert(1)</script> Plătiți");
        let email = confirmation_email(&b, &setup, NUMBER, now());
        assert!(!email.html.contains("<script>"), "{}", email.html);
        assert!(
            email
                .html
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Plătiți")
        );
        let quoted = match lang {
            Lang::En => "“<script>alert(1)</script> Plătiți”",
            Lang::Ro | Lang::Hu => "„<script>alert(1)</script> Plătiți”",
        };
        assert!(email.text.contains(quoted), "{}", email.text);
    }
}

/// A property as the parser read it: its name, parameters and (unescaped) value.
type Property = (String, Vec<(String, String)>, String);

/// The calendar file's VEVENT, as `icalendar`'s parser reads it.
fn parsed_event(ics: &str) -> Vec<Property> {
    let unfolded = icalendar::parser::unfold(ics);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("a valid calendar");
    let event = calendar
        .components
        .iter()
        .find(|c| c.name.as_str() == "VEVENT")
        .expect("one event");
    event
        .properties
        .iter()
        .map(|p| {
            let params = p
                .params
                .iter()
                .map(|x| {
                    (
                        x.key.as_str().to_owned(),
                        x.val.as_ref().map_or("", |v| v.as_str()).to_owned(),
                    )
                })
                .collect();
            let value = p.val.clone().unescape_text().as_str().to_owned();
            (p.name.as_str().to_owned(), params, value)
        })
        .collect()
}

fn value<'a>(event: &'a [Property], name: &str) -> &'a str {
    &event
        .iter()
        .find(|p| p.0 == name)
        .unwrap_or_else(|| panic!("no {name}"))
        .2
}

#[test]
fn the_calendar_file_parses_is_stamped_when_made_and_keeps_the_number_out_of_its_uid() {
    let mut setup = Setup::default();
    setup.locations[0].address = "Parcul Traian 5, Oradea".into();
    setup.services[2].bring = vec![Words::new("Cartea de identitate a vehiculului", "", "")];
    for lang in Lang::ALL {
        let b = booking(lang, "Ana Pop");
        let ics = ics(&b, &setup, NUMBER, now());
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "folded at 75 octets: {line:?}");
        }
        let event = parsed_event(&ics);
        assert_eq!(
            value(&event, "DTSTAMP"),
            "20261123T080000Z",
            "when it was made"
        );
        assert_eq!(value(&event, "DTSTART"), "20261125T071000Z");
        assert_eq!(value(&event, "DTEND"), "20261125T073000Z");
        assert_ne!(value(&event, "DTSTAMP"), value(&event, "DTSTART"));
        let uid = value(&event, "UID");
        let compact = NUMBER.replace('-', "");
        assert!(!uid.contains(NUMBER) && !uid.contains(&compact), "{uid}");
        assert!(!uid.contains("ABCDE") && uid.ends_with("@ghiseu"), "{uid}");
        let description = value(&event, "DESCRIPTION");
        assert!(
            description.contains(NUMBER),
            "for the counter: {description}"
        );
        let summary = value(&event, "SUMMARY");
        assert!(!summary.contains(NUMBER));
        let expected = match lang {
            Lang::Ro => "Programare: Înmatriculări vehicule",
            Lang::En => "Appointment: Vehicle registrations",
            Lang::Hu => "Időpont: Járműnyilvántartásba vétel",
        };
        assert_eq!(summary, expected);
        let summary_params = &event.iter().find(|p| p.0 == "SUMMARY").unwrap().1;
        assert_eq!(
            summary_params,
            &vec![("LANGUAGE".to_owned(), lang.code().to_owned())]
        );
        let place = lang.pick("Sediul principal", "Main office", "Székhely");
        assert_eq!(
            value(&event, "LOCATION"),
            format!("{place}, Parcul Traian 5, Oradea"),
            "the location's name and address"
        );
        assert!(
            description.contains("Cartea de identitate a vehiculului"),
            "what to bring, in Romanian where the office wrote no other: {description}"
        );
        assert!(
            description.contains(&moment(b.slot_start, lang)),
            "{description}"
        );
    }
    // The same booking's file always has the same UID: a calendar updates its event.
    let b = booking(Lang::Ro, "Ana Pop");
    let later = now() + Duration::days(1);
    assert_eq!(
        value(&parsed_event(&ics(&b, &setup, NUMBER, now())), "UID"),
        value(&parsed_event(&ics(&b, &setup, NUMBER, later)), "UID")
    );
    assert_ne!(
        ics_uid(NUMBER),
        ics_uid("BCDEF-FGHJK-MNPQR-STVWX"),
        "another booking, another UID"
    );
}

#[test]
fn calendar_text_is_escaped_and_folded_by_rfc_5545() {
    assert_eq!(ics_text("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    let long = format!("DESCRIPTION:{}", "ă".repeat(60));
    let folded = ics_line(&long);
    assert!(folded.ends_with("\r\n"));
    let lines: Vec<&str> = folded.trim_end_matches("\r\n").split("\r\n").collect();
    assert!(lines.len() > 1);
    assert!(lines.iter().all(|l| l.len() <= 75), "{lines:?}");
    assert!(lines[1..].iter().all(|l| l.starts_with(' ')));
    assert_eq!(icalendar::parser::unfold(&folded), format!("{long}\r\n"));
    // An escape stays whole on its line.
    let escapes = ics_line(&format!("SUMMARY:{}", "\\,".repeat(40)));
    for line in escapes.split("\r\n").skip(1) {
        assert!(line.is_empty() || line.starts_with(" \\"), "{line:?}");
    }
}

fn complaint_received() -> DateTime<Utc> {
    // Monday 23 November 2026, 10:00 in Bucharest.
    Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap()
}

/// The end of Tuesday 15 December 2026: its midnight, office time.
fn end_of_15_december() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 15, 22, 0, 0).unwrap()
}

#[test]
fn a_complaint_s_acknowledgement_in_each_language_names_the_deadline_s_last_day() {
    let link = "https://programari.test/api/complaints/N";
    let ro = complaint_ack(
        Lang::Ro,
        NUMBER,
        complaint_received(),
        end_of_15_december(),
        link,
    );
    assert_eq!(ro.email.subject, format!("Confirmare sesizare {NUMBER}"));
    assert_eq!(
        ro.email.text,
        format!(
            "Am primit sesizarea dumneavoastră din 23.11.2026. Numărul sesizării: {NUMBER}\n\nVă răspundem cel târziu la 15.12.2026. Starea sesizării: {link}"
        )
    );
    assert_eq!(
        ro.sms,
        format!("Sesizare primită, nr. {NUMBER}. Răspuns până la 15.12.2026.")
    );
    let en = complaint_ack(
        Lang::En,
        NUMBER,
        complaint_received(),
        end_of_15_december(),
        link,
    );
    assert_eq!(
        en.email.subject,
        format!("Complaint received / Confirmare sesizare {NUMBER}")
    );
    assert!(en.email.text.starts_with(&format!(
        "We received your complaint of 23/11/2026. Complaint number: {NUMBER}\n\nWe will answer by 15/12/2026 at the latest."
    )));
    assert!(en.email.text.contains("\n\n—\n\nAm primit sesizarea"));
    let hu = complaint_ack(
        Lang::Hu,
        NUMBER,
        complaint_received(),
        end_of_15_december(),
        link,
    );
    assert!(hu.email.text.starts_with(&format!(
        "Megkaptuk panaszát (beérkezés: 2026. 11. 23.). A panasz száma: {NUMBER}"
    )));
    assert!(
        hu.email
            .text
            .contains("Legkésőbb eddig válaszolunk: 2026. 12. 15.")
    );
    assert_eq!(
        hu.sms,
        format!(
            "Panaszát megkaptuk, száma: {NUMBER}. Válasz legkésőbb: 2026. 12. 15. / Sesizare primită, nr. {NUMBER}. Răspuns până la 15.12.2026."
        )
    );
}

#[test]
fn staff_words_appear_once_escaped_in_the_first_part_and_romanian_points_to_them() {
    let staff_text = "Am discutat cu <b>ghișeul 3</b>.";
    let ro = complaint_progress(Lang::Ro, complaint_received(), staff_text);
    assert_eq!(
        ro.email.text,
        format!("Stadiul sesizării dumneavoastră din 23.11.2026:\n\n{staff_text}")
    );
    let hu = complaint_progress(Lang::Hu, complaint_received(), staff_text);
    assert_eq!(hu.email.text.matches(staff_text).count(), 1);
    assert!(
        hu.email.html.contains("&lt;b&gt;ghișeul 3&lt;/b&gt;") && !hu.email.html.contains("<b>")
    );
    assert!(
        hu.email
            .text
            .starts_with("Panaszának (beérkezés: 2026. 11. 23.) állása:")
    );
    assert!(hu.email.text.ends_with(
        "Stadiul sesizării dumneavoastră din 23.11.2026 este cel de mai sus, în cuvintele instituției."
    ));
    let link = "https://programari.test/escalate/T";
    let en = complaint_decision(Lang::En, complaint_received(), "Solved.", link);
    assert_eq!(
        en.email.subject,
        "Complaint decision / Soluționarea sesizării"
    );
    assert_eq!(en.email.text.matches("Solved.").count(), 1);
    assert_eq!(en.email.text.matches(link).count(), 2);
    assert!(en.sms.contains(link));
    let timeline = complaint_new_timeline(
        Lang::Hu,
        complaint_received(),
        "Lipsă personal.",
        NaiveDate::from_ymd_opt(2027, 1, 15).unwrap(),
    );
    assert!(
        timeline
            .email
            .text
            .contains("Az új határidő: 2027. 01. 15.")
    );
    assert!(timeline.email.text.contains("Noul termen: 15.01.2027."));
    for lang in Lang::ALL {
        let notices = [
            complaint_ack(
                lang,
                NUMBER,
                complaint_received(),
                end_of_15_december(),
                link,
            ),
            complaint_escalated(lang, complaint_received(), 2, end_of_15_december()),
            complaint_progress(lang, complaint_received(), staff_text),
            complaint_decision(lang, complaint_received(), "x", link),
            complaint_new_timeline(
                lang,
                complaint_received(),
                "x",
                NaiveDate::from_ymd_opt(2027, 1, 15).unwrap(),
            ),
            complaint_holding(lang, complaint_received()),
        ];
        for n in &notices {
            fully_rendered(&n.email.subject);
            fully_rendered(&n.email.text);
            fully_rendered(&n.sms);
            assert!(limits::sms_fits(&n.sms), "{}", n.sms);
        }
    }
    let escalated = complaint_escalated(Lang::En, complaint_received(), 2, end_of_15_december());
    assert_eq!(
        escalated.email.subject,
        "Complaint escalated (level 2) / Sesizare escaladată (nivelul 2)"
    );
}

#[test]
fn order_messages_name_the_document_and_fee_in_the_requester_s_language() {
    let office = Office::default();
    let document = office.orders.documents.first();
    let about = |lang| About {
        lang,
        document,
        ordered: complaint_received(),
    };
    let pay_by = now() + Duration::days(3);
    let link = "https://programari.test/orders/N";
    let ro = order_messages::confirmation(&about(Lang::Ro), NUMBER, 2_500, pay_by, link);
    assert_eq!(ro.subject, format!("Confirmare comandă {NUMBER}"));
    assert!(ro.text.contains("Tarif: 25,00 lei."), "{}", ro.text);
    assert!(ro.text.contains("Am primit comanda din 23.11.2026 10:00 ("));
    assert!(!ro.text.contains('—'));
    let en = order_messages::confirmation(&about(Lang::En), NUMBER, 2_500, pay_by, link);
    assert!(
        en.text
            .starts_with("We received your order of 23/11/2026 10:00 (")
    );
    assert!(en.text.contains("Fee: RON 25.00.") && en.text.contains("Tarif: 25,00 lei."));
    let hu = order_messages::confirmation(&about(Lang::Hu), NUMBER, 2_500, pay_by, link);
    let name_hu = document.unwrap().name(Lang::Hu);
    assert!(hu.text.starts_with(&format!(
        "Megkaptuk rendelését ({name_hu}, leadva: 2026. 11. 23. 10:00)."
    )));
    assert!(hu.text.contains("Díj: 25,00 lej."), "{}", hu.text);
    assert_eq!(
        hu.subject,
        format!("Rendelés visszaigazolása / Confirmare comandă {NUMBER}")
    );
    let due = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
    for lang in Lang::ALL {
        let a = about(lang);
        for email in [
            order_messages::confirmation(&a, NUMBER, 2_500, pay_by, link),
            order_messages::paid(&a, 2_500, due),
            order_messages::progress(&a, "x"),
            order_messages::info_request(&a, "x", link),
            order_messages::rejected(&a, "x"),
            order_messages::delivery(&a, link, pay_by),
            order_messages::expired(&a),
        ] {
            fully_rendered(&email.subject);
            fully_rendered(&email.text);
            assert_eq!(email.text.contains('—'), lang != Lang::Ro);
        }
    }
}

#[test]
fn staff_notes_stay_romanian_then_english() {
    let sla = complaint_sla_staff(3, "service", "overdue resolution", "15.12.2026 00:00", "L");
    assert_eq!(sla.subject, "SLA sesizare #3: overdue resolution");
    assert_eq!(
        sla.text,
        "Sesizarea #3 (service): overdue resolution, termen 15.12.2026 00:00.\nComplaint #3 (service): overdue resolution, due 15.12.2026 00:00.\nL"
    );
    let overdue = order_messages::overdue_staff(1234, "paid", "04.12.2026 00:00", "L");
    assert_eq!(overdue.subject, "Comandă întârziată / Order overdue #1234");
    assert_eq!(
        overdue.text,
        "Comanda #1234 (paid) trebuia emisă până la 04.12.2026 00:00: L\n\n—\n\nOrder #1234 (paid) was due by 04.12.2026 00:00: L"
    );
}
