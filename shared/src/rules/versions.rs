//! Edits that meet: every record carries a version, and an update names the one it started from.

use crate::violation::{Violation, ViolationKind};

/// The version a new record starts with.
pub const FIRST_VERSION: i64 = 1;

/// Refuses an update that started from another version than the stored one.
pub fn check_version(stored: i64, given: i64) -> Result<(), Violation> {
    if stored == given {
        Ok(())
    } else {
        Err(Violation::new(
            "version",
            ViolationKind::StaleVersion {
                current_version: stored,
            },
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_update_from_the_stored_version_is_accepted() {
        assert!(check_version(3, 3).is_ok());
    }

    #[test]
    fn an_update_from_an_older_version_is_stale_and_names_the_current_one() {
        let err = check_version(4, 3).unwrap_err();
        assert_eq!(err.field, "version");
        assert_eq!(err.kind, ViolationKind::StaleVersion { current_version: 4 });
    }

    #[test]
    fn an_update_from_a_version_that_never_existed_is_refused_too() {
        assert!(check_version(4, 5).is_err());
    }
}
