//! The crate's shape, checked: which module may depend on which.
//!
//! It reads the crate's own source (not `src/bin/`), one module per file, and draws an edge
//! from a module to every module its code names: `use crate::…`, `super::…`, `self::…` and
//! child-module trees, and inline paths starting with the same. Test code (`tests.rs`, a
//! `tests` module, `#[cfg(test)]` items) is left out, since tests may reach anywhere;
//! comments and string literals are left out, since they are not code. The root (`lib.rs`)
//! only declares modules and re-exports, so its own edges are ignored, and a name it
//! re-exports (`crate::Error`) leads to the module that defines it. Std only: tokens are
//! enough to read paths, though paths that only macros generate are not seen.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module ("a::b") → the modules it depends on. The root is not a node.
type Graph = BTreeMap<String, BTreeSet<String>>;

/// The root module's name in (module, source) pairs.
const ROOT: &str = "crate";

/// Every non-test source file of the crate, as (module path, source text).
fn load_sources() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut sources = Vec::new();
    collect(&src, &src, &mut sources);
    sources.sort();
    sources
}

fn collect(src: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).expect("the crate's src/ is readable") {
        let path = entry.expect("a readable directory entry").path();
        let relative = path
            .strip_prefix(src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if path.is_dir() && relative != "bin" {
            collect(src, &path, out);
        } else if let Some(stem) = relative.strip_suffix(".rs") {
            let module = module_of(stem);
            if !module.split("::").any(|segment| segment == "tests") {
                out.push((
                    module,
                    std::fs::read_to_string(&path).expect("a readable file"),
                ));
            }
        }
    }
}

/// `a/b.rs` and `a/b/mod.rs` are `a::b`; `lib.rs` is the root.
fn module_of(stem: &str) -> String {
    let stem = stem.strip_suffix("/mod").unwrap_or(stem);
    if stem == "lib" {
        ROOT.to_owned()
    } else {
        stem.replace('/', "::")
    }
}

/// The dependency graph of (module, source) pairs. Re-exports are read first (`pub use`,
/// and every import of the root), so that a name a module re-exports leads to the module
/// that defines it: a folder's `mod.rs` may be a facade for its files without a cycle.
fn dependency_graph(sources: &[(String, String)]) -> Graph {
    let parsed: Vec<(&str, Vec<String>)> = sources
        .iter()
        .map(|(module, text)| (module.as_str(), code_tokens(text)))
        .collect();
    let modules: BTreeSet<String> = sources.iter().map(|(module, _)| module.clone()).collect();
    let mut reexports = Reexports::new();
    // A re-export of a re-export resolves once the one it names has: a few passes suffice.
    for _ in 0..4 {
        for (module, tokens) in &parsed {
            let children = declared_children(tokens);
            let exported = if *module == ROOT {
                named_paths(tokens)
            } else {
                reexported_paths(tokens)
            };
            for (name, path) in exported {
                if let Some(target) = resolve(&path, module, &children, &modules, &reexports) {
                    reexports.insert((module.to_string(), name), target);
                }
            }
        }
    }
    let mut graph = Graph::new();
    for (module, tokens) in parsed.iter().filter(|(module, _)| *module != ROOT) {
        let children = declared_children(tokens);
        let depends_on = graph.entry(module.to_string()).or_default();
        for (_, path) in named_paths(tokens) {
            match resolve(&path, module, &children, &modules, &reexports) {
                Some(target) if target != *module => depends_on.insert(target),
                _ => false,
            };
        }
    }
    graph
}

/// (module, name it re-exports) → the module that defines the name.
type Reexports = BTreeMap<(String, String), String>;

/// The leaves of a file's `pub use` trees (any visibility), with the names they bind.
fn reexported_paths(tokens: &[String]) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let public = i >= 1 && tokens[i - 1] == "pub"
            || i >= 4 && tokens[i - 1] == ")" && tokens[i - 4] == "pub";
        if token == "use" && public {
            use_tree(tokens, i + 1, Vec::new(), &mut out);
        }
    }
    out
}

/// The code's tokens without comments, string literals and `#[cfg(test)]` items.
fn code_tokens(text: &str) -> Vec<String> {
    without_test_items(&tokens(text))
}

/// Identifiers, `::` and every other ASCII mark alone. Comments, strings and char literals
/// are skipped, so that prose naming `crate::web` is no edge.
fn tokens(text: &str) -> Vec<String> {
    let b = text.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let word_start = |i: usize| i == 0 || !ident(b[i - 1]);
    let past = |i: usize, end: &[u8]| {
        let found = b
            .get(i..)
            .and_then(|rest| rest.windows(end.len()).position(|w| w == end));
        found.map_or(b.len(), |n| i + n + end.len())
    };
    let (mut out, mut i) = (Vec::new(), 0);
    while i < b.len() {
        let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
        let raw = at(i) == b'r' && at(i + 1 + hashes) == b'"';
        if b[i..].starts_with(b"//") {
            i = past(i, b"\n");
        } else if b[i..].starts_with(b"/*") {
            let mut depth = 0;
            while i < b.len() {
                let step = [b"/*", b"*/"]
                    .iter()
                    .position(|mark| b[i..].starts_with(*mark));
                depth += [1, -1, 0][step.unwrap_or(2)];
                i += if step.is_some() { 2 } else { 1 };
                if depth == 0 {
                    break;
                }
            }
        } else if raw && (word_start(i) || (at(i - 1) == b'b' && word_start(i - 1))) {
            let end = [b"\"".as_slice(), &b"#".repeat(hashes)].concat();
            i = past(i + 2 + hashes, &end);
        } else if at(i) == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
        } else if at(i) == b'\'' && (at(i + 1) == b'\\' || at(i + 1) > 127 || at(i + 2) == b'\'') {
            i = past(i + if at(i + 1) == b'\\' { 3 } else { 2 }, b"'"); // not a lifetime
        } else if ident(b[i]) {
            let start = i;
            while i < b.len() && ident(b[i]) {
                i += 1;
            }
            out.push(text[start..i].to_owned());
        } else if b[i..].starts_with(b"::") {
            out.push("::".to_owned());
            i += 2;
        } else {
            if b[i].is_ascii_graphic() {
                out.push((b[i] as char).to_string());
            }
            i += 1;
        }
    }
    out
}

fn is_ident(token: &str) -> bool {
    token.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
}

/// Drops each item marked `#[cfg(test)]` (test modules above all): tests may reach anywhere.
fn without_test_items(tokens: &[String]) -> Vec<String> {
    const MARK: [&str; 7] = ["#", "[", "cfg", "(", "test", ")", "]"];
    let (mut out, mut i) = (Vec::new(), 0);
    while i < tokens.len() {
        if tokens[i..].iter().take(MARK.len()).eq(MARK.iter()) {
            i = end_of_item(tokens, i + MARK.len());
        } else {
            out.push(tokens[i].clone());
            i += 1;
        }
    }
    out
}

/// The index just past the item at `i`: past its first `;` or `{…}` outside brackets.
fn end_of_item(tokens: &[String], mut i: usize) -> usize {
    let (mut brackets, mut braces) = (0, 0);
    while i < tokens.len() {
        match tokens[i].as_str() {
            "(" | "[" => brackets += 1,
            ")" | "]" => brackets -= 1,
            ";" if brackets == 0 && braces == 0 => return i + 1,
            "{" if brackets == 0 => braces += 1,
            "}" if brackets == 0 => {
                braces -= 1;
                if braces == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    i
}

/// The child modules a file declares with `mod child;`.
fn declared_children(tokens: &[String]) -> BTreeSet<&str> {
    tokens
        .windows(3)
        .filter(|w| w[0] == "mod" && w[2] == ";")
        .map(|w| w[1].as_str())
        .collect()
}

/// Every path the code names, with the name it binds: each leaf of its `use` trees, and
/// each inline path (`a::b::c`, bound as `c`). Which of them are in the crate is `resolve`'s.
fn named_paths(tokens: &[String]) -> Vec<(String, Vec<String>)> {
    let (mut out, mut i) = (Vec::new(), 0);
    while i < tokens.len() {
        let starts_path = is_ident(&tokens[i])
            && tokens.get(i + 1).is_some_and(|t| t == "::")
            && (i == 0 || tokens[i - 1] != "::");
        if tokens[i] == "use" {
            i = use_tree(tokens, i + 1, Vec::new(), &mut out).max(i + 1);
        } else if starts_path {
            let mut path = vec![tokens[i].clone()];
            while tokens.get(i + 1).is_some_and(|t| t == "::")
                && tokens.get(i + 2).is_some_and(|t| is_ident(t))
            {
                path.push(tokens[i + 2].clone());
                i += 2;
            }
            out.push((path.last().unwrap().clone(), path));
            i += 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Parses the use tree at `i` under `prefix`, adding each leaf as (bound name, path), and
/// returns the index after it. `{self, …}` names the prefix; a `*` glob names the prefix.
fn use_tree(
    tokens: &[String],
    mut i: usize,
    mut prefix: Vec<String>,
    out: &mut Vec<(String, Vec<String>)>,
) -> usize {
    loop {
        match tokens.get(i).map(String::as_str) {
            Some("::") => i += 1,
            Some("*") => {
                out.push(("*".to_owned(), prefix));
                return i + 1;
            }
            Some("{") => {
                i += 1;
                while tokens.get(i).is_some_and(|t| t != "}") {
                    let next = use_tree(tokens, i, prefix.clone(), out);
                    i = if tokens.get(next).is_some_and(|t| t == ",") {
                        next + 1
                    } else {
                        next.max(i + 1)
                    };
                }
                return i + 1;
            }
            Some(segment) if is_ident(segment) => {
                if segment != "self" || prefix.is_empty() {
                    prefix.push(segment.to_owned());
                }
                i += 1;
                if tokens.get(i).is_some_and(|t| t == "::") {
                    continue;
                }
                let mut name = prefix.last().cloned().unwrap_or_default();
                if tokens.get(i).is_some_and(|t| t == "as") {
                    name = tokens.get(i + 1).cloned().unwrap_or_default();
                    i += 2;
                }
                out.push((name, prefix));
                return i;
            }
            _ => return i,
        }
    }
}

/// The module a path named in `module` lands in: the longest prefix that is a module, or,
/// when the name after that prefix is one the module re-exports, the module it comes from. `None` when it leaves the crate
/// or only reaches the root.
fn resolve(
    path: &[String],
    module: &str,
    children: &BTreeSet<&str>,
    modules: &BTreeSet<String>,
    reexports: &Reexports,
) -> Option<String> {
    let here = module
        .split("::")
        .filter(|s| *s != ROOT)
        .map(String::from)
        .collect();
    let (first, rest) = path.split_first()?;
    let mut absolute = match first.as_str() {
        "crate" => Vec::new(),
        "self" => here,
        "super" => here[..here.len().checked_sub(1)?].to_vec(),
        child if children.contains(child) => [here, vec![child.to_owned()]].concat(),
        _ => return None,
    };
    let supers = rest.iter().take_while(|s| *s == "super").count();
    absolute.truncate(absolute.len().checked_sub(supers)?);
    absolute.extend(rest[supers..].iter().cloned());
    let (prefix, owner) = (0..=absolute.len())
        .rev()
        .map(|n| {
            (
                n,
                if n == 0 {
                    ROOT.to_owned()
                } else {
                    absolute[..n].join("::")
                },
            )
        })
        .find(|(n, m)| *n == 0 || modules.contains(m))?;
    let reexported = absolute
        .get(prefix)
        .and_then(|name| reexports.get(&(owner.clone(), name.clone())));
    match reexported {
        Some(target) => Some(target.clone()),
        None if prefix == 0 => None,
        None => Some(owner),
    }
}

/// Tarjan's strongly connected components of more than one module, each sorted: the cycles.
fn cycles(graph: &Graph) -> Vec<Vec<String>> {
    #[derive(Default)]
    struct Tarjan<'a> {
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Tarjan<'a> {
        fn visit(&mut self, graph: &'a Graph, v: &'a str) {
            let n = self.index.len();
            self.index.insert(v, n);
            self.low.insert(v, n);
            self.stack.push(v);
            for w in graph.get(v).into_iter().flatten().map(String::as_str) {
                if !self.index.contains_key(w) {
                    self.visit(graph, w);
                    self.low.insert(v, self.low[v].min(self.low[w]));
                } else if self.stack.contains(&w) {
                    self.low.insert(v, self.low[v].min(self.index[w]));
                }
            }
            if self.low[v] == self.index[v] {
                let at = self.stack.iter().rposition(|m| *m == v).unwrap();
                let mut component: Vec<String> = self.stack.drain(at..).map(String::from).collect();
                component.sort();
                if component.len() > 1 {
                    self.found.push(component);
                }
            }
        }
    }
    let mut tarjan = Tarjan::default();
    for v in graph.keys() {
        if !tarjan.index.contains_key(v.as_str()) {
            tarjan.visit(graph, v);
        }
    }
    tarjan.found.sort();
    tarjan.found
}

/// Whether `module` is `area` or inside it.
fn within(module: &str, area: &str) -> bool {
    module == area || module.starts_with(&format!("{area}::"))
}

/// Every edge `from -> to` for which `offends` holds, one per line.
fn edges_where(graph: &Graph, offends: impl Fn(&str, &str) -> bool) -> Vec<String> {
    let edges = graph
        .iter()
        .flat_map(|(from, tos)| tos.iter().map(move |to| (from.as_str(), to.as_str())));
    edges
        .filter(|(from, to)| offends(from, to))
        .map(|(from, to)| format!("  {from} -> {to}"))
        .collect()
}

#[test]
fn no_import_cycles() {
    let graph = dependency_graph(&load_sources());
    let report: Vec<String> = cycles(&graph)
        .iter()
        .map(|cycle| {
            let edges = edges_where(&graph, |from, to| {
                cycle.iter().any(|m| m == from) && cycle.iter().any(|m| m == to)
            });
            format!("[{}]\n{}", cycle.join(", "), edges.join("\n"))
        })
        .collect();
    assert!(
        report.is_empty(),
        "{} import cycle(s): modules that reach one another, so none of them can be understood, \
         tested or moved alone (each cycle, then its edges):\n{}",
        report.len(),
        report.join("\n")
    );
}

#[test]
fn the_domain_never_imports_the_web() {
    let graph = dependency_graph(&load_sources());
    let offending = edges_where(&graph, |from, to| !within(from, "web") && within(to, "web"));
    assert!(
        offending.is_empty(),
        "the office's rules must not depend on the web layer (HTTP, pages, bot defence); \
         these modules outside `web` import it:\n{}",
        offending.join("\n")
    );
}

#[test]
fn the_kernel_imports_nothing_else_of_the_crate() {
    let graph = dependency_graph(&load_sources());
    assert!(
        graph.len() > 1 && graph.values().any(|depends_on| !depends_on.is_empty()),
        "the scanner found {} module(s) and no edges under src/: it is broken, not the crate",
        graph.len()
    );
    let offending = edges_where(&graph, |from, to| {
        within(from, "kernel") && !within(to, "kernel")
    });
    assert!(
        offending.is_empty(),
        "the kernel must stand alone, but it imports:\n{}",
        offending.join("\n")
    );
}

#[test]
fn the_scanner_sees_real_edges() {
    let sources = [
        ("crate", "pub mod shop; pub mod web; pub use shop::Cart;"),
        (
            "shop",
            "mod stock;\nuse crate::{web::{html::{self, Page as P}}, Cart};\nuse chrono::Utc;\n\
             /// See crate::web::api.\n/* crate::web::api /* nested */ */\n\
             fn f() -> &'static str { stock::count(); let _ = '\"'; \"crate::web::api\" }\n\
             const RAW: &str = r#\"crate::web::api \"quoted\"\"#;\n\
             #[cfg(test)]\nmod tests { use crate::web::api::*; }",
        ),
        (
            "shop::stock",
            "use super::*;\npub fn count() { super::super::web::api::serve(); }",
        ),
        ("web", "pub mod api;\npub mod html;"),
        (
            "web::api",
            "use crate::shop::stock::count as c;\npub fn serve() {}",
        ),
        ("web::html", "pub struct Page;\nfn g(_: &crate::Cart) {}"),
    ];
    let sources: Vec<(String, String)> = sources
        .iter()
        .map(|(m, t)| (m.to_string(), t.to_string()))
        .collect();
    let graph = dependency_graph(&sources);
    let edges = |list: &[&str]| list.iter().map(|m| m.to_string()).collect::<BTreeSet<_>>();
    let expected = Graph::from([
        ("shop".to_owned(), edges(&["shop::stock", "web::html"])),
        ("shop::stock".to_owned(), edges(&["shop", "web::api"])),
        ("web".to_owned(), edges(&[])),
        ("web::api".to_owned(), edges(&["shop::stock"])),
        ("web::html".to_owned(), edges(&["shop"])),
    ]);
    assert_eq!(graph, expected);
    assert_eq!(
        cycles(&graph),
        vec![vec!["shop", "shop::stock", "web::api", "web::html"]]
    );
    let into_web = edges_where(&graph, |from, to| !within(from, "web") && within(to, "web"));
    assert_eq!(
        into_web,
        ["  shop -> web::html", "  shop::stock -> web::api"]
    );
}

#[test]
fn a_facade_that_re_exports_its_files_is_no_cycle_but_a_parent_with_code_is() {
    let crate_with = |area: &str| -> Vec<(String, String)> {
        [
            ("crate", "pub mod area; pub mod other;"),
            ("area", area),
            ("area::record", "pub struct Thing;"),
            (
                "area::rules",
                "use super::Thing;\npub fn check(_: &Thing) {}",
            ),
            ("other", "use crate::area::check;"),
        ]
        .iter()
        .map(|(m, t)| (m.to_string(), t.to_string()))
        .collect()
    };
    let facade = dependency_graph(&crate_with(
        "mod record;\nmod rules;\npub use record::Thing;\npub use rules::check;",
    ));
    let edges = |list: &[&str]| list.iter().map(|m| m.to_string()).collect::<BTreeSet<_>>();
    assert_eq!(facade["area::rules"], edges(&["area::record"]));
    assert_eq!(facade["other"], edges(&["area::rules"]));
    assert!(cycles(&facade).is_empty());
    // The same area whose mod.rs calls its file and defines what the file uses.
    let tangled = dependency_graph(&crate_with(
        "mod rules;\npub struct Thing;\npub fn run() { rules::check(&Thing); }",
    ));
    assert_eq!(cycles(&tangled), vec![vec!["area", "area::rules"]]);
}

/// Every new outbox row is written by `messaging::queue`, with its one dedupe key format
/// (the migrations' old triggers aside, which are history; a file's tests, which sit
/// after its `#[cfg(test)]`, may make rows of their own).
#[test]
fn only_messaging_queue_writes_new_outbox_rows() {
    let writers: Vec<String> = load_sources()
        .into_iter()
        .filter(|(module, text)| {
            !module.starts_with("storage::migrations")
                && text
                    .split("#[cfg(test)]")
                    .next()
                    .is_some_and(|code| code.to_ascii_uppercase().contains("INSERT INTO OUTBOX"))
        })
        .map(|(module, _)| module)
        .collect();
    assert_eq!(writers, ["messaging::queue"]);
}
