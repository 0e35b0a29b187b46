//! RULES.md stays true: every file it says a rule lives in exists, and every test it
//! says proves a rule (a name, or a `prefix_*`) is a test function in the repository.

use std::path::{Path, PathBuf};

fn core_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The table rows of RULES.md, as their cells.
fn table_rows(text: &str) -> Vec<Vec<&str>> {
    text.lines()
        .filter(|line| line.starts_with("| ") && !line.starts_with("|---"))
        .map(|line| line.trim_matches('|').split(" | ").map(str::trim).collect())
        .filter(|cells: &Vec<&str>| cells.len() >= 4)
        .collect()
}

/// The `code` spans of a cell.
fn spans(cell: &str) -> Vec<&str> {
    cell.split('`').skip(1).step_by(2).collect()
}

/// Every Rust source of the repository's crates (functions/ and tests/).
fn rust_sources() -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let root = core_dir().join("../..");
    let mut paths = Vec::new();
    walk(&root.join("functions"), &mut paths);
    walk(&root.join("tests/src"), &mut paths);
    walk(&root.join("tests/tests"), &mut paths);
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

#[test]
fn every_place_and_proof_rules_md_names_exists() {
    let rules = std::fs::read_to_string(core_dir().join("RULES.md")).unwrap();
    let rows = table_rows(&rules);
    assert!(rows.len() > 30, "RULES.md's tables were not read");
    let sources = rust_sources();
    let is_test_fn = |name: &str, prefix: bool| {
        let wanted = format!("fn {name}");
        sources.iter().any(|s| {
            s.match_indices(&wanted).any(|(at, _)| {
                let next = s[at + wanted.len()..].chars().next();
                prefix || next == Some('(')
            })
        })
    };
    let mut missing = Vec::new();
    for cells in &rows {
        let (place, proof) = (cells[cells.len() - 2], cells[cells.len() - 1]);
        for file in spans(place)
            .into_iter()
            .filter(|s| s.ends_with(".rs") || s.ends_with(".sql"))
        {
            if !core_dir().join("src").join(file).exists() {
                missing.push(format!("{}: no file src/{file}", cells[0]));
            }
        }
        for name in spans(proof) {
            let (stem, prefix) = match name.strip_suffix('*') {
                Some(stem) => (stem, true),
                None => (name, false),
            };
            let looks_like_a_test = !stem.is_empty()
                && stem.contains('_')
                && stem
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if looks_like_a_test && !is_test_fn(stem, prefix) {
                missing.push(format!("{}: no test fn {name}", cells[0]));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "RULES.md names what is not there:\n{}",
        missing.join("\n")
    );
}
