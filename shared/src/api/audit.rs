//! `GET /audit`: the audit log, for coordinators: who did what to which record, when, and how it
//! ended. Ids only: an entry never carries a name, an address or any other personal data.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::{
    ids::UserId,
    violation::{ViolationKind, Violations},
};

/// Every action the server writes to the audit log. A filter naming another one is refused
/// (`unknown_action`); the app has a name for each in every language.
pub const AUDIT_ACTIONS: &[&str] = &[
    "access.forbidden",
    "access.outside_scope",
    "action.create",
    "action.update",
    "attendance.record",
    "calendar_feed.create",
    "calendar_feed.revoke",
    "cohort.create",
    "competences.update",
    "consent.give",
    "consent.withdraw",
    "contact.create",
    "evaluation.create",
    "event.attendance",
    "event.cancel_registration",
    "event.create",
    "event.register",
    "expense.create",
    "expense.decide",
    "export.attendance",
    "export.expenses",
    "export.internships",
    "export.openings",
    "export.participants",
    "goal.create",
    "goal.update",
    "internship.absence",
    "internship.cancel",
    "internship.create",
    "internship.extend",
    "introduction.create",
    "introduction.update",
    "invitation.accept",
    "invitation.accept.limited",
    "invitation.create",
    "login",
    "login.limited",
    "login.password",
    "logout",
    "meeting.schedule",
    "municipality.create",
    "municipality.update",
    "opening.create",
    "opening.update",
    "organisation.create",
    "organisation.update",
    "outcome.create",
    "outcome.follow_up",
    "participant.civic_integration",
    "participant.create",
    "participant.erase",
    "participant.erase_retention",
    "participant.export",
    "participant.update",
    "password.change",
    "password_reset.create",
    "password_reset.use",
    "password_reset.use.limited",
    "programme_settings.update",
    "recovery_code.use",
    "registration.create",
    "totp.enrol",
    "totp.enrol.start",
    "totp.verify",
    "totp.verify.limited",
    "user.disable",
    "user.enable",
    "user.interface_language",
];

/// The kinds of record a filter may name: the records changes are written for, and the parts of
/// a file a refusal names.
pub const AUDIT_RECORD_TYPES: &[&str] = &[
    "action",
    "attendance",
    "audit_log",
    "calendar_feed",
    "cohort",
    "competences",
    "consent",
    "contact",
    "csv_export",
    "data_export",
    "erasure",
    "evaluation",
    "event",
    "event_registration",
    "expense",
    "export",
    "goal",
    "history",
    "internship",
    "introduction",
    "invitation",
    "municipality",
    "opening",
    "organisation",
    "outcome",
    "participant",
    "plan",
    "registration",
    "route",
    "suggestion",
    "user",
];

/// How the act ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AuditOutcome {
    Success,
    /// A failed attempt (a wrong password, a wrong code).
    Failure,
    /// Turned away: no right to it, or too many attempts.
    Refused,
}

impl AuditOutcome {
    pub fn parse(text: &str) -> Option<AuditOutcome> {
        match text {
            "success" => Some(AuditOutcome::Success),
            "failure" => Some(AuditOutcome::Failure),
            "refused" => Some(AuditOutcome::Refused),
            _ => None,
        }
    }
}

/// One entry of the audit log, as stored (without the address it came from).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub id: String,
    /// When, RFC 3339 (UTC).
    pub at: String,
    /// The acting account; `None` for the system, or a login with an unknown address.
    pub actor_id: Option<UserId>,
    /// One of [`AUDIT_ACTIONS`] (`participant.update`, `login`, ...).
    pub action: String,
    /// The kind of record it concerns (one of [`AUDIT_RECORD_TYPES`]), if any.
    pub record_type: Option<String>,
    pub record_id: Option<String>,
    pub outcome: AuditOutcome,
}

/// The query of `GET /audit`, as sent: every parameter is optional and read as text, so that
/// each one that does not read answers 400 with a violation on its own name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct AuditQuery {
    /// The first day (UTC), `YYYY-MM-DD`.
    #[cfg_attr(feature = "openapi", param(value_type = Option<NaiveDate>))]
    pub from: Option<String>,
    /// The last day (UTC), `YYYY-MM-DD`, included.
    #[cfg_attr(feature = "openapi", param(value_type = Option<NaiveDate>))]
    pub to: Option<String>,
    /// One of the audit log's actions.
    pub action: Option<String>,
    /// The acting account.
    pub actor_id: Option<String>,
    /// The kind of record.
    pub record_type: Option<String>,
    /// The record's id; needs `record_type`.
    pub record_id: Option<String>,
    /// Entries per page, 1 to 100 (50 when left out).
    #[cfg_attr(feature = "openapi", param(value_type = Option<u32>, minimum = 1, maximum = 100))]
    pub limit: Option<String>,
    /// The `next_cursor` of the page before.
    pub cursor: Option<String>,
}

/// A checked [`AuditQuery`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditFilter {
    /// The first day's start, `YYYY-MM-DD` (compared with the entries' RFC 3339 moments).
    pub from: Option<NaiveDate>,
    /// The day after the last one.
    pub before: Option<NaiveDate>,
    pub action: Option<&'static str>,
    pub actor_id: Option<UserId>,
    pub record_type: Option<&'static str>,
    pub record_id: Option<String>,
    pub limit: u32,
    /// Only entries written before the one the cursor names (its place in the log).
    pub after_cursor: Option<i64>,
}

impl AuditQuery {
    /// The query from its parameters by name, as a URL carries them; `None` when a name is not
    /// one of the query's.
    pub fn from_pairs(pairs: &[(&str, &str)]) -> Option<AuditQuery> {
        let mut q = AuditQuery::default();
        for (key, value) in pairs {
            let value = Some((*value).to_owned());
            let field = match *key {
                "from" => &mut q.from,
                "to" => &mut q.to,
                "action" => &mut q.action,
                "actor_id" => &mut q.actor_id,
                "record_type" => &mut q.record_type,
                "record_id" => &mut q.record_id,
                "limit" => &mut q.limit,
                "cursor" => &mut q.cursor,
                _ => return None,
            };
            *field = value;
        }
        Some(q)
    }

    pub const DEFAULT_LIMIT: u32 = 50;
    /// The largest page: a coordinator pages, never downloads the log in one answer.
    pub const MAX_LIMIT: u32 = 100;

    /// Checks every parameter; an empty one counts as left out.
    pub fn validate(&self) -> Result<AuditFilter, Violations> {
        let mut violations = Violations::new();
        let given = |value: &Option<String>| -> Option<String> {
            value
                .as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        let date = |violations: &mut Violations, field: &str| -> Option<NaiveDate> {
            let value = given(if field == "from" {
                &self.from
            } else {
                &self.to
            })?;
            let parsed = NaiveDate::parse_from_str(&value, "%Y-%m-%d").ok();
            if parsed.is_none() {
                violations.push(field, ViolationKind::InvalidFormat {});
            }
            parsed
        };
        let from = date(&mut violations, "from");
        let to = date(&mut violations, "to");
        if let (Some(from), Some(to)) = (from, to)
            && to < from
        {
            violations.push("to", ViolationKind::EndBeforeStart {});
        }
        let before = to.map(|to| to.checked_add_days(Days::new(1)).unwrap_or(to));
        let action = given(&self.action).and_then(|a| {
            let known = AUDIT_ACTIONS.iter().find(|known| **known == a).copied();
            if known.is_none() {
                violations.push("action", ViolationKind::UnknownAction {});
            }
            known
        });
        let actor_id = given(&self.actor_id)
            .and_then(|id| violations.check("actor_id", UserId::parse(id).map_err(format)));
        let record_type = given(&self.record_type).and_then(|t| {
            let known = AUDIT_RECORD_TYPES
                .iter()
                .find(|known| **known == t)
                .copied();
            if known.is_none() {
                violations.push(
                    "record_type",
                    ViolationKind::InvalidChoice {
                        allowed: AUDIT_RECORD_TYPES.join(", "),
                    },
                );
            }
            known
        });
        let record_id = given(&self.record_id).and_then(|id| {
            violations.check(
                "record_id",
                UserId::parse(id)
                    .map(|id| id.as_str().to_owned())
                    .map_err(format),
            )
        });
        if record_id.is_some() && given(&self.record_type).is_none() {
            violations.push("record_type", ViolationKind::Required {});
        }
        let limit = match given(&self.limit) {
            None => Some(Self::DEFAULT_LIMIT),
            Some(text) => {
                let limit = text
                    .parse::<u32>()
                    .ok()
                    .filter(|n| (1..=Self::MAX_LIMIT).contains(n));
                if limit.is_none() {
                    violations.push(
                        "limit",
                        ViolationKind::OutOfRange {
                            min: 1,
                            max: i64::from(Self::MAX_LIMIT),
                        },
                    );
                }
                limit
            }
        };
        let after_cursor = given(&self.cursor).and_then(|c| {
            let seq = c.parse::<i64>().ok().filter(|n| *n > 0);
            if seq.is_none() {
                violations.push("cursor", ViolationKind::InvalidFormat {});
            }
            seq
        });
        violations.into_result(AuditFilter {
            from,
            before,
            action,
            actor_id,
            record_type,
            record_id,
            limit: limit.unwrap_or(Self::DEFAULT_LIMIT),
            after_cursor,
        })
    }
}

/// Any malformed id is a wrong format (an empty one was left out before).
fn format(_: ViolationKind) -> ViolationKind {
    ViolationKind::InvalidFormat {}
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> AuditQuery {
        AuditQuery::from_pairs(pairs).expect("known parameters")
    }

    fn refused(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        let violations = query(pairs).validate().unwrap_err();
        violations
            .iter()
            .map(|v| (v.field.clone(), v.kind.code().to_owned()))
            .collect()
    }

    #[test]
    fn an_empty_query_is_the_first_page_of_everything() {
        let filter = AuditQuery::default().validate().unwrap();
        assert_eq!(filter.limit, 50);
        assert_eq!(filter.action, None);
        assert_eq!(filter.after_cursor, None);
        assert_eq!(filter.before, None);
    }

    #[test]
    fn a_full_query_reads_into_its_filter() {
        let filter = query(&[
            ("from", "2026-03-01"),
            ("to", "2026-03-31"),
            ("action", "participant.update"),
            ("actor_id", "abc123"),
            ("record_type", "participant"),
            ("record_id", "def456"),
            ("limit", "100"),
            ("cursor", "42"),
        ])
        .validate()
        .unwrap();
        assert_eq!(filter.from, NaiveDate::from_ymd_opt(2026, 3, 1));
        assert_eq!(filter.before, NaiveDate::from_ymd_opt(2026, 4, 1));
        assert_eq!(filter.action, Some("participant.update"));
        assert_eq!(filter.actor_id.unwrap().as_str(), "abc123");
        assert_eq!(filter.record_type, Some("participant"));
        assert_eq!(filter.record_id.as_deref(), Some("def456"));
        assert_eq!(filter.limit, 100);
        assert_eq!(filter.after_cursor, Some(42));
    }

    #[test]
    fn every_bad_parameter_is_named_with_its_code() {
        let found = refused(&[
            ("from", "2026-02-30"),
            ("to", "yesterday"),
            ("action", "participant.delete"),
            ("actor_id", "a b"),
            ("record_type", "secret"),
            ("record_id", "x/y"),
            ("limit", "101"),
            ("cursor", "-3"),
        ]);
        let expected = [
            ("from", "invalid_format"),
            ("to", "invalid_format"),
            ("action", "unknown_action"),
            ("actor_id", "invalid_format"),
            ("record_type", "invalid_choice"),
            ("record_id", "invalid_format"),
            ("limit", "out_of_range"),
            ("cursor", "invalid_format"),
        ];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(f, c)| ((*f).to_owned(), (*c).to_owned()))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn a_page_holds_1_to_100_entries() {
        for bad in ["0", "101", "-1", "ten", "4294967296"] {
            assert_eq!(
                refused(&[("limit", bad)]),
                [("limit".to_owned(), "out_of_range".to_owned())],
                "{bad}"
            );
        }
        assert_eq!(query(&[("limit", "1")]).validate().unwrap().limit, 1);
    }

    #[test]
    fn an_end_before_the_start_is_refused_and_one_day_is_allowed() {
        assert_eq!(
            refused(&[("from", "2026-03-02"), ("to", "2026-03-01")]),
            [("to".to_owned(), "end_before_start".to_owned())]
        );
        let one = query(&[("from", "2026-03-01"), ("to", "2026-03-01")])
            .validate()
            .unwrap();
        assert_eq!(one.before, NaiveDate::from_ymd_opt(2026, 3, 2));
    }

    #[test]
    fn a_record_id_needs_its_kind_and_empty_parameters_count_as_left_out() {
        assert_eq!(
            refused(&[("record_id", "abc")]),
            [("record_type".to_owned(), "required".to_owned())]
        );
        let filter = query(&[("action", ""), ("limit", " "), ("record_type", "opening")])
            .validate()
            .unwrap();
        assert_eq!(filter.action, None);
        assert_eq!(filter.limit, 50);
        assert_eq!(filter.record_type, Some("opening"));
    }

    #[test]
    fn the_known_actions_are_sorted_and_listed_once() {
        let mut sorted = AUDIT_ACTIONS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, AUDIT_ACTIONS);
    }
}
