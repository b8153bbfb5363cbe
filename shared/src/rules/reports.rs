//! Municipality reports: aggregated figures with small cells hidden.

use serde::{Deserialize, Serialize};

/// The programme's aim: prepare this many refugees to find work.
pub const PROGRAMME_AIM: u32 = 1_500;

/// Counts below this are hidden in a group smaller than the whole.
pub const SMALL_CELL: u32 = 5;

/// A count as a report may show it: exact, or `<5`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportCount {
    Exact(u32),
    FewerThanFive,
}

impl Serialize for ReportCount {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ReportCount::Exact(n) => serializer.serialize_u32(*n),
            ReportCount::FewerThanFive => serializer.serialize_str("<5"),
        }
    }
}

impl<'de> Deserialize<'de> for ReportCount {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(u32),
            Text(String),
        }
        match Raw::deserialize(deserializer)? {
            Raw::Number(n) => Ok(ReportCount::Exact(n)),
            Raw::Text(t) if t == "<5" => Ok(ReportCount::FewerThanFive),
            Raw::Text(_) => Err(serde::de::Error::custom("expected a count or \"<5\"")),
        }
    }
}

impl std::fmt::Display for ReportCount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReportCount::Exact(n) => write!(f, "{n}"),
            ReportCount::FewerThanFive => f.write_str("<5"),
        }
    }
}

/// The small-cell rule: in a group smaller than the whole, a count below 5 (zero included, so a
/// hidden count cannot be told apart from none) is shown as `<5`.
pub fn small_cell(count: u32, group_is_whole: bool) -> ReportCount {
    if !group_is_whole && count < SMALL_CELL {
        ReportCount::FewerThanFive
    } else {
        ReportCount::Exact(count)
    }
}

/// The median of a list of day counts, halves rounded down; `None` when empty.
pub fn median_days(mut days: Vec<i64>) -> Option<i64> {
    if days.is_empty() {
        return None;
    }
    days.sort_unstable();
    let mid = days.len() / 2;
    if days.len() % 2 == 1 {
        Some(days[mid])
    } else {
        Some((days[mid - 1] + days[mid]).div_euclid(2))
    }
}

/// Progress towards the aim, in whole per mille (0..=1000, capped).
pub fn aim_per_mille(started: u32) -> u32 {
    (u64::from(started) * 1000 / u64::from(PROGRAMME_AIM)).min(1000) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_count_of_4_in_a_part_is_hidden_and_5_is_shown() {
        assert_eq!(small_cell(4, false), ReportCount::FewerThanFive);
        assert_eq!(small_cell(5, false), ReportCount::Exact(5));
    }

    #[test]
    fn zero_in_a_part_is_hidden_too() {
        assert_eq!(small_cell(0, false), ReportCount::FewerThanFive);
    }

    #[test]
    fn the_whole_shows_small_counts() {
        assert_eq!(small_cell(3, true), ReportCount::Exact(3));
    }

    #[test]
    fn a_hidden_count_is_the_text_lt5_in_json() {
        assert_eq!(
            serde_json::to_string(&ReportCount::FewerThanFive).unwrap(),
            "\"<5\""
        );
        assert_eq!(
            serde_json::to_string(&ReportCount::Exact(12)).unwrap(),
            "12"
        );
        assert_eq!(
            serde_json::from_str::<ReportCount>("\"<5\"").unwrap(),
            ReportCount::FewerThanFive
        );
        assert!(serde_json::from_str::<ReportCount>("\"<6\"").is_err());
    }

    #[test]
    fn the_median_of_an_odd_and_an_even_list() {
        assert_eq!(median_days(vec![30, 10, 20]), Some(20));
        assert_eq!(median_days(vec![10, 20, 30, 41]), Some(25));
        assert_eq!(median_days(vec![]), None);
    }

    #[test]
    fn progress_towards_the_aim_of_1500() {
        assert_eq!(aim_per_mille(0), 0);
        assert_eq!(aim_per_mille(675), 450);
        assert_eq!(aim_per_mille(1500), 1000);
        assert_eq!(aim_per_mille(3000), 1000);
    }

    proptest! {
        #[test]
        fn no_count_below_5_ever_shows_in_a_part(count in 0u32..1000) {
            let shown = small_cell(count, false);
            prop_assert_eq!(shown == ReportCount::FewerThanFive, count < 5);
        }

        #[test]
        fn a_report_count_survives_json(count in 5u32..100_000) {
            let c = ReportCount::Exact(count);
            let back: ReportCount = serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
            prop_assert_eq!(back, c);
        }
    }
}
