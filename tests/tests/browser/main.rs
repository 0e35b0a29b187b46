//! Every page in a real browser: headless Chromium through chromedriver (`harness.rs`).
//! The citizen's flows (`flows.rs`) RO and EN, with JavaScript and, for the core flows,
//! without; keyboard only; 320 px wide. What crosses the counter (`desk.rs`): the back
//! office, and the citizen's side of what clerks do. axe-core's WCAG 2.1 AA rules on
//! every page and error state, and a clean console after every flow. Run alone with
//! `bash tests/browser.sh`.

mod desk;
mod floor;
mod flows;
mod harness;
#[path = "../common/support.rs"]
mod support;
