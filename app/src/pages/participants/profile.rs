use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::{
    api::{ErrorBody, ErrorKind, ParticipantDetail},
    ids::ParticipantId,
};

use crate::{
    api::{self, ApiError},
    components::{api_resource, loaded, set_page_title},
    i18n::use_i18n,
    pages::NotFoundPage,
};

/// `/participants/{id}`: the profile. The server answers 404 both for a missing participant and
/// for one outside the caller's scope; both show the not-found page.
#[component]
pub fn ParticipantPage() -> impl IntoView {
    let i18n = use_i18n();
    // The document's title stays general: a tab or the history never shows a name.
    set_page_title(move || i18n.t("profile-title"));
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params.with(|p| p.get("id").and_then(|id| ParticipantId::parse(id).ok()))
    });
    let participant = api_resource(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::participant(&id).await,
                // Not an id at all: what the server would answer for one it does not know.
                None => Err(ApiError::Server(ErrorBody {
                    error: ErrorKind::NotFound,
                    violations: Default::default(),
                    request_id: String::new(),
                })),
            }
        }
    });
    move || match participant.get() {
        Some(Err(err)) if err.is_not_found() => view! { <NotFoundPage /> }.into_any(),
        result => loaded(i18n, result, |p| view! { <Profile participant=p /> }),
    }
}

#[component]
fn Profile(participant: ParticipantDetail) -> impl IntoView {
    let i18n = use_i18n();
    let ParticipantDetail {
        first_name,
        last_name,
        email,
        languages,
        dutch_level,
        ladder_rung_at_intake: rung,
        ..
    } = participant;
    let languages = move || {
        languages
            .iter()
            .map(|code| i18n.language_name(code))
            .collect::<Vec<_>>()
            .join(", ")
    };
    view! {
        <section class="page" aria-labelledby="profile-name">
            <p class="eyebrow">{move || i18n.t("profile-title")}</p>
            <h1 id="profile-name">{format!("{first_name} {last_name}")}</h1>
            <dl class="card facts">
                <div>
                    <dt>{move || i18n.t("profile-email")}</dt>
                    <dd>
                        <span dir="ltr">{email.to_string()}</span>
                    </dd>
                </div>
                <div>
                    <dt>{move || i18n.t("profile-languages")}</dt>
                    <dd>{languages}</dd>
                </div>
                <div>
                    <dt>{move || i18n.t("profile-dutch-level")}</dt>
                    <dd>{dutch_level.as_str()}</dd>
                </div>
                <div>
                    <dt>{move || i18n.t("profile-ladder")}</dt>
                    <dd>
                        {move || {
                            i18n.t_with(
                                "profile-ladder-value",
                                &[("rung", rung.get().to_string()), ("name", i18n.ladder_rung(rung))],
                            )
                        }}
                    </dd>
                </div>
            </dl>
        </section>
    }
}
