//! The scenarios shared with the real-Spin suite, here through the test host.

use crate::support::Backend;

include!("../common/on_backend.rs");

scenarios_on!(Backend::TestHost);
