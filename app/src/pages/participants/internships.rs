use leptos::{ev::SubmitEvent, prelude::*};
use leptos_router::components::A;
use shared::{
    ProgrammeSettings, Violation, ViolationKind,
    api::{ErrorKind, InternshipDetail, InternshipInput, PlacementContext},
    ids::{OpeningId, OrganisationId, ParticipantId},
    roles::Role,
    rules::{
        internship::{PlannedInternship, duration_days, overlaps_any},
        openings::OpeningKind,
        placement::PlacementKind,
    },
};

use crate::{
    api::{self, ApiError},
    components::{
        FieldCheck, FieldErrors, Form, FormAlert, Loaded, ParticipantFrame, SelectField, TextField,
        api_resource, id_param, missing, parse_opt, role, set_page_title, text, unreadable,
        with_format_errors,
    },
    i18n::use_i18n,
    pages::{
        NotFoundPage,
        companies::{
            internship::{period_text, progress_text},
            opening_form::{Window, WindowFields},
        },
    },
};

/// `/participants/{id}/internships`: the participant's internships, and for the coach and
/// coordinator the form that plans one.
#[component]
pub fn ParticipantInternshipsPage() -> impl IntoView {
    set_page_title(text("internships-title"));
    let id = id_param::<ParticipantId>();
    move || match id.get() {
        Some(id) => view! { <Internships id=id /> }.into_any(),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}

#[component]
fn Internships(id: ParticipantId) -> impl IntoView {
    let i18n = use_i18n();
    let internships = {
        let id = id.clone();
        api_resource(move || {
            let id = id.clone();
            async move { api::participants::internships(&id).await }
        })
    };
    let plans = matches!(role(), Some(Role::Coach | Role::Coordinator));
    let missing = missing(internships);
    let known = Signal::derive(move || internships.get().and_then(Result::ok));
    let planned = RwSignal::new(false);
    move || {
        if missing.get() {
            return view! { <NotFoundPage /> }.into_any();
        }
        let id = id.clone();
        view! {
            <ParticipantFrame id=id.clone() title="internships-title">
                <p role="status" class="status-line">
                    {move || planned.get().then(|| i18n.t("internship-planned"))}
                </p>
                <section class="card" aria-labelledby="internships-list">
                    <h2 id="internships-list">{text("internships-list")}</h2>
                    <Loaded
                        resource=internships
                        part=true
                        children=move |list| view! { <List list=list /> }
                    />
                </section>
                {plans
                    .then(|| {
                        view! {
                            <PlanForm
                                participant=id.clone()
                                known=known
                                done=Callback::new(move |()| {
                                    planned.set(true);
                                    internships.refetch();
                                })
                                refresh=Callback::new(move |()| internships.refetch())
                            />
                        }
                    })}
            </ParticipantFrame>
        }
        .into_any()
    }
}

#[component]
fn List(list: Vec<InternshipDetail>) -> impl IntoView {
    let i18n = use_i18n();
    if list.is_empty() {
        return view! { <p>{text("internships-none")}</p> }.into_any();
    }
    view! {
        <ul class="item-list">
            {list
                .into_iter()
                .map(|d| {
                    let href = format!("/internships/{}", d.id);
                    let progress = d.progress;
                    let period = period_text(i18n, &d);
                    view! {
                        <li>
                            <h3>
                                <A href=href>{d.organisation_name.clone()}</A>
                            </h3>
                            <p class="meta">{period}</p>
                            <p>
                                {if d.cancelled {
                                    view! { {text("internship-cancelled")} }.into_any()
                                } else {
                                    view! { {move || progress_text(i18n, progress)} }.into_any()
                                }}
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

const FIELDS: &[(&str, &str)] = &[
    ("organisation_id", "internship-organisation"),
    ("opening_id", "internship-opening"),
    ("start_date", "window-start"),
    ("end_date", "window-end"),
    ("hours_per_week", "window-hours"),
    ("supervisor_name", "internship-supervisor"),
    ("kind", "placement-kind"),
    ("municipal_consent", "placement-consent"),
    ("monthly_allowance_cents", "placement-allowance"),
    ("learning_goals", "placement-learning-goals"),
    ("date_of_birth", "placement-date-of-birth"),
];

/// Plans an internship: `InternshipInput::validate` (the window of 6 to 10 weeks, 8 to 40
/// hours) and the overlap with the participant's other internships as the user types and on
/// sending; the server also checks the training (409 `training_not_complete`).
#[component]
fn PlanForm(
    participant: ParticipantId,
    known: Signal<Option<Vec<InternshipDetail>>>,
    done: Callback<()>,
    /// Loads the internships again, after a refusal by the server.
    refresh: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = Form::new("internship-form", FIELDS);
    let organisation = RwSignal::new(String::new());
    let opening = RwSignal::new(String::new());
    let window = Window::new();
    let supervisor = RwSignal::new(String::new());
    let kind = RwSignal::new(PlacementKind::Stage.key().to_owned());
    let consent = RwSignal::new(false);
    let allowance = RwSignal::new(String::new());
    // The date of birth the participatieplaats rule needs, as stored.
    let civic = {
        let participant = participant.clone();
        api_resource(move || {
            let participant = participant.clone();
            async move { api::participants::civic_integration(&participant).await }
        })
    };
    let organisations = api_resource(api::organisations::organisations);
    let openings = api_resource(move || {
        let chosen = OrganisationId::parse(organisation.get()).ok();
        async move {
            match chosen {
                Some(id) => api::organisations::organisation_openings(&id)
                    .await
                    .map(|page| {
                        page.items
                            .into_iter()
                            .filter(|o| o.kind == OpeningKind::Internship)
                            .collect::<Vec<_>>()
                    }),
                None => Ok::<_, ApiError>(Vec::new()),
            }
        }
    });
    // An opening chosen fills in its period and hours.
    Effect::new(move |_| {
        let chosen = opening.get();
        let found = openings
            .get_untracked()
            .and_then(Result::ok)
            .and_then(|list| list.into_iter().find(|o| o.id.as_str() == chosen));
        if let Some(o) = found {
            if let Some(start) = o.start_date {
                window.start.set(start.to_string());
            }
            if let Some(end) = o.end_date {
                window.end.set(end.to_string());
            }
            if let Some(hours) = o.hours_per_week {
                window.hours.set(hours.to_string());
            }
        }
    });
    let input = move || InternshipInput {
        organisation_id: OrganisationId::parse(organisation.get()).ok(),
        opening_id: OpeningId::parse(opening.get()).ok(),
        start_date: parse_opt(&window.start.get()),
        end_date: parse_opt(&window.end.get()),
        hours_per_week: parse_opt(&window.hours.get()),
        supervisor_name: supervisor.get(),
        kind: PlacementKind::from_key(&kind.get()).unwrap_or_default(),
        municipal_consent: consent.get(),
        monthly_allowance_cents: euros_to_cents(&allowance.get()).unwrap_or(0),
    };
    let live = move || {
        let typed = input();
        let mut found = typed
            .validate(&ProgrammeSettings::default())
            .err()
            .map(|v| v.0)
            .unwrap_or_default();
        if let (Some(start), Some(end), Some(list)) =
            (typed.start_date, typed.end_date, known.get())
        {
            let existing: Vec<PlannedInternship> = list
                .iter()
                .map(|i| PlannedInternship {
                    start: i.start_date,
                    end: i.end_date,
                    cancelled: i.cancelled,
                })
                .collect();
            if overlaps_any(start, end, &existing) {
                found.push(Violation::new(
                    "start_date",
                    ViolationKind::InternshipOverlap {},
                ));
            }
        }
        // The rules of the placement's kind, as far as the form knows the file: the learning
        // goals and the municipality's limits are checked by the server.
        let context = PlacementContext {
            learning_goals: 1,
            date_of_birth: civic
                .get()
                .and_then(Result::ok)
                .and_then(|c| c.date_of_birth),
            earlier_benefit_days: known
                .get()
                .unwrap_or_default()
                .iter()
                .filter(|i| !i.cancelled && i.kind.with_benefit())
                .map(|i| duration_days(i.start_date, i.end_date).max(0))
                .sum(),
            ..PlacementContext::default()
        };
        found.extend(typed.check_placement(&context));
        with_format_errors(
            found,
            &[
                ("hours_per_week", unreadable::<u32>(&window.hours.get())),
                (
                    "monthly_allowance_cents",
                    !allowance.get().trim().is_empty()
                        && euros_to_cents(&allowance.get()).is_none(),
                ),
            ],
        )
    };
    let shown = form.shown(live);
    let check =
        move |field: &'static str, errors: &'static str| FieldCheck::new(shown, field, errors);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let participant = participant.clone();
        let input = input();
        form.submit(
            live(),
            move || async move {
                let answer = api::participants::plan_internship(&participant, &input).await;
                // Another internship came first: show the list as it is now.
                if answer
                    .as_ref()
                    .is_err_and(|e| e.kind() == Some(ErrorKind::Conflict))
                {
                    refresh.run(());
                }
                answer
            },
            move |_| {
                for value in [
                    organisation,
                    opening,
                    window.start,
                    window.end,
                    window.hours,
                    supervisor,
                    allowance,
                ] {
                    value.set(String::new());
                }
                kind.set(PlacementKind::Stage.key().to_owned());
                consent.set(false);
                done.run(());
            },
        );
    };
    let organisation_options = Signal::derive(move || {
        organisations
            .get()
            .and_then(Result::ok)
            .map(|page| {
                page.items
                    .into_iter()
                    .map(|o| (o.id.to_string(), o.name))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let opening_options = Signal::derive(move || {
        openings
            .get()
            .and_then(Result::ok)
            .map(|list| {
                list.into_iter()
                    .map(|o| (o.id.to_string(), o.title))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let t = move |key: &'static str| Signal::derive(move || i18n.t(key));
    let kind_options = Signal::derive(move || {
        PlacementKind::ALL
            .into_iter()
            .map(|k| {
                (
                    k.key().to_owned(),
                    i18n.t(&format!("placement-{}", k.key())),
                )
            })
            .collect::<Vec<_>>()
    });
    let consent_check = check("municipal_consent", "placement-consent-errors");
    view! {
        <section class="card" aria-labelledby="internship-form-title">
            <h2 id="internship-form-title">{text("internship-plan")}</h2>
            <form
                id="internship-form"
                class="form"
                novalidate
                on:submit=on_submit
                on:input=move |ev| form.changed(&ev)
                aria-busy=move || form.busy().then_some("true")
            >
                <FormAlert form=form shown=shown errors_id="internship-errors" />
                <SelectField
                    id="placement-kind"
                    label=t("placement-kind")
                    value=kind
                    check=check("kind", "placement-kind-errors")
                    options=kind_options
                />
                <SelectField
                    id="internship-organisation"
                    label=t("internship-organisation")
                    value=organisation
                    check=check("organisation_id", "internship-organisation-errors")
                    options=organisation_options
                    empty=t("form-choose")
                />
                <SelectField
                    id="internship-opening"
                    label=t("internship-opening")
                    value=opening
                    check=check("opening_id", "internship-opening-errors").with_hint("internship-opening-hint")
                    options=opening_options
                    empty=t("internship-no-opening")
                    hint=t("internship-opening-hint")
                />
                <WindowFields window=window shown=shown />
                <TextField
                    id="internship-supervisor"
                    label=t("internship-supervisor")
                    value=supervisor
                    check=check("supervisor_name", "internship-supervisor-errors")
                    autocomplete="name"
                />
                <TextField
                    id="placement-allowance"
                    label=t("placement-allowance")
                    value=allowance
                    check=check("monthly_allowance_cents", "placement-allowance-errors")
                    inputmode="decimal"
                />
                {move || {
                    (kind.get() == PlacementKind::Proefplaats.key())
                        .then(|| {
                            view! {
                                <div class="field">
                                    <div class="check">
                                        <input
                                            id="placement-consent"
                                            type="checkbox"
                                            prop:checked=move || consent.get()
                                            aria-invalid=move || consent_check.aria_invalid()
                                            aria-describedby=move || consent_check.aria_describedby()
                                            on:change=move |ev| consent.set(event_target_checked(&ev))
                                        />
                                        <label for="placement-consent">{text("placement-consent")}</label>
                                    </div>
                                    <FieldErrors check=consent_check />
                                </div>
                            }
                        })
                }}
                <button type="submit" class="button">
                    {move || if form.busy() { i18n.t("form-saving") } else { i18n.t("internship-submit") }}
                </button>
            </form>
        </section>
    }
}

/// A monthly amount typed in euros (`150`, `150,50`, `150.5`) as cents; `None` when unreadable
/// or negative.
fn euros_to_cents(text: &str) -> Option<i64> {
    let text = text.trim().replace(',', ".");
    if text.is_empty() {
        return Some(0);
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    if fraction.len() > 2 || !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let euros: i64 = whole.parse().ok().filter(|e| *e >= 0)?;
    let cents: i64 = format!("{fraction:0<2}").parse().ok()?;
    euros.checked_mul(100)?.checked_add(cents)
}

#[cfg(test)]
mod tests {
    use super::euros_to_cents;

    #[test]
    fn euros_are_read_with_a_comma_or_a_point() {
        assert_eq!(euros_to_cents("150"), Some(15_000));
        assert_eq!(euros_to_cents("150,5"), Some(15_050));
        assert_eq!(euros_to_cents("0.05"), Some(5));
        assert_eq!(euros_to_cents(""), Some(0));
        assert_eq!(euros_to_cents("-3"), None);
        assert_eq!(euros_to_cents("1,234"), None);
        assert_eq!(euros_to_cents("tien"), None);
    }
}
