//! The methods each `/api/…` route answers, read from the OpenAPI document at build
//! time: the document is the contract, so an undeclared method is refused with the
//! `Allow` it declares and can't drift from it.

use std::fmt::Write;

fn main() {
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
