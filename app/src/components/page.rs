//! Small pieces most pages use: their texts, the parameters of their path, the role signed in.

use std::str::FromStr;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::roles::Role;

use crate::{auth::use_auth, i18n::use_i18n};

/// The text of `key` in the current language, as a view that follows the language. One function
/// for every such text keeps the bundle small.
pub fn text(key: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || i18n.t(key)
}

/// The id in the path, read as `T`; `None` when it is not an id at all.
pub fn id_param<T>() -> Memo<Option<T>>
where
    T: FromStr + PartialEq + Send + Sync + 'static,
{
    path_param("id")
}

/// A parameter of the path, read as `T`; `None` when it does not read.
pub fn path_param<T>(name: &'static str) -> Memo<Option<T>>
where
    T: FromStr + PartialEq + Send + Sync + 'static,
{
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get(name).and_then(|v| v.parse().ok())))
}

/// The role signed in (the protected routes wait for the session).
pub fn role() -> Option<Role> {
    use_auth().me().map(|me| me.role)
}

/// A calendar date, as the API names it.
pub type Date = chrono::NaiveDate;
