//! The OpenAPI 3.1 document at /api/openapi.json: it names every API route the manifest
//! serves (and nothing the app does not answer), and real responses match its schemas.

use crate::support::*;
use ghiseu_testhost::manifest::{Manifest, RoutePattern};
use http::Method;
use serde_json::{Value, json};

async fn document(app: &TestApp) -> Value {
    let reply = app.get("/api/openapi.json").await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.headers["content-type"], "application/json");
    reply.json()
}

/// The document's path template a concrete path matches (`{x}` is one segment).
fn template_of<'d>(doc: &'d Value, path: &str) -> Option<&'d str> {
    let segments: Vec<&str> = path.split('/').collect();
    doc["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .find(|t| {
            let parts: Vec<&str> = t.split('/').collect();
            parts.len() == segments.len()
                && parts
                    .iter()
                    .zip(&segments)
                    .all(|(p, s)| p == s || (p.starts_with('{') && p.ends_with('}')))
        })
        .filter(|t| {
            // A literal template wins over one with a parameter in the same place.
            !doc["paths"].as_object().unwrap().contains_key(path) || *t == path
        })
}

/// Checks a real response against the schema the document gives for it.
fn conforms(doc: &Value, method: &str, path: &str, reply: &Reply) {
    let template =
        template_of(doc, path).unwrap_or_else(|| panic!("{path} is not in the document"));
    let response = &doc["paths"][template][method]["responses"][reply.status.to_string()];
    assert!(
        response.is_object(),
        "{method} {template} {} is not documented",
        reply.status
    );
    let Some(schema) = response["content"]["application/json"]["schema"].as_object() else {
        return;
    };
    let mut root = Value::Object(schema.clone());
    root["components"] = doc["components"].clone();
    let validator = jsonschema::draft202012::new(&root).expect("the schema compiles");
    let body = reply.json();
    let errors: Vec<String> = validator
        .iter_errors(&body)
        .map(|e| e.to_string())
        .collect();
    assert!(
        errors.is_empty(),
        "{method} {path} {}: {errors:?}\n{body}",
        reply.status
    );
}

/// The errors the document's request schema for `method template` (JSON) finds in `body`.
fn request_errors(doc: &Value, method: &str, template: &str, body: &Value) -> Vec<String> {
    let schema =
        &doc["paths"][template][method]["requestBody"]["content"]["application/json"]["schema"];
    assert!(
        schema.is_object(),
        "{method} {template} declares no JSON body"
    );
    let mut root = schema.clone();
    root["components"] = doc["components"].clone();
    let validator = jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&root)
        .expect("the schema compiles");
    validator.iter_errors(body).map(|e| e.to_string()).collect()
}

/// Issue 26: the request schemas say what is valid. The bodies the tests send and the
/// API accepts validate; bodies the API refuses for their shape don't.
#[tokio::test(flavor = "multi_thread")]
async fn request_schemas_accept_what_the_api_accepts_and_refuse_what_it_refuses() {
    let app = TestApp::spawn();
    let doc = document(&app).await;
    let complaint = json!({"kind": "service", "reservation_number": "H3ZEF-FMWST-DZ2TH-VYDK4",
                           "description": "Coadă lungă.", "email": "ion@example.ro"});
    let technical = json!({"kind": "technical", "description": "Pagina nu se încarcă.",
                           "phone": "+40 722 123 456", "severity": "high", "channel": "email"});
    let order = json!({"document": "provisional_extension", "name": "Ion Popescu",
                       "email": "ion@example.ro", "vin": "WVWZZZ1JZXW000001",
                       "plate": "MS 12 ABC", "consent": true});
    for (template, body) in [
        ("/api/bookings", registration()),
        ("/api/bookings", passport()),
        (
            "/api/bookings",
            with(
                passport(),
                json!({"holder": "Ana-Maria O'Neill", "email": "a@b.ro"}),
            ),
        ),
        (
            "/api/bookings",
            with(registration(), json!({"slot": "2026-11-25T07:10:00Z"})),
        ),
        ("/api/complaints", complaint.clone()),
        ("/api/complaints", technical.clone()),
        ("/api/orders", order.clone()),
    ] {
        let errors = request_errors(&doc, "post", template, &body);
        assert!(errors.is_empty(), "{template} {body}: {errors:?}");
    }
    for (template, body, why) in [
        (
            "/api/bookings",
            with(registration(), json!({"holder": "Ion Popescu"})),
            "holder on a VIN service",
        ),
        (
            "/api/bookings",
            with(passport(), json!({"vin": "WVWZZZ1JZXW000001"})),
            "vin on a holder service",
        ),
        (
            "/api/bookings",
            with(registration(), json!({"vin": null})),
            "no vin",
        ),
        (
            "/api/bookings",
            with(registration(), json!({"consent": false})),
            "no consent",
        ),
        (
            "/api/bookings",
            with(registration(), json!({"cnp": "1800101221144"})),
            "unknown field",
        ),
        (
            "/api/bookings",
            with(registration(), json!({"slot": "mâine"})),
            "not a time",
        ),
        (
            "/api/bookings",
            with(registration(), json!({"vin": "WVWZZZ1JZXW00000"})),
            "16 characters",
        ),
        (
            "/api/bookings",
            with(registration(), json!({"phone": "0700000000"})),
            "not a real range",
        ),
        (
            "/api/bookings",
            with(registration(), json!({"name": "I"})),
            "one letter",
        ),
        (
            "/api/bookings",
            with(registration(), json!({"email": "ion@"})),
            "not an email",
        ),
        (
            "/api/complaints",
            with(complaint.clone(), json!({"email": null})),
            "no contact",
        ),
        (
            "/api/complaints",
            with(complaint.clone(), json!({"reservation_number": null})),
            "a service complaint cites nothing",
        ),
        (
            "/api/complaints",
            with(technical.clone(), json!({"channel": null})),
            "technical without a channel",
        ),
        (
            "/api/complaints",
            with(complaint, json!({"severity": "high"})),
            "severity off a technical problem",
        ),
        (
            "/api/complaints",
            with(technical, json!({"description": ""})),
            "empty description",
        ),
        (
            "/api/orders",
            with(order.clone(), json!({"plate": null})),
            "provisional_extension without a plate",
        ),
        (
            "/api/orders",
            with(order, json!({"document": "vehicle_history"})),
            "a plate vehicle_history doesn't take",
        ),
    ] {
        let errors = request_errors(&doc, "post", template, &body);
        assert!(!errors.is_empty(), "{template} accepts {why}: {body}");
        // And the API refuses it too (no proof of work on this app).
        let reply = app.post_json(template, &body).await;
        assert_eq!(reply.status, 422, "{template} {why}: {}", reply.text());
    }
    // The services are the office's data (GET /api/services), so the document takes any
    // code the setup may have; the API refuses one it doesn't.
    let fishing = with(registration(), json!({"service": "fishing"}));
    assert!(request_errors(&doc, "post", "/api/bookings", &fishing).is_empty());
    let refused = app.post_json("/api/bookings", &fishing).await;
    assert_eq!(
        (refused.status, refused.error_code()),
        (422, "unknown_service".to_owned())
    );
    // A staff step's body: declared fields and required ones.
    let errors = request_errors(
        &doc,
        "post",
        "/api/staff/complaints/{id}/resolve",
        &json!({}),
    );
    assert!(!errors.is_empty(), "resolve without a decision");
    let errors = request_errors(
        &doc,
        "post",
        "/api/orders/{number}/problem",
        &json!({"text": "Lipsește ștampila."}),
    );
    assert!(errors.is_empty(), "{errors:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn openapi_names_every_api_route_of_the_manifest_and_only_routes_the_app_answers() {
    let app = TestApp::spawn();
    let doc = document(&app).await;
    assert_eq!(doc["openapi"], "3.1.0");
    let paths: Vec<String> = doc["paths"].as_object().unwrap().keys().cloned().collect();
    let manifest = Manifest::load(&root().join("spin.toml")).unwrap();
    for route in manifest
        .routes
        .iter()
        .filter(|r| r.raw.starts_with("/api/"))
    {
        let covered = match &route.pattern {
            RoutePattern::Exact(p) => paths.contains(p),
            RoutePattern::Wildcard(prefix) => {
                paths.iter().any(|p| p.starts_with(&format!("{prefix}/")))
            }
        };
        assert!(covered, "{} is served but not documented", route.raw);
    }
    // Every documented operation is answered by an API component with JSON (or the PDF),
    // never by the pages' 404 or a 405.
    for (path, item) in doc["paths"].as_object().unwrap() {
        let concrete = path
            .replace("{number}", "ABCDE-FGHJK-MNPQR-STVWX")
            .replace("{id}", "999999");
        let served_by = manifest.route(&concrete).map(|r| r.component.clone());
        if path != "/api/openapi.json" {
            assert_ne!(
                served_by.as_deref(),
                Some("pages"),
                "{path} falls through to the pages"
            );
        }
        for method in item.as_object().unwrap().keys() {
            let req = http::Request::builder()
                .method(Method::from_bytes(method.to_uppercase().as_bytes()).unwrap())
                .uri(&concrete)
                .header("accept", "application/json")
                .body(Vec::new())
                .unwrap();
            let reply = app.request(req).await;
            assert_ne!(
                reply.status, 405,
                "{method} {path} is documented but not allowed"
            );
            let content_type = reply.headers["content-type"].to_str().unwrap();
            assert!(
                content_type.starts_with("application/json"),
                "{method} {path}: {content_type}"
            );
            assert!(
                doc["paths"][path.as_str()][method.as_str()]["responses"][reply.status.to_string()]
                    .is_object(),
                "{method} {path} answered an undocumented {}: {}",
                reply.status,
                reply.text()
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn responses_of_a_citizens_day_match_the_documents_schemas() {
    let tokens = staff_tokens();
    let app = TestApp::spawn_configured(&[("staff_tokens", tokens.as_str())]);
    let doc = document(&app).await;
    for path in [
        "/api/health",
        "/api/services",
        "/api/availability?service=registration&date=2026-11-25",
        "/api/availability?service=passport&from=2026-11-23&to=2026-11-27",
        "/api/challenge?for=booking",
        "/api/documents",
    ] {
        let reply = app.get(path).await;
        assert_eq!(reply.status, 200, "{path}");
        conforms(&doc, "get", path.split('?').next().unwrap(), &reply);
    }
    let booked = app.book(&registration()).await;
    conforms(&doc, "post", "/api/bookings", &booked);
    let number = number_of(&booked);
    conforms(
        &doc,
        "get",
        &format!("/api/bookings/{number}"),
        &app.get(&format!("/api/bookings/{number}")).await,
    );
    let full = app
        .book(&with(
            registration(),
            json!({"vin": "WVWZZZ1JZXW000002", "slot": "2026-11-23T07:00"}),
        ))
        .await;
    assert_eq!(full.status, 422);
    conforms(&doc, "post", "/api/bookings", &full);
    let complaint = app
        .post_json(
            "/api/complaints",
            &json!({"kind": "service", "reservation_number": number, "description": "Coadă lungă.", "email": "ion@example.ro"}),
        )
        .await;
    conforms(&doc, "post", "/api/complaints", &complaint);
    let complaint_number = complaint.json()["complaint_number"]
        .as_str()
        .unwrap()
        .to_owned();
    let status = app
        .get(&format!("/api/complaints/{complaint_number}"))
        .await;
    conforms(
        &doc,
        "get",
        &format!("/api/complaints/{complaint_number}"),
        &status,
    );
    let order = app
        .post_json(
            "/api/orders",
            &json!({"document": "vehicle_history", "name": "Ion Popescu", "email": "ion@example.ro", "vin": "WVWZZZ1JZXW000001", "consent": true}),
        )
        .await;
    conforms(&doc, "post", "/api/orders", &order);
    let order_number = order.json()["order_number"].as_str().unwrap().to_owned();
    let path = format!("/api/orders/{order_number}");
    conforms(&doc, "get", &path, &app.get(&path).await);
    let cancelled = app.post_json(&format!("{path}/cancel"), &json!({})).await;
    conforms(&doc, "post", &format!("{path}/cancel"), &cancelled);
    let unpayable = app.post_json(&format!("{path}/pay"), &json!({})).await;
    conforms(&doc, "post", &format!("{path}/pay"), &unpayable);
    let queue = app
        .staff(
            Method::GET,
            "/api/staff/orders?state=cancelled",
            Some(STAFF_TOKEN),
            None,
        )
        .await;
    conforms(&doc, "get", "/api/staff/orders", &queue);
    let refused = app.staff(Method::GET, "/api/staff/day", None, None).await;
    conforms(&doc, "get", "/api/staff/day", &refused);
    for asked in [json!({"phone": "0722123456"}), json!({"email": "x"})] {
        let access = app
            .staff(
                Method::POST,
                "/api/staff/access-requests",
                Some(STAFF_TOKEN),
                Some(asked),
            )
            .await;
        conforms(&doc, "post", "/api/staff/access-requests", &access);
    }
}

/// Issue 26: every documented route answers OPTIONS with the methods the document
/// declares, and any other method (TRACE, PUT, …) with 405 and the same `Allow`,
/// before a handler could take it for another: nothing is stored.
#[tokio::test(flavor = "multi_thread")]
async fn every_api_route_refuses_an_undeclared_method_with_the_declared_allow() {
    let app = TestApp::spawn();
    let doc = document(&app).await;
    for (path, item) in doc["paths"].as_object().unwrap() {
        let concrete = path
            .replace("{number}", "ABCDE-FGHJK-MNPQR-STVWX")
            .replace("{id}", "999999");
        let operations = item.as_object().unwrap();
        let declared: Vec<String> = ["get", "head", "post", "put", "patch", "delete"]
            .into_iter()
            .filter(|m| {
                operations.contains_key(*m) || (*m == "head" && operations.contains_key("get"))
            })
            .map(str::to_uppercase)
            .collect();
        let allow = declared.join(", ");
        let send = |method: &str| {
            let req = http::Request::builder()
                .method(Method::from_bytes(method.as_bytes()).unwrap())
                .uri(&concrete)
                .header("accept", "application/json")
                .header("content-type", "application/json")
                .body(b"{}".to_vec())
                .unwrap();
            app.request(req)
        };
        let options = send("OPTIONS").await;
        assert_eq!(options.status, 204, "OPTIONS {path}: {}", options.text());
        assert_eq!(options.headers["allow"], allow.as_str(), "OPTIONS {path}");
        for method in ["GET", "POST", "PUT", "PATCH", "DELETE", "TRACE"] {
            if declared.iter().any(|m| m == method) {
                continue;
            }
            let refused = send(method).await;
            assert_eq!(
                (
                    refused.status,
                    refused.headers.get("allow").map(|v| v.to_str().unwrap())
                ),
                (405, Some(allow.as_str())),
                "{method} {path}: {}",
                refused.text()
            );
        }
    }
    for table in ["bookings", "complaints", "orders", "audit"] {
        assert_eq!(app.count(&format!("SELECT COUNT(*) FROM {table}")), 0);
    }
    // A real order: no other method cancels it (OPTIONS once did, as a POST).
    let order = json!({"document": "vehicle_history", "name": "Ion Popescu",
                       "email": "ion@example.ro", "vin": "WVWZZZ1JZXW000001", "consent": true});
    let placed = app.post_json("/api/orders", &order).await;
    assert_eq!(placed.status, 201, "{}", placed.text());
    let number = placed.json()["order_number"].as_str().unwrap().to_owned();
    for method in ["OPTIONS", "TRACE", "DELETE", "PUT", "HEAD"] {
        let req = http::Request::builder()
            .method(Method::from_bytes(method.as_bytes()).unwrap())
            .uri(format!("/api/orders/{number}/cancel"))
            .body(Vec::new())
            .unwrap();
        let reply = app.request(req).await;
        assert!(
            matches!(reply.status, 204 | 405),
            "{method}: {}",
            reply.status
        );
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM orders WHERE state = 'received'"),
        1,
        "still received"
    );
    let lookup = http::Request::builder()
        .method("TRACE")
        .uri("/orders")
        .body(Vec::new())
        .unwrap();
    let refused = app.request(lookup).await;
    assert_eq!(
        (refused.status, refused.headers["allow"].to_str().unwrap()),
        (405, "GET, HEAD, POST")
    );
}
