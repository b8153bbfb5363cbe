use leptos::prelude::*;
use leptos_router::components::A;
use shared::{
    api::{InternshipDetail, OrganisationDetail},
    ids::InternshipId,
    roles::Role,
    rules::internship::duration_days,
};

use super::internship::period_text;
use crate::{
    api::{self, ApiError},
    components::{Loaded, api_resource, id_param, role, set_page_title, text},
    i18n::use_i18n,
};

/// `/internships/{id}/agreement`: the internship agreement, laid out to print from the browser:
/// the intern, the organisation and its supervisor, the period and hours, and the learning goals
/// of the action plan, with room to sign.
#[component]
pub fn AgreementPage() -> impl IntoView {
    set_page_title(text("agreement-title"));
    let id = id_param::<InternshipId>();
    let internship = api_resource(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::internships::internship(&id).await,
                None => Err(ApiError::not_found()),
            }
        }
    });
    view! {
        <Loaded resource=internship children=move |detail| view! { <Agreement detail=detail /> } />
    }
}

#[component]
fn Agreement(detail: InternshipDetail) -> impl IntoView {
    let i18n = use_i18n();
    // The organisation's address, for the roles that may read the organisation.
    let reads_organisation = matches!(
        role(),
        Some(Role::Coach | Role::Coordinator | Role::CompanyContact)
    );
    let organisation = {
        let id = detail.organisation_id.clone();
        api_resource(move || {
            let id = id.clone();
            async move {
                if reads_organisation {
                    api::organisations::organisation(&id).await.map(Some)
                } else {
                    Ok(None)
                }
            }
        })
    };
    let address = move || {
        organisation
            .get()
            .and_then(Result::ok)
            .flatten()
            .map(|o: OrganisationDetail| {
                let kvk = o.kvk_number.map(|k| {
                    view! {
                        <br />
                        {text("organisation-kvk")}
                        " "
                        <span dir="ltr">{k.to_string()}</span>
                    }
                });
                view! {
                    <br />
                    {o.street}
                    <br />
                    {o.postcode.to_string()}
                    " "
                    {o.city}
                    {kvk}
                }
            })
    };
    let intern = i18n.participant_name(
        &detail.participant_first_name,
        &detail.participant_last_name,
    );
    let weeks = (duration_days(detail.start_date, detail.end_date).max(0) + 6) / 7;
    let period = period_text(i18n, &detail);
    let back = format!("/internships/{}", detail.id);
    let goals = detail.learning_goals.clone();
    let signers = [
        ("agreement-sign-intern", intern.clone()),
        (
            "agreement-sign-organisation",
            detail.supervisor_name.clone(),
        ),
        ("agreement-sign-coach", String::new()),
    ];
    view! {
        <article class="page agreement" aria-labelledby="agreement-title">
            <div class="no-print actions">
                <A href=back>{text("agreement-back")}</A>
                <button type="button" class="button" on:click=move |_| {
                    let _ = window().print();
                }>{text("agreement-print")}</button>
            </div>
            <p class="eyebrow">{text("app-name")}</p>
            <h1 id="agreement-title">{text("agreement-title")}</h1>
            <section aria-labelledby="agreement-parties">
                <h2 id="agreement-parties">{text("agreement-parties")}</h2>
                <dl class="facts">
                    <div>
                        <dt>{text("agreement-intern")}</dt>
                        <dd>{intern}</dd>
                    </div>
                    <div>
                        <dt>{text("agreement-organisation")}</dt>
                        <dd>{detail.organisation_name.clone()} {address}</dd>
                    </div>
                    <div>
                        <dt>{text("internship-supervisor")}</dt>
                        <dd>{detail.supervisor_name.clone()}</dd>
                    </div>
                </dl>
            </section>
            <section aria-labelledby="agreement-internship">
                <h2 id="agreement-internship">{text("agreement-internship")}</h2>
                <dl class="facts">
                    <div>
                        <dt>{text("internship-period")}</dt>
                        <dd>
                            {period} " "
                            {move || i18n.t_with("agreement-weeks", &[("weeks", weeks.to_string())])}
                        </dd>
                    </div>
                    <div>
                        <dt>{text("internship-hours")}</dt>
                        <dd>{detail.hours_per_week}</dd>
                    </div>
                </dl>
            </section>
            <section aria-labelledby="agreement-goals">
                <h2 id="agreement-goals">{text("agreement-goals")}</h2>
                {if goals.is_empty() {
                    view! { <p>{text("agreement-no-goals")}</p> }.into_any()
                } else {
                    view! {
                        <ol>{goals.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ol>
                    }
                        .into_any()
                }}
            </section>
            <section aria-labelledby="agreement-terms">
                <h2 id="agreement-terms">{text("agreement-terms")}</h2>
                <p>{text("agreement-terms-text")}</p>
            </section>
            <section class="signatures" aria-labelledby="agreement-signatures">
                <h2 id="agreement-signatures">{text("agreement-signatures")}</h2>
                <div class="signature-grid">
                    {signers
                        .into_iter()
                        .map(|(key, name)| {
                            view! {
                                <div class="signature">
                                    <p class="signature-role">{move || i18n.t(key)}</p>
                                    <p class="signature-line">
                                        {text("agreement-name")} ": " {name}
                                    </p>
                                    <p class="signature-line">{text("agreement-date")} ":"</p>
                                    <p class="signature-line signature-space">
                                        {text("agreement-signature")} ":"
                                    </p>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </section>
        </article>
    }
}
