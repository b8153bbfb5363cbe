//! The six-rung participation ladder, recorded at intake, at exit and at follow-up.

use serde::{Deserialize, Serialize};

use crate::values::LadderRung;

/// When a rung was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LadderMoment {
    Intake,
    Exit,
    FollowUp,
}

/// The name of a rung, for translations as `ladder-<key>`.
pub fn rung_key(rung: LadderRung) -> &'static str {
    match rung.get() {
        1 => "isolated",
        2 => "social_contacts",
        3 => "organised_activities",
        4 => "unpaid_work",
        5 => "paid_work_with_support",
        _ => "paid_work",
    }
}

/// Rungs climbed (positive) or descended (negative) between two records.
pub fn movement(from: LadderRung, to: LadderRung) -> i8 {
    to.get() as i8 - from.get() as i8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rung(n: i64) -> LadderRung {
        LadderRung::new(n).unwrap()
    }

    #[test]
    fn every_rung_has_its_own_name() {
        let names: std::collections::BTreeSet<_> = (1..=6).map(|n| rung_key(rung(n))).collect();
        assert_eq!(names.len(), 6);
        assert_eq!(rung_key(rung(1)), "isolated");
        assert_eq!(rung_key(rung(6)), "paid_work");
    }

    #[test]
    fn movement_is_the_difference_between_rungs() {
        assert_eq!(movement(rung(2), rung(5)), 3);
        assert_eq!(movement(rung(4), rung(3)), -1);
        assert_eq!(movement(rung(3), rung(3)), 0);
    }
}
