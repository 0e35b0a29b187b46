//! The parts of `spin.toml` (manifest version 2) the test host acts on: HTTP routes,
//! components with their wasm source, storage labels and variables.

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
struct RawManifest {
    spin_manifest_version: u32,
    #[serde(default)]
    variables: BTreeMap<String, RawVariable>,
    #[serde(default)]
    trigger: RawTriggers,
    #[serde(default)]
    component: BTreeMap<String, RawComponent>,
}

#[derive(Debug, Deserialize)]
struct RawVariable {
    default: Option<String>,
    #[serde(default)]
    required: bool,
    // Secrets are only hidden from logs by Spin; the value is the same.
    #[serde(default, rename = "secret")]
    _secret: bool,
}

#[derive(Debug, Default, Deserialize)]
struct RawTriggers {
    #[serde(default)]
    http: Vec<RawHttpTrigger>,
    #[serde(default)]
    cron: Vec<RawCronTrigger>,
}

#[derive(Debug, Deserialize)]
struct RawCronTrigger {
    component: String,
    cron_expression: String,
}

#[derive(Debug, Deserialize)]
struct RawHttpTrigger {
    route: String,
    component: String,
}

#[derive(Debug, Deserialize)]
struct RawComponent {
    source: String,
    #[serde(default)]
    sqlite_databases: Vec<String>,
    #[serde(default)]
    key_value_stores: Vec<String>,
    #[serde(default)]
    variables: BTreeMap<String, String>,
    #[serde(default)]
    allowed_outbound_hosts: Vec<String>,
}

/// An application variable: its default, or required with none.
#[derive(Debug, Clone)]
pub struct Variable {
    pub default: Option<String>,
    pub required: bool,
}

#[derive(Debug, Clone)]
pub struct Component {
    pub id: String,
    pub source: PathBuf,
    pub sqlite_databases: Vec<String>,
    pub key_value_stores: Vec<String>,
    /// Component variable name → template, e.g. `office` → `{{ office }}`.
    pub variables: BTreeMap<String, String>,
    /// Origins the component may call, possibly templated: `{{ email_api_origin }}`.
    pub allowed_outbound_hosts: Vec<String>,
}

/// A component run on a schedule by the cron trigger.
#[derive(Debug, Clone)]
pub struct CronTrigger {
    pub component: String,
    pub cron_expression: String,
}

/// How a route matches, as Spin has it: an exact path, or a `/prefix/...` wildcard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoutePattern {
    Exact(String),
    Wildcard(String),
}

#[derive(Debug, Clone)]
pub struct Route {
    pub raw: String,
    pub pattern: RoutePattern,
    pub component: String,
}

#[derive(Debug)]
pub struct Manifest {
    pub dir: PathBuf,
    pub variables: BTreeMap<String, Variable>,
    pub routes: Vec<Route>,
    pub crons: Vec<CronTrigger>,
    pub components: BTreeMap<String, Component>,
}

impl Manifest {
    pub fn load(path: &Path) -> Result<Manifest> {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let raw: RawManifest =
            toml::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
        if raw.spin_manifest_version != 2 {
            bail!("only spin_manifest_version = 2 is supported");
        }
        let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let components = raw
            .component
            .into_iter()
            .map(|(id, c)| {
                let source = dir.join(&c.source);
                (
                    id.clone(),
                    Component {
                        id,
                        source,
                        sqlite_databases: c.sqlite_databases,
                        key_value_stores: c.key_value_stores,
                        variables: c.variables,
                        allowed_outbound_hosts: c.allowed_outbound_hosts,
                    },
                )
            })
            .collect::<BTreeMap<_, _>>();
        let routes = raw
            .trigger
            .http
            .into_iter()
            .map(|t| {
                if !components.contains_key(&t.component) {
                    bail!("route {} names unknown component {}", t.route, t.component);
                }
                let trimmed = t.route.trim_end_matches('/');
                let pattern = match trimmed.strip_suffix("/...") {
                    Some(prefix) => RoutePattern::Wildcard(prefix.to_owned()),
                    None if t.route == "/..." => RoutePattern::Wildcard(String::new()),
                    None => RoutePattern::Exact(if trimmed.is_empty() {
                        "/".to_owned()
                    } else {
                        trimmed.to_owned()
                    }),
                };
                Ok(Route {
                    raw: t.route,
                    pattern,
                    component: t.component,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let crons = raw
            .trigger
            .cron
            .into_iter()
            .map(|t| {
                if !components.contains_key(&t.component) {
                    bail!("cron trigger names unknown component {}", t.component);
                }
                Ok(CronTrigger {
                    component: t.component,
                    cron_expression: t.cron_expression,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let variables = raw
            .variables
            .into_iter()
            .map(|(k, v)| {
                (
                    k,
                    Variable {
                        default: v.default,
                        required: v.required,
                    },
                )
            })
            .collect();
        Ok(Manifest {
            dir,
            variables,
            routes,
            crons,
            components,
        })
    }

    /// Spin's route choice: an exact route beats a wildcard, a longer prefix a shorter.
    pub fn route(&self, path: &str) -> Option<&Route> {
        let path = if path.len() > 1 {
            path.trim_end_matches('/')
        } else {
            path
        };
        if let Some(exact) = self
            .routes
            .iter()
            .find(|r| r.pattern == RoutePattern::Exact(path.to_owned()))
        {
            return Some(exact);
        }
        self.routes
            .iter()
            .filter_map(|r| match &r.pattern {
                RoutePattern::Wildcard(prefix)
                    if path == prefix || path.starts_with(&format!("{prefix}/")) =>
                {
                    Some((prefix.len(), r))
                }
                _ => None,
            })
            .max_by_key(|(len, _)| *len)
            .map(|(_, r)| r)
    }
}

impl Route {
    /// What Spin passes as `spin-path-info`: the path after a wildcard's prefix.
    pub fn path_info(&self, path: &str) -> String {
        match &self.pattern {
            RoutePattern::Exact(_) => String::new(),
            RoutePattern::Wildcard(prefix) => path[prefix.len()..].to_owned(),
        }
    }

    /// The route without its wildcard, as Spin's `spin-component-route`.
    pub fn component_route(&self) -> &str {
        match &self.pattern {
            RoutePattern::Exact(p) | RoutePattern::Wildcard(p) => p,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_prefer_exact_then_longest_wildcard() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spin.toml");
        let m = Manifest::load(&path).unwrap();
        assert_eq!(m.route("/api/bookings").unwrap().raw, "/api/bookings");
        assert_eq!(
            m.route("/api/bookings/ABC").unwrap().raw,
            "/api/bookings/..."
        );
        assert_eq!(
            m.route("/api/bookings/ABC")
                .unwrap()
                .path_info("/api/bookings/ABC"),
            "/ABC"
        );
        assert_eq!(m.route("/style.css").unwrap().component, "pages");
        assert_eq!(m.route("/").unwrap().component, "pages");
    }
}
