//! The citizen pages in a real browser: headless Chromium through chromedriver
//! (`harness.rs`), every flow RO and EN, with JavaScript and, for the core flows,
//! without; keyboard only; axe-core's WCAG 2.1 AA rules on every page and error state;
//! 320 px wide. Run alone with `bash tests/browser.sh`.

mod desk;
mod flows;
mod harness;
#[path = "../common/support.rs"]
mod support;
