use leptos::prelude::*;
use leptos_router::components::A;
use shared::{
    api::{IntroductionDetail, IntroductionPatch},
    rules::introduction::{IntroductionStatus, transition},
};

use super::keys::{introduction_action, introduction_status};
use crate::{
    api::{self, ApiError},
    components::{Form, FormAlert, Loaded, role, text},
    i18n::use_i18n,
};

/// The introductions of a participant or to an organisation, each with the answers the role may
/// give. The organisation sees only what the participant consented to share.
#[component]
pub fn IntroductionList(
    items: LocalResource<Result<Vec<IntroductionDetail>, ApiError>>,
    /// Listed per organisation (the participant is named) rather than per participant (the
    /// organisation is named).
    #[prop(optional)]
    per_organisation: bool,
) -> impl IntoView {
    let changed = Callback::new(move |()| items.refetch());
    view! {
        <Loaded resource=items part=true children=move |list| {
            if list.is_empty() {
                return view! { <p>{text("introductions-none")}</p> }.into_any();
            }
            view! {
                <ul class="item-list">
                    {list
                        .into_iter()
                        .map(|item| {
                            view! {
                                <IntroductionItem
                                    item=item
                                    per_organisation=per_organisation
                                    changed=changed
                                />
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        } />
    }
}

#[component]
fn IntroductionItem(
    item: IntroductionDetail,
    per_organisation: bool,
    changed: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let role = role();
    let status = item.status;
    let form = Form::new("introduction-answer", &[]);
    let shown = form.shown(Vec::new);
    let who = match (per_organisation, &item.participant, &item.participant_id) {
        (false, _, _) => view! { {item.organisation_name.clone()} }.into_any(),
        (true, Some(profile), _) => {
            let first = profile.first_name.clone();
            view! { {move || i18n.participant_first_name(&first)} }.into_any()
        }
        (true, None, Some(id)) => {
            let href = format!("/participants/{id}/introductions");
            view! { <A href=href>{text("introduction-participant")}</A> }.into_any()
        }
        (true, None, None) => {
            view! { <span class="meta">{text("introduction-not-shared")}</span> }.into_any()
        }
    };
    let profile = item.participant.clone().map(|p| {
        let languages = p.languages.clone();
        view! {
            <dl class="facts">
                <div>
                    <dt>{text("profile-languages")}</dt>
                    <dd>
                        {move || {
                            languages
                                .iter()
                                .map(|code| i18n.language_name(code))
                                .collect::<Vec<_>>()
                                .join(", ")
                        }}
                    </dd>
                </div>
                <div>
                    <dt>{text("profile-dutch-level")}</dt>
                    <dd>{p.dutch_level.as_str()}</dd>
                </div>
            </dl>
        }
    });
    let motivation = (!item.motivation.is_empty()).then(|| {
        let said = item.motivation.clone();
        view! {
            <div class="motivation">
                <p class="meta">{text("introduction-motivation")}</p>
                <p>{said}</p>
            </div>
        }
    });
    let next: Vec<IntroductionStatus> = match role {
        Some(role) => IntroductionStatus::ALL
            .into_iter()
            .filter(|to| transition(status, *to, role).is_ok())
            .collect(),
        None => Vec::new(),
    };
    let buttons = (!next.is_empty()).then(|| {
        let id = item.id.clone();
        let version = item.version;
        view! {
            <div class="actions">
                {next
                    .into_iter()
                    .map(|to| {
                        let id = id.clone();
                        view! {
                            <button
                                type="button"
                                class="button button-small"
                                class:button-secondary=to != IntroductionStatus::Accepted
                                aria-disabled=move || form.busy().then_some("true")
                                on:click=move |_| {
                                    let id = id.clone();
                                    form.submit(
                                        Vec::new(),
                                        move || async move {
                                            let patch = IntroductionPatch { status: to, version };
                                            api::introductions::answer_introduction(&id, &patch).await
                                        },
                                        move |_| changed.run(()),
                                    );
                                }
                            >
                                {text(introduction_action(to))}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <FormAlert form=form shown=shown errors_id="introduction-errors" on_reload=Some(changed) />
        }
    });
    view! {
        <li class="introduction">
            <h3>{who}</h3>
            <p class="meta">
                <span class="badge badge-status">{text(introduction_status(status))}</span>
            </p>
            {(per_organisation && item.participant.is_none() && item.participant_id.is_none())
                .then(|| view! { <p>{text("introduction-consent-withdrawn")}</p> })}
            {profile}
            {motivation}
            {buttons}
        </li>
    }
}
