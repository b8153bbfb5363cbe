use serde::{Deserialize, Serialize};
use std::fmt;

use crate::violation::ViolationKind;

/// An amount of money in whole euro cents (never a float). Shown and typed as `12.50` (a comma
/// is accepted too).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(transparent))]
pub struct Money(i64);

impl Money {
    pub const ZERO: Money = Money(0);

    pub const fn from_cents(cents: i64) -> Money {
        Money(cents)
    }

    pub const fn cents(self) -> i64 {
        self.0
    }

    /// Reads `12`, `12.5`, `12.50`, `12,50`, `-3.10`: at most two decimals.
    pub fn parse(text: &str) -> Result<Money, ViolationKind> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ViolationKind::Required {});
        }
        let (negative, unsigned) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = match unsigned.split_once(['.', ',']) {
            Some((w, f)) => (w, f),
            None => (unsigned, ""),
        };
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(fraction) || fraction.len() > 2 {
            return Err(ViolationKind::InvalidFormat {});
        }
        let euros: i64 = whole.parse().map_err(|_| ViolationKind::InvalidFormat {})?;
        let cents: i64 = match fraction.len() {
            0 => 0,
            1 => {
                fraction
                    .parse::<i64>()
                    .map_err(|_| ViolationKind::InvalidFormat {})?
                    * 10
            }
            _ => fraction
                .parse()
                .map_err(|_| ViolationKind::InvalidFormat {})?,
        };
        let total = euros
            .checked_mul(100)
            .and_then(|c| c.checked_add(cents))
            .ok_or(ViolationKind::InvalidFormat {})?;
        Ok(Money(if negative { -total } else { total }))
    }

    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    pub fn saturating_sub(self, other: Money) -> Money {
        Money(self.0.saturating_sub(other.0))
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl std::str::FromStr for Money {
    type Err = ViolationKind;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Money::parse(text)
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        Money(iter.map(|m| m.0).fold(0i64, i64::saturating_add))
    }
}

/// An integer in a fixed range; out of range is `out_of_range` with `min` and `max`.
macro_rules! ranged_int {
    ($(#[$doc:meta])* $name:ident, $min:literal, $max:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "i64", into = "i64")]
        #[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(transparent))]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub struct $name(u8);

        impl $name {
            pub const MIN: u8 = $min;
            pub const MAX: u8 = $max;

            pub fn new(value: i64) -> Result<Self, ViolationKind> {
                if (i64::from(Self::MIN)..=i64::from(Self::MAX)).contains(&value) {
                    Ok($name(value as u8))
                } else {
                    Err(ViolationKind::OutOfRange {
                        min: i64::from(Self::MIN),
                        max: i64::from(Self::MAX),
                    })
                }
            }

            pub fn get(self) -> u8 {
                self.0
            }
        }

        impl TryFrom<i64> for $name {
            type Error = ViolationKind;
            fn try_from(value: i64) -> Result<Self, Self::Error> {
                $name::new(value)
            }
        }

        impl From<$name> for i64 {
            fn from(value: $name) -> i64 {
                i64::from(value.0)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = ViolationKind;
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                let text = text.trim();
                if text.is_empty() {
                    return Err(ViolationKind::Required {});
                }
                let value: i64 = text.parse().map_err(|_| ViolationKind::InvalidFormat {})?;
                $name::new(value)
            }
        }
    };
}

ranged_int!(
    /// Places on a company visit: 1..=25.
    Capacity, 1, 25
);
ranged_int!(
    /// A rung of the six-rung participation ladder: 1 isolated .. 6 paid work.
    LadderRung, 1, 6
);
ranged_int!(
    /// An evaluation score: 1..=5.
    Score, 1, 5
);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn money_reads_euros_with_a_dot_or_a_comma() {
        assert_eq!(Money::parse("12,50"), Ok(Money::from_cents(1250)));
        assert_eq!(Money::parse("12.5"), Ok(Money::from_cents(1250)));
        assert_eq!(Money::parse("12"), Ok(Money::from_cents(1200)));
        assert_eq!(Money::parse("0.01"), Ok(Money::from_cents(1)));
        assert_eq!(Money::parse("-3.10"), Ok(Money::from_cents(-310)));
    }

    #[test]
    fn money_with_three_decimals_or_letters_is_refused() {
        for input in ["1.234", "abc", "1,2,3", ".50", "1e3", "€5"] {
            assert_eq!(
                Money::parse(input),
                Err(ViolationKind::InvalidFormat {}),
                "{input}"
            );
        }
    }

    #[test]
    fn money_is_shown_with_two_decimals() {
        assert_eq!(Money::from_cents(100_000).to_string(), "1000.00");
        assert_eq!(Money::from_cents(5).to_string(), "0.05");
        assert_eq!(Money::from_cents(-5).to_string(), "-0.05");
    }

    #[test]
    fn money_is_an_integer_in_json() {
        assert_eq!(
            serde_json::to_string(&Money::from_cents(1250)).unwrap(),
            "1250"
        );
    }

    #[test]
    fn a_capacity_of_0_and_26_is_out_of_range_and_1_and_25_are_accepted() {
        let range = ViolationKind::OutOfRange { min: 1, max: 25 };
        assert_eq!(Capacity::new(0), Err(range.clone()));
        assert!(Capacity::new(1).is_ok());
        assert!(Capacity::new(25).is_ok());
        assert_eq!(Capacity::new(26), Err(range));
    }

    #[test]
    fn a_ladder_rung_is_1_to_6() {
        assert!(LadderRung::new(0).is_err());
        assert!(LadderRung::new(1).is_ok());
        assert!(LadderRung::new(6).is_ok());
        assert!(LadderRung::new(7).is_err());
        assert!(serde_json::from_str::<LadderRung>("7").is_err());
    }

    #[test]
    fn a_score_is_1_to_5() {
        assert!(Score::new(0).is_err());
        assert!(Score::new(5).is_ok());
        assert!(Score::new(6).is_err());
        assert_eq!("".parse::<Score>(), Err(ViolationKind::Required {}));
        assert_eq!("x".parse::<Score>(), Err(ViolationKind::InvalidFormat {}));
    }

    proptest! {
        #[test]
        fn money_survives_display_and_parse(cents in -10_000_000i64..10_000_000) {
            let money = Money::from_cents(cents);
            prop_assert_eq!(money.to_string().parse::<Money>().unwrap(), money);
        }

        #[test]
        fn a_score_is_accepted_exactly_in_its_range(value in -10i64..20) {
            prop_assert_eq!(Score::new(value).is_ok(), (1..=5).contains(&value));
        }

        #[test]
        fn a_ladder_rung_survives_display_and_parse(value in 1i64..=6) {
            let rung = LadderRung::new(value).unwrap();
            prop_assert_eq!(rung.to_string().parse::<LadderRung>().unwrap(), rung);
        }
    }
}
