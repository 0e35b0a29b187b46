//! Prints the Argon2id hash of a password read from standard input, for the office's
//! `first_supervisor` variable (`name:<hash>`). The password is never an argument, so
//! it stays out of the shell's history and the process list.

use std::io::BufRead;

fn main() -> std::process::ExitCode {
    eprintln!("Password (at least 12 characters), then Enter:");
    let mut line = String::new();
    if let Err(e) = std::io::stdin().lock().read_line(&mut line) {
        eprintln!("could not read the password: {e}");
        return std::process::ExitCode::FAILURE;
    }
    match ghiseu_core::staff::accounts::hash_password(line.trim_end_matches(['\r', '\n'])) {
        Ok(hash) => {
            println!("{hash}");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.explain(ghiseu_core::kernel::text::Lang::En).message);
            std::process::ExitCode::FAILURE
        }
    }
}
