//! `fermyon:spin/variables`: a component's variables, their `{{ app_variable }}`
//! references expanded as Spin does.

use super::bindings::fermyon::spin::variables;
use super::state::HostState;
use anyhow::{Result, anyhow};
use std::collections::BTreeMap;

impl variables::Host for HostState {
    fn get(&mut self, name: String) -> Result<String, variables::Error> {
        let template = self
            .component
            .variables
            .get(&name)
            .ok_or_else(|| variables::Error::Undefined(name.clone()))?;
        expand_template(template, &self.shared.variables)
            .map_err(|e| variables::Error::Provider(e.to_string()))
    }
}

/// Expands a component variable's `{{ app_variable }}` references, as Spin does.
pub(super) fn expand_template(template: &str, values: &BTreeMap<String, String>) -> Result<String> {
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let end = rest[start..]
            .find("}}")
            .ok_or_else(|| anyhow!("unclosed template in {template}"))?
            + start;
        out.push_str(&rest[..start]);
        let name = rest[start + 2..end].trim();
        out.push_str(
            values
                .get(name)
                .ok_or_else(|| anyhow!("variable {name} has no value"))?,
        );
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}
