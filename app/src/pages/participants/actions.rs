use leptos::{prelude::*, task::spawn_local};
use shared::{ViolationKind, api::ActionDetail, api::ActionPatch};

use crate::{
    api::{self, ApiError},
    auth::use_auth,
    components::{Glyph, Icon},
    i18n::use_i18n,
    pages::training::keys,
};

/// One action of the plan as a box to tick off, saved at once. Who may tick it (the
/// participant only their own actions) is decided by the caller with `rules::plan::may_tick`.
#[component]
pub fn ActionItem(
    action: ActionDetail,
    may_tick: bool,
    /// Loads the plan again, after someone else changed the action.
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let box_id = format!("action-{}", action.id);
    let meta_id = format!("action-{}-meta", action.id);
    let owner = action.owner;
    let due = action.due_date;
    let text = action.text.clone();
    let current = RwSignal::new(action);
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let on_change = move |ev: leptos::ev::Event| {
        let done = event_target_checked(&ev);
        if busy.get_untracked() {
            current.update(|_| ());
            return;
        }
        busy.set(true);
        failure.set(None);
        let (id, version) = current.with_untracked(|a| (a.id.clone(), a.version));
        spawn_local(async move {
            let patch = ActionPatch {
                done: Some(done),
                text: None,
                due_date: None,
                owner: None,
                version,
            };
            let result = auth.check(api::goals::update_action(&id, &patch).await);
            busy.set(false);
            match result {
                Ok(saved) => current.set(saved),
                Err(err) => {
                    // The box shows what is stored again.
                    current.update(|_| ());
                    failure.set(Some(err));
                }
            }
        });
    };
    let stale = move || {
        failure.with(|f| {
            f.as_ref().is_some_and(|err| {
                err.violations()
                    .iter()
                    .any(|v| matches!(v.kind, ViolationKind::StaleVersion { .. }))
            })
        })
    };
    let message = move || {
        failure.get().map(|err| {
            let reload_button = stale().then(|| {
                view! {
                    <button
                        type="button"
                        class="button button-secondary button-small"
                        on:click=move |_| reload.run(())
                    >
                        {move || i18n.t("action-reload")}
                    </button>
                }
            });
            let text = if stale() {
                i18n.t("action-changed-elsewhere")
            } else {
                err.text(i18n)
            };
            view! {
                <div role="alert" class="alert alert-error">
                    <p>{text}</p>
                    {reload_button}
                </div>
            }
        })
    };
    view! {
        <li class="action-item" class:done=move || current.with(|a| a.done)>
            <div class="check action-check">
                <input
                    id=box_id.clone()
                    type="checkbox"
                    prop:checked=move || current.with(|a| a.done)
                    disabled=!may_tick
                    aria-describedby=meta_id.clone()
                    aria-busy=move || busy.get().then_some("true")
                    on:change=on_change
                />
                <label for=box_id>{text}</label>
            </div>
            <p class="meta action-meta" id=meta_id>
                {due
                    .map(|d| {
                        view! {
                            <span>
                                <Icon glyph=Glyph::Calendar />
                                {move || i18n.date(&d)}
                            </span>
                        }
                    })}
                <span>
                    <Icon glyph=Glyph::Person />
                    {move || i18n.t(keys::owner(owner))}
                </span>
                {move || {
                    current
                        .with(|a| a.done)
                        .then(|| {
                            view! {
                                <span class="done-word">
                                    <Icon glyph=Glyph::Check />
                                    {move || i18n.t("action-done")}
                                </span>
                            }
                        })
                }}
            </p>
            {message}
        </li>
    }
}
