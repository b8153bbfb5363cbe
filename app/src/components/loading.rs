use std::future::Future;

use leptos::prelude::*;

use crate::{
    api::ApiError,
    auth::use_auth,
    i18n::{I18n, use_i18n},
};

/// Shown while something loads.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="loading">{move || i18n.t("loading")}</p> }
}

/// Data from the API for a page. An answer of 401 ends the session in the app, which sends the
/// user to the login page (see [`crate::auth::Auth::check`]).
pub fn api_resource<T, Fut>(fetch: impl Fn() -> Fut + 'static) -> LocalResource<Result<T, ApiError>>
where
    T: 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let auth = use_auth();
    LocalResource::new(move || {
        let call = fetch();
        async move { auth.check(call.await) }
    })
}

/// The view of loaded data: the loading text while waiting, the error's text when it failed.
pub fn loaded<T, V>(
    i18n: I18n,
    result: Option<Result<T, ApiError>>,
    view_of: impl FnOnce(T) -> V,
) -> AnyView
where
    V: IntoView + 'static,
{
    match result {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(value)) => view_of(value).into_any(),
        Some(Err(err)) => {
            view! { <p role="alert" class="alert alert-error">{move || err.text(i18n)}</p> }
                .into_any()
        }
    }
}
