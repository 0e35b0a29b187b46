//! What each member of staff may do: one role per account or token, and the office's
//! tasks each role may do. A supervisor may do everything.

use crate::kernel::error::Error;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Check-in, walk-in tickets, no-show and fictitious marks.
    Counter,
    /// The complaints desk.
    Complaints,
    /// Digital orders.
    Orders,
    /// Closures and relocations, exemptions, failed messages, audit, accounts, and all
    /// of the above.
    Supervisor,
}

/// The areas of the back office, each guarded by a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    Counter,
    Complaints,
    Orders,
    Supervise,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Counter,
        Role::Complaints,
        Role::Orders,
        Role::Supervisor,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Counter => "counter",
            Role::Complaints => "complaints",
            Role::Orders => "orders",
            Role::Supervisor => "supervisor",
        }
    }

    /// The message naming the role on the back office's pages.
    pub fn name_id(self) -> &'static str {
        match self {
            Role::Counter => "staff-role-counter",
            Role::Complaints => "staff-role-complaints",
            Role::Orders => "staff-role-orders",
            Role::Supervisor => "staff-role-supervisor",
        }
    }

    pub fn parse(code: &str) -> Result<Role, Error> {
        Role::ALL
            .into_iter()
            .find(|r| r.code() == code.trim())
            .ok_or_else(|| Error::field("invalid_role", "role"))
    }

    pub fn may(self, task: Task) -> bool {
        matches!(
            (self, task),
            (Role::Supervisor, _)
                | (Role::Counter, Task::Counter)
                | (Role::Complaints, Task::Complaints)
                | (Role::Orders, Task::Orders)
        )
    }

    /// Ok when this role may do `task`; a refusal is 403 and changes nothing.
    pub fn require(self, task: Task) -> Result<(), Error> {
        if self.may(task) {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_role_may_only_its_own_tasks_and_the_supervisor_all() {
        let tasks = [
            Task::Counter,
            Task::Complaints,
            Task::Orders,
            Task::Supervise,
        ];
        for role in Role::ALL {
            let allowed: Vec<Task> = tasks.into_iter().filter(|t| role.may(*t)).collect();
            let expected = match role {
                Role::Counter => vec![Task::Counter],
                Role::Complaints => vec![Task::Complaints],
                Role::Orders => vec![Task::Orders],
                Role::Supervisor => tasks.to_vec(),
            };
            assert_eq!(allowed, expected, "{role:?}");
        }
        assert!(matches!(
            Role::Counter.require(Task::Supervise),
            Err(Error::Forbidden)
        ));
        assert_eq!(Role::parse(" orders ").unwrap(), Role::Orders);
        assert!(Role::parse("admin").is_err());
    }
}
