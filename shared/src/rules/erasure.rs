//! Erasure of a participant: the coordinator confirms by typing the participant's full name,
//! checked as they type and again on the server.

use crate::violation::{Violation, ViolationKind};

/// The field of the confirmation in `ErasureInput`.
pub const CONFIRM_FIELD: &str = "confirm_name";

/// The word both names of an erased participant are overwritten with: stored, never shown (the
/// screens show one translated label instead, see [`is_erased`]).
pub const ERASED_NAME: &str = "Gewist";

/// The label an erased participant's name has in a CSV download, whose values are codes.
pub const ERASED_CSV_LABEL: &str = "erased";

/// Whether a stored name is that of an erased participant.
pub fn is_erased(first_name: &str, last_name: &str) -> bool {
    first_name == ERASED_NAME && last_name == ERASED_NAME
}

/// Whether a first name, shown without the last, is that of an erased participant.
pub fn is_erased_first_name(first_name: &str) -> bool {
    first_name == ERASED_NAME
}

/// The full name as stored: first and last name with one space between.
pub fn full_name(first_name: &str, last_name: &str) -> String {
    format!("{first_name} {last_name}")
}

/// The typed name confirms the erasure when, without spaces before and after, it is exactly the
/// participant's full name (capitals included): anything else is `confirmation_mismatch`.
pub fn check_confirmation(typed: &str, first_name: &str, last_name: &str) -> Result<(), Violation> {
    if typed.trim() == full_name(first_name, last_name) {
        Ok(())
    } else {
        Err(Violation::new(
            CONFIRM_FIELD,
            ViolationKind::ConfirmationMismatch {},
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_both_names_overwritten_mark_an_erased_participant() {
        assert!(is_erased(ERASED_NAME, ERASED_NAME));
        assert!(!is_erased(ERASED_NAME, "Haddad"));
        assert!(!is_erased("Amal", ERASED_NAME));
        assert!(!is_erased("Amal", "Haddad"));
    }

    #[test]
    fn the_full_name_with_spaces_around_it_confirms() {
        assert!(check_confirmation("Amal Haddad", "Amal", "Haddad").is_ok());
        assert!(check_confirmation("  Amal Haddad \n", "Amal", "Haddad").is_ok());
        assert!(check_confirmation("Anna de Vries", "Anna", "de Vries").is_ok());
    }

    #[test]
    fn another_spelling_a_part_of_the_name_or_nothing_does_not_confirm() {
        for typed in [
            "",
            "Amal",
            "Haddad",
            "Amal Hadad",
            "amal haddad",
            "Amal  Haddad",
            "Haddad Amal",
        ] {
            let refused = check_confirmation(typed, "Amal", "Haddad").unwrap_err();
            assert_eq!(refused.field, CONFIRM_FIELD, "{typed:?}");
            assert_eq!(refused.kind.code(), "confirmation_mismatch", "{typed:?}");
        }
    }
}
