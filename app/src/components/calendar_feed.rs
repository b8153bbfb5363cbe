use leptos::{prelude::*, task::spawn_local};
use leptos_router::hooks::use_location;
use shared::{
    access::{Action, Resource},
    api::{CalendarFeedCreated, CalendarFeedStatus},
};
use wasm_bindgen::JsCast;

use crate::{
    api::{self, ApiError},
    auth::use_auth,
    components::{ErrorAlert, Glyph, Icon, focus_by_id, focus_soon},
    i18n::use_i18n,
};

/// The id of the section, so that a link can lead to it (`#calendar`).
pub const CALENDAR_SECTION: &str = "calendar";

/// What happened last in the section.
#[derive(Debug, Clone, PartialEq)]
enum FeedState {
    Idle,
    /// A new link, shown this once.
    Created(CalendarFeedCreated),
    Revoked,
}

/// The account's personal calendar feed: a link, shown once, that a calendar app subscribes to;
/// a new one replaces the old; it can be stopped. Only for the roles that may have one.
#[component]
pub fn CalendarFeedSection() -> impl IntoView {
    let auth = use_auth();
    let allowed = auth
        .role()
        .is_some_and(|role| shared::access::allows(role, Resource::CalendarFeed, Action::Create));
    allowed.then(|| view! { <Feed /> })
}

#[component]
fn Feed() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let state = RwSignal::new(FeedState::Idle);
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let copied = RwSignal::new(None::<bool>);
    // Whether the account has a live link, as the server last said (`None` until it answered).
    let status = RwSignal::new(None::<CalendarFeedStatus>);
    let load_status = move || {
        spawn_local(async move {
            match auth.check(api::rights::feed_status().await) {
                Ok(answer) => status.set(Some(answer)),
                Err(err) => failure.set(Some(err)),
            }
        });
    };
    load_status();
    // Opened through a link to this section: the keyboard starts here.
    if use_location().hash.get_untracked().trim_start_matches('#') == CALENDAR_SECTION {
        focus_soon("calendar-title");
    }
    let create = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        failure.set(None);
        copied.set(None);
        spawn_local(async move {
            let result = auth.check(api::rights::create_feed().await);
            busy.set(false);
            match result {
                Ok(feed) => {
                    state.set(FeedState::Created(feed));
                    load_status();
                    focus_soon("calendar-url");
                }
                Err(err) => failure.set(Some(err)),
            }
        });
    };
    let revoke = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        failure.set(None);
        copied.set(None);
        spawn_local(async move {
            let result = auth.check(api::rights::revoke_feed().await);
            busy.set(false);
            match result {
                Ok(()) => {
                    state.set(FeedState::Revoked);
                    status.set(Some(CalendarFeedStatus::default()));
                    focus_soon("calendar-revoked");
                }
                Err(err) => failure.set(Some(err)),
            }
        });
    };
    let copy = move |url: String| {
        spawn_local(async move {
            let promise = window().navigator().clipboard().write_text(&url);
            let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            copied.set(Some(done));
            if !done {
                focus_by_id("calendar-url");
            }
        });
    };
    let message = Signal::derive(move || failure.get().map(|err| err.text(i18n)));
    let shown = move || match state.get() {
        FeedState::Idle => ().into_any(),
        FeedState::Revoked => view! {
            <p id="calendar-revoked" class="alert alert-success" role="status" tabindex="-1">
                {move || i18n.t("feed-revoked")}
            </p>
        }
        .into_any(),
        FeedState::Created(CalendarFeedCreated { url, webcal_url }) => {
            let for_copy = url.clone();
            view! {
                <div class="alert alert-success feed-link">
                    <p>{move || i18n.t("feed-created")}</p>
                    <div class="field">
                        <label for="calendar-url">{move || i18n.t("feed-url")}</label>
                        <input
                            id="calendar-url"
                            type="text"
                            readonly
                            dir="ltr"
                            value=url
                            aria-describedby="calendar-warning"
                            on:focus=move |ev| {
                                if let Some(input) = ev
                                    .target()
                                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                                {
                                    input.select();
                                }
                            }
                        />
                    </div>
                    <p class="actions">
                        <button
                            type="button"
                            class="button button-secondary"
                            on:click=move |_| copy(for_copy.clone())
                        >
                            {move || i18n.t("feed-copy")}
                        </button>
                        <a class="button" href=webcal_url>
                            <Icon glyph=Glyph::Calendar />
                            {move || i18n.t("feed-add")}
                        </a>
                    </p>
                    <p role="status">
                        {move || {
                            copied
                                .get()
                                .map(|done| {
                                    i18n.t(if done { "feed-copied" } else { "feed-copy-failed" })
                                })
                        }}
                    </p>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <section class="card" id=CALENDAR_SECTION aria-labelledby="calendar-title">
            <h2 id="calendar-title" tabindex="-1">
                <Icon glyph=Glyph::Calendar />
                {move || i18n.t("feed-title")}
            </h2>
            <p>{move || i18n.t("feed-intro")}</p>
            <p class="hint" id="calendar-warning">{move || i18n.t("feed-warning")}</p>
            <ErrorAlert message=message />
            {shown}
            {move || {
                status
                    .get()
                    .and_then(|s| s.created_at)
                    .map(|since| {
                        view! {
                            <p id="calendar-active">
                                {move || {
                                    i18n.t_with("feed-active", &[("date", i18n.date_time(&since))])
                                }}
                            </p>
                        }
                    })
            }}
            {move || {
                status
                    .get()
                    .map(|s| {
                        let active = s.active;
                        view! {
                            <p class="actions">
                                <button
                                    type="button"
                                    class="button"
                                    aria-disabled=move || busy.get().then_some("true")
                                    aria-describedby=active.then_some("calendar-replace-hint")
                                    on:click=create
                                >
                                    {move || {
                                        i18n.t(if active { "feed-create-new" } else { "feed-create" })
                                    }}
                                </button>
                                {active
                                    .then(|| {
                                        view! {
                                            <button
                                                type="button"
                                                class="button button-secondary"
                                                aria-disabled=move || busy.get().then_some("true")
                                                on:click=revoke
                                            >
                                                {move || i18n.t("feed-revoke")}
                                            </button>
                                        }
                                    })}
                            </p>
                            {active
                                .then(|| {
                                    view! {
                                        <p class="hint" id="calendar-replace-hint">
                                            {move || i18n.t("feed-replace-hint")}
                                        </p>
                                    }
                                })}
                        }
                    })
            }}
        </section>
    }
}
