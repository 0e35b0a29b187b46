//! Parameters bound by name: a statement writes `:name` where a value goes, and the
//! caller gives `(name, value)` pairs, so a column added in the middle of a long
//! list can't shift the others. SQLite numbers named parameters in the order they
//! first appear (the same name is one parameter), which is what `ordered` builds
//! for the positional host call Spin offers. A libSQL server refuses positional
//! values for `:name`s, so the statement sent says `?1`, `?2`… instead (`numbered`):
//! the same numbering, which SQLite and libSQL both bind positionally.

/// The distinct `:name` parameters of a statement, in the order SQLite numbers them.
/// Quoted text ('…' and "…") is skipped, so `'confirmation:sms:'` names nothing.
fn parameter_names(sql: &str) -> Vec<&str> {
    numbered(sql).1
}

/// The statement with each `:name` written as its number (`?1`…), and the names in
/// that order.
pub fn numbered(sql: &str) -> (String, Vec<&str>) {
    let bytes = sql.as_bytes();
    let mut names: Vec<&str> = Vec::new();
    let mut out = String::with_capacity(sql.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            quote @ (b'\'' | b'"') => {
                i += 1;
                while i < bytes.len() && bytes[i] != quote {
                    i += 1;
                }
            }
            b':' => {
                let start = i + 1;
                let mut end = start;
                while end < bytes.len()
                    && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_')
                {
                    end += 1;
                }
                if end > start {
                    let name = &sql[start..end];
                    let at = match names.iter().position(|n| *n == name) {
                        Some(at) => at,
                        None => {
                            names.push(name);
                            names.len() - 1
                        }
                    };
                    out.push_str(&sql[copied..i]);
                    out.push_str(&format!("?{}", at + 1));
                    copied = end;
                }
                i = end.max(i + 1) - 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push_str(&sql[copied..]);
    (out, names)
}

/// The values of `params` in the order the statement's `:name`s are numbered. Every
/// name the statement uses must be given, and every name given must be used: a typo
/// is a fault the first test run shows, never a NULL bound silently.
pub fn ordered<V: Clone>(sql: &str, params: &[(&str, V)]) -> Result<Vec<V>, String> {
    let names = parameter_names(sql);
    let unknown = params.iter().find(|(name, _)| !names.contains(name));
    if let Some((name, _)) = unknown {
        return Err(format!("parameter :{name} is not in the statement"));
    }
    names
        .iter()
        .map(|name| {
            params
                .iter()
                .find(|(given, _)| given == name)
                .map(|(_, value)| value.clone())
                .ok_or_else(|| format!("parameter :{name} has no value"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::Value;

    #[test]
    fn names_are_numbered_by_first_appearance_and_quotes_name_nothing() {
        let sql = "INSERT INTO outbox (dedupe_key, booking_id) SELECT 'reminder:sms:' || :id, :id
            FROM bookings WHERE id = :id AND slot_start > :after AND note = \":not_me\"";
        assert_eq!(parameter_names(sql), ["id", "after"]);
        assert_eq!(
            numbered(sql).0,
            "INSERT INTO outbox (dedupe_key, booking_id) SELECT 'reminder:sms:' || ?1, ?1
            FROM bookings WHERE id = ?1 AND slot_start > ?2 AND note = \":not_me\""
        );
        let given: [(&str, Value); 2] = [("after", "t".into()), ("id", 7.into())];
        let values = ordered(sql, &given).unwrap();
        assert_eq!(values, [Value::Integer(7), Value::Text("t".into())]);
    }

    #[test]
    fn a_missing_or_unknown_name_is_refused() {
        let sql = "UPDATE bookings SET state = :state WHERE id = :id";
        let missing: [(&str, Value); 1] = [("id", 1.into())];
        assert!(ordered(sql, &missing).is_err());
        let too_many: [(&str, Value); 3] =
            [("id", 1.into()), ("state", "x".into()), ("typo", 2.into())];
        assert!(ordered(sql, &too_many).is_err());
    }
}
