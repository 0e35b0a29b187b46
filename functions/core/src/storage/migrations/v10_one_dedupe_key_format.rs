//! One dedupe key format for every outbox row (`messaging::queue`):
//! `{kind}:{channel}:{subject}[:{occasion}]`. Rows queued before it are rewritten,
//! so a message queued again after the upgrade still finds its first row.

pub(super) const STATEMENTS: &[&str] = &[
    // An order's emails were keyed `{kind}:{order}:{occasion}`.
    "UPDATE outbox SET dedupe_key = kind || ':email:' || substr(dedupe_key, length(kind) + 2)
     WHERE order_id IS NOT NULL
       AND substr(dedupe_key, 1, length(kind || ':' || order_id || ':')) = kind || ':' || order_id || ':'",
    // A complaint's SLA notice to staff (C04, T02) was keyed `sla:{complaint}:{flag}`.
    "UPDATE outbox SET dedupe_key = 'sla_staff:email:' || substr(dedupe_key, 5)
     WHERE kind = 'sla_staff' AND substr(dedupe_key, 1, 4) = 'sla:'",
];
