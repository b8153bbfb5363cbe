use std::{future::Future, pin::Pin, sync::Arc};

use leptos::prelude::*;

use crate::{api::ApiError, auth::use_auth, i18n::use_i18n, pages::NotFoundPage};

/// Shown while something loads: a box of a fixed size, so that the page does not jump when the
/// loading text comes and goes. Screen readers hear it as a status.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="loading" role="status" style:min-block-size="3rem">
            {move || i18n.t("loading")}
        </p>
    }
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

/// Whether the server does not know the record `resource` loads (404). A page made of parts
/// shows the not-found page in place of all of them then, and each part shows its data with
/// [`Loaded`] (`part`).
pub fn missing<T>(resource: LocalResource<Result<T, ApiError>>) -> Memo<bool>
where
    T: 'static,
{
    Memo::new(move |_| resource.with(|r| matches!(r, Some(Err(e)) if e.is_not_found())))
}

/// What [`Loaded`] does with a resource: its view once it is there, or its error.
type Load =
    Arc<dyn Fn() -> Pin<Box<dyn Future<Output = Result<AnyView, ApiError>> + Send>> + Send + Sync>;

/// Data from the API on a page, the one way: [`Loading`] until it is there, then `children`
/// with it. When it is loaded again, what is shown stays until the new data is there. The
/// region is `aria-busy` while it loads.
///
/// An id the server does not know (404) shows the not-found page, or its text when `part` is
/// set (a part of a page whose own record is known); any other failure shows the error's text
/// as an alert. A 401 has ended the session already (see [`api_resource`]).
#[component]
pub fn Loaded<T, V, F>(
    resource: LocalResource<Result<T, ApiError>>,
    /// Data for a part of the page: a 404 is told in a line, not as the not-found page.
    #[prop(optional)]
    part: bool,
    children: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
{
    let children = Arc::new(children);
    let load: Load = Arc::new(move || {
        let children = Arc::clone(&children);
        Box::pin(async move { resource.await.map(|value| children(value).into_any()) })
    });
    frame(load, part)
}

/// The part of [`Loaded`] that does not depend on the data's type, compiled once.
fn frame(load: Load, part: bool) -> AnyView {
    let pending = RwSignal::new(false);
    view! {
        <div aria-busy=move || pending.get().then_some("true")>
            <Transition fallback=Loading set_pending=pending.write_only()>
                <ErrorBoundary fallback=move |errors| failure(errors, part)>
                    {
                        let load = Arc::clone(&load);
                        move || Suspend::new(load())
                    }
                </ErrorBoundary>
            </Transition>
        </div>
    }
    .into_any()
}

/// The view of a failed load.
fn failure(errors: ArcRwSignal<Errors>, part: bool) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let error = errors.with(|errors| {
            errors
                .iter()
                .find_map(|(_, e)| e.downcast_ref::<ApiError>().cloned())
        });
        let error = error.unwrap_or(ApiError::Decode);
        if error.is_not_found() && !part {
            return view! { <NotFoundPage /> }.into_any();
        }
        view! { <p role="alert" class="alert alert-error">{move || error.text(i18n)}</p> }
            .into_any()
    }
}
