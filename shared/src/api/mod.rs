//! The JSON API contract: paths, request and response bodies, and the one error body. The server
//! answers with these types and the app decodes them, so the two cannot drift.
//!
//! Request bodies are the `*Input` types (with a `validate` that runs the shared rules); updates
//! are `*Patch` types carrying the `version` they started from; answers are `*Summary` (in lists)
//! and `*Detail` types, each with `id` and `version`.
//!
//! A `*Patch` is partial: a field left out keeps its stored value. The server merges the patch over
//! the stored record (`merge_over`) and validates the result with the same rules as a new record.
//! `null` counts as left out, except for the fields whose doc comment says that `null` clears
//! them: those are `Option<Option<T>>`, read with [`nullable`].

mod audit;
mod auth;
mod error;
mod events;
mod map;
mod matching;
mod organisations;
mod participants;
pub mod paths;
mod programme;
mod reports;
mod rights;

pub use audit::*;
pub use auth::*;
pub use error::{ErrorBody, ErrorKind};
pub use events::*;
pub use map::*;
pub use matching::*;
pub use organisations::*;
pub use participants::*;
pub use programme::*;
pub use reports::*;
pub use rights::*;

use serde::{Deserialize, Deserializer, Serialize};

/// Reads a field of a patch that `null` clears: with `#[serde(default)]`, a field left out stays
/// `None`, `null` becomes `Some(None)` and a value `Some(Some(value))`.
pub fn nullable<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// `GET /api/v1/health`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HealthResponse {
    pub status: HealthStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HealthStatus {
    Ok,
}

/// One page of a list: `?limit=&cursor=` in, this out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

/// The query of a paged list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct PageQuery {
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

impl PageQuery {
    pub const DEFAULT_LIMIT: u32 = 50;
    pub const MAX_LIMIT: u32 = 200;

    /// The limit to use: the default when absent, at most [`Self::MAX_LIMIT`], at least 1.
    pub fn limit(&self) -> u32 {
        self.limit
            .unwrap_or(Self::DEFAULT_LIMIT)
            .clamp(1, Self::MAX_LIMIT)
    }
}

/// The `version` an update started from, for bodies that carry nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersionOnly {
    pub version: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_limit_defaults_to_50_and_stays_within_1_and_200() {
        assert_eq!(PageQuery::default().limit(), 50);
        let q = |n| PageQuery {
            limit: Some(n),
            cursor: None,
        };
        assert_eq!(q(0).limit(), 1);
        assert_eq!(q(200).limit(), 200);
        assert_eq!(q(201).limit(), 200);
    }

    #[test]
    fn a_page_has_items_and_a_next_cursor() {
        let page = Page {
            items: vec![1, 2],
            next_cursor: None,
        };
        assert_eq!(
            serde_json::to_value(&page).unwrap(),
            serde_json::json!({"items": [1, 2], "next_cursor": null})
        );
    }
}
