//! Password rules, checked as the user types and again on the server.

use crate::violation::ViolationKind;

/// Fewest characters.
pub const MIN_CHARS: u32 = 8;
/// Most characters (more than 64, so pass phrases fit).
pub const MAX_CHARS: u32 = 128;

/// Length 8..=128 characters (Unicode scalar values), and not among the most common passwords.
/// `is_common` answers from the shipped list (the server holds it; the browser may too).
pub fn check_password(
    password: &str,
    is_common: impl Fn(&str) -> bool,
) -> Result<(), ViolationKind> {
    let chars = password.chars().count();
    if chars < MIN_CHARS as usize {
        return Err(ViolationKind::PasswordTooShort { min: MIN_CHARS });
    }
    if chars > MAX_CHARS as usize {
        return Err(ViolationKind::PasswordTooLong { max: MAX_CHARS });
    }
    if is_common(&password.to_lowercase()) {
        return Err(ViolationKind::PasswordTooCommon {});
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn never(_: &str) -> bool {
        false
    }

    #[test]
    fn a_password_of_7_characters_is_too_short_and_of_8_accepted() {
        assert_eq!(
            check_password("abcdefg", never),
            Err(ViolationKind::PasswordTooShort { min: 8 })
        );
        assert!(check_password("abcdefgh", never).is_ok());
    }

    #[test]
    fn a_password_of_128_characters_is_accepted_and_of_129_too_long() {
        assert!(check_password(&"a".repeat(128), never).is_ok());
        assert_eq!(
            check_password(&"a".repeat(129), never),
            Err(ViolationKind::PasswordTooLong { max: 128 })
        );
    }

    #[test]
    fn length_counts_characters_so_arabic_pass_phrases_are_not_cut_short() {
        // 8 Arabic letters are 16 bytes.
        assert!(check_password("كلمةسرية", never).is_ok());
    }

    #[test]
    fn a_common_password_is_refused_whatever_its_case() {
        let common = |p: &str| p == "password123";
        assert_eq!(
            check_password("Password123", common),
            Err(ViolationKind::PasswordTooCommon {})
        );
    }
}
