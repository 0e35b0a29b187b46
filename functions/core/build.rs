//! Two tables read at build time:
//! - the methods each `/api/…` route answers, from the OpenAPI document: the document is
//!   the contract, so an undeclared method is refused with the `Allow` it declares and
//!   can't drift from it;
//! - the message files, `locales/{language}/{area}.ftl`: a new area's file is picked up
//!   by being there.

use std::fmt::Write;

fn main() {
    api_methods();
    locales();
}

fn locales() {
    let root = std::path::Path::new("locales");
    println!("cargo::rerun-if-changed=locales");
    let mut table = String::from("pub(super) const FILES: &[(&str, &str, &str)] = &[\n");
    let mut languages: Vec<_> = std::fs::read_dir(root)
        .expect("functions/core/locales is readable")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    languages.sort();
    for dir in languages {
        println!("cargo::rerun-if-changed={}", dir.display());
        let language = dir
            .file_name()
            .and_then(|n| n.to_str())
            .expect("a language code");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("a language's folder is readable")
            .map(|e| e.expect("a directory entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        for file in files {
            println!("cargo::rerun-if-changed={}", file.display());
            let area = file
                .file_stem()
                .and_then(|n| n.to_str())
                .expect("an area name");
            let absolute = std::fs::canonicalize(&file).expect("the file exists");
            writeln!(
                table,
                "    ({language:?}, {area:?}, include_str!({:?})),",
                absolute.display().to_string()
            )
            .expect("a string");
        }
    }
    table.push_str("];\n");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("locales.rs");
    std::fs::write(out, table).expect("OUT_DIR is writable");
}

fn api_methods() {
    let path = "../../static/openapi.json";
    println!("cargo::rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).expect("static/openapi.json is readable");
    let doc: serde_json::Value = serde_json::from_str(&text).expect("the OpenAPI document is JSON");
    let mut table = String::from("pub(crate) const API_METHODS: &[(&str, &str)] = &[\n");
    for (route, operations) in doc["paths"].as_object().expect("paths") {
        let declared = operations.as_object().expect("operations");
        // In one order everywhere: GET (with HEAD, which answers it), POST, the rest.
        let methods: Vec<&str> = ["get", "head", "post", "put", "patch", "delete"]
            .into_iter()
            .filter(|m| declared.contains_key(*m) || (*m == "head" && declared.contains_key("get")))
            .collect();
        let methods: Vec<String> = methods.iter().map(|m| m.to_uppercase()).collect();
        writeln!(table, "    ({route:?}, {:?}),", methods.join(", ")).expect("a string");
    }
    table.push_str("];\n");
    let out =
        std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("api_methods.rs");
    std::fs::write(out, table).expect("OUT_DIR is writable");
}
