//! What an operator sees: one JSON line per request and per cron run, with the route
//! pattern, never the path (it carries reservation numbers and link tokens), and no
//! personal data: the outcome is an error code, the detail a storage or configuration
//! fault (SQLite names tables and columns, never values).

use crate::kernel::error::Error;
use crate::web::toolkit::Request;
use serde_json::json;
use std::time::Duration;

fn millis(d: Duration) -> f64 {
    (d.as_secs_f64() * 1e5).round() / 1e2
}

/// The fault behind a 5xx, for the operator; None for a citizen's error.
fn fault(e: &Error) -> Option<String> {
    matches!(
        e,
        Error::Storage(_) | Error::Config { .. } | Error::Upstream { .. }
    )
    .then(|| e.to_string())
}

/// The line for one request: Spin's matched route (`/api/bookings/...`), the method,
/// the status, how long it took and its outcome (`ok` or the error's code).
pub fn request_line(
    req: &Request,
    status: u16,
    outcome: Result<(), &Error>,
    took: Duration,
) -> String {
    let route = req
        .headers()
        .get("spin-matched-route")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("unmatched");
    json!({
        "kind": "request",
        "route": route,
        "method": req.method().as_str(),
        "status": status,
        "duration_ms": millis(took),
        "outcome": outcome.err().map_or("ok", |e| e.code()),
        "fault": outcome.err().and_then(fault),
    })
    .to_string()
}

/// The line for one cron run.
pub fn cron_line(cron: &str, outcome: Result<(), &Error>, took: Duration) -> String {
    json!({
        "kind": "cron",
        "cron": cron,
        "duration_ms": millis(took),
        "outcome": outcome.err().map_or("ok", |e| e.code()),
        "fault": outcome.err().and_then(fault),
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_line_names_the_route_pattern_never_the_path() {
        let req = http::Request::get("/api/bookings/H3ZEF-FMWST-DZ2TH-VYDK4?name=Ion")
            .header("spin-matched-route", "/api/bookings/...")
            .body(Vec::new())
            .unwrap();
        let line = request_line(
            &req,
            404,
            Err(&Error::NotFound),
            Duration::from_micros(1234),
        );
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["route"], "/api/bookings/...");
        assert_eq!(
            (v["status"].as_u64(), v["outcome"].as_str()),
            (Some(404), Some("not_found"))
        );
        assert_eq!(v["duration_ms"], 1.23);
        assert!(!line.contains("H3ZEF") && !line.contains("Ion"), "{line}");
        assert!(v["fault"].is_null());
    }

    #[test]
    fn a_cron_line_carries_the_fault_of_a_failed_run() {
        let e = Error::Config {
            setting: "office.hours".into(),
            problem: "not a time".into(),
        };
        let line = cron_line("deliver", Err(&e), Duration::from_millis(3));
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["outcome"], "office_config_invalid");
        assert!(v["fault"].as_str().unwrap().contains("office.hours"));
    }
}
