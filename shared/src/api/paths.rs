//! The API's paths, relative to [`BASE`], so the client and the server name them once.

/// Every API path starts with this.
pub const BASE: &str = "/api/v1";

/// `GET`: the server and its database are up.
pub const HEALTH: &str = "/health";

/// The full path of an API resource, for the client.
pub fn url(path: &str) -> String {
    format!("{BASE}{path}")
}
