use leptos::prelude::*;
use leptos_router::components::A;
use shared::{
    api::{CoachContact, NextMeeting, RouteResponse},
    ids::ParticipantId,
    roles::Role,
    route::{BudgetFigures, RouteStep, StepFigures, StepStatus},
    rules::{internship::InternshipProgress, plan::may_tick},
};

use super::{actions::ActionItem, outcome::outcome_words};
use crate::{
    api,
    auth::use_auth,
    components::{
        CALENDAR_SECTION, Glyph, Icon, Loaded, ParticipantTabs, api_resource, path_param,
        set_page_title,
    },
    i18n::{I18n, use_i18n},
    pages::{NotFoundPage, training::keys},
};

/// `/participants/{id}/route`: the participant's route, as the participant sees it on their
/// home page, within their file.
#[component]
pub fn ParticipantRoutePage() -> impl IntoView {
    let i18n = use_i18n();
    set_page_title(move || i18n.t("route-title"));
    let id = path_param::<ParticipantId>("id");
    move || match id.get() {
        Some(id) => view! {
            <section class="page" aria-labelledby="route-title">
                <p class="eyebrow">{move || i18n.t("route-title")}</p>
                <RouteView id=id.clone() heading=true />
            </section>
        }
        .into_any(),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}

/// The route of a participant: what to do next, the next meeting, the coach, the actions to
/// tick off, the six steps with their progress and the budget.
#[component]
pub fn RouteView(
    id: ParticipantId,
    /// Whether the view names the participant in a heading of its own (within the file) or
    /// sits under the home page's welcome.
    #[prop(optional)]
    heading: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let route = {
        let id = id.clone();
        api_resource(move || {
            let id = id.clone();
            async move { api::participants::route(&id).await }
        })
    };
    let reload = Callback::new(move |()| route.refetch());
    let id = StoredValue::new(id);
    view! {
        <Loaded resource=route part=!heading children=move |r: RouteResponse| {
            let title = heading.then(|| {
                let name = r.first_name.clone();
                view! {
                    <h1 id="route-title">
                        {move || {
                            i18n.t_with("route-of", &[("name", i18n.participant_first_name(&name))])
                        }}
                    </h1>
                    <ParticipantTabs id=id.get_value() />
                }
            });
            let has_outcome = r.route.steps.iter().any(|s| {
                matches!(s.figures, StepFigures::Outcome { kind: Some(_) })
            });
            view! {
                {title}
                <Route route=r reload=reload />
                {has_outcome.then(|| view! { <ResultCard id=id.get_value() /> })}
            }
        } />
    }
}

#[component]
fn Route(route: RouteResponse, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let role = use_auth().role();
    let RouteResponse {
        route,
        next_meeting,
        coach,
        open_actions,
        ..
    } = route;
    let next = route.next_step.clone();
    let actions = if open_actions.is_empty() {
        view! { <p>{move || i18n.t("route-no-actions")}</p> }.into_any()
    } else {
        view! {
            <ul class="action-list">
                {open_actions
                    .into_iter()
                    .map(|action| {
                        let tick = role.is_some_and(|role| may_tick(role, action.owner).is_ok());
                        view! { <ActionItem action=action may_tick=tick reload=reload /> }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    let steps = route
        .steps
        .into_iter()
        .map(|step| view! { <Step step=step /> })
        .collect_view();
    let own = role == Some(Role::Participant);
    // The participant's own appointments, in the calendar on their phone: the feed is made on
    // their profile.
    let calendar = use_auth()
        .me()
        .and_then(|me| me.participant_id)
        .filter(|_| own)
        .map(|id| {
            let href = format!("/participants/{id}#{CALENDAR_SECTION}");
            view! {
                <p class="actions">
                    <A href=href attr:class="button button-secondary">
                        <Icon glyph=Glyph::Calendar />
                        {move || i18n.t("route-add-calendar")}
                    </A>
                </p>
            }
        });
    view! {
        <div class="route">
            <section class="card next-step" aria-labelledby="next-step-title">
                <h2 id="next-step-title">
                    <Icon glyph=Glyph::Next />
                    {move || i18n.t("route-next-step")}
                </h2>
                <p class="next-step-text">{move || keys::next_step(i18n, &next)}</p>
            </section>
            {next_meeting.map(|m| view! { <NextMeetingCard meeting=m /> })}
            {calendar}
            <section class="card" aria-labelledby="route-actions-title">
                <h2 id="route-actions-title">
                    <Icon glyph=Glyph::Check />
                    {move || i18n.t("route-actions")}
                </h2>
                {actions}
            </section>
            <section class="card" aria-labelledby="route-steps-title">
                <h2 id="route-steps-title">
                    <Icon glyph=Glyph::Route />
                    {move || i18n.t(if own { "route-steps-own" } else { "route-steps" })}
                </h2>
                <ol class="route-steps">{steps}</ol>
            </section>
            <CoachCard coach=coach />
            <BudgetCard budget=route.budget />
        </div>
    }
}

#[component]
fn NextMeetingCard(meeting: NextMeeting) -> impl IntoView {
    let i18n = use_i18n();
    let NextMeeting {
        number,
        theme,
        date,
        start_time,
        place,
    } = meeting;
    view! {
        <section class="card next-meeting" aria-labelledby="next-meeting-title">
            <h2 id="next-meeting-title">
                <Icon glyph=Glyph::Calendar />
                {move || i18n.t("route-next-meeting")}
            </h2>
            <p class="next-meeting-theme">
                {move || {
                    i18n.t_with(
                        "meeting-title",
                        &[("number", number.to_string()), ("theme", i18n.t(&keys::theme(theme)))],
                    )
                }}
            </p>
            <dl class="icon-facts">
                <div>
                    <dt>
                        <Icon glyph=Glyph::Calendar />
                        <span class="visually-hidden">{move || i18n.t("meeting-date")}</span>
                    </dt>
                    <dd>{move || i18n.date(&date)}</dd>
                </div>
                {start_time
                    .map(|time| {
                        view! {
                            <div>
                                <dt>
                                    <Icon glyph=Glyph::Clock />
                                    <span class="visually-hidden">
                                        {move || i18n.t("meeting-time")}
                                    </span>
                                </dt>
                                <dd dir="ltr">{time}</dd>
                            </div>
                        }
                    })}
                {place
                    .map(|place| {
                        view! {
                            <div>
                                <dt>
                                    <Icon glyph=Glyph::Place />
                                    <span class="visually-hidden">
                                        {move || i18n.t("meeting-place")}
                                    </span>
                                </dt>
                                <dd>{place}</dd>
                            </div>
                        }
                    })}
            </dl>
        </section>
    }
}

#[component]
fn CoachCard(coach: Option<CoachContact>) -> impl IntoView {
    let i18n = use_i18n();
    let body = match coach {
        None => view! { <p>{move || i18n.t("route-no-coach")}</p> }.into_any(),
        Some(CoachContact {
            first_name,
            email,
            phone,
        }) => view! {
            {(!first_name.is_empty())
                .then(|| {
                    view! {
                        <p class="coach-name">
                            <Icon glyph=Glyph::Person />
                            {first_name}
                        </p>
                    }
                })}
            <ul class="contact-links">
                {phone
                    .map(|phone| {
                        let href = format!("tel:{}", phone.as_str().replace(' ', ""));
                        view! {
                            <li>
                                <a href=href class="button button-secondary contact-link">
                                    <span>
                                        <Icon glyph=Glyph::Phone />
                                        {move || i18n.t("route-coach-call")}
                                    </span>
                                    <span class="visually-hidden">" "</span>
                                    <span dir="ltr" class="contact-value">
                                        {phone.to_string()}
                                    </span>
                                </a>
                            </li>
                        }
                    })}
                {email
                    .map(|email| {
                        let href = format!("mailto:{email}");
                        view! {
                            <li>
                                <a href=href class="button button-secondary contact-link">
                                    <span>
                                        <Icon glyph=Glyph::Mail />
                                        {move || i18n.t("route-coach-mail")}
                                    </span>
                                    <span class="visually-hidden">" "</span>
                                    <span dir="ltr" class="contact-value">
                                        {email.to_string()}
                                    </span>
                                </a>
                            </li>
                        }
                    })}
            </ul>
        }
        .into_any(),
    };
    view! {
        <section class="card coach" aria-labelledby="route-coach-title">
            <h2 id="route-coach-title">
                <Icon glyph=Glyph::Message />
                {move || i18n.t("route-coach")}
            </h2>
            {body}
        </section>
    }
}

#[component]
fn BudgetCard(budget: BudgetFigures) -> impl IntoView {
    let i18n = use_i18n();
    let BudgetFigures {
        cap_cents,
        used_cents,
        remaining_cents,
        ..
    } = budget;
    view! {
        <section class="card budget" aria-labelledby="route-budget-title">
            <h2 id="route-budget-title">
                <Icon glyph=Glyph::Budget />
                {move || i18n.t("route-budget")}
            </h2>
            <p id="route-budget-figure">
                {move || {
                    i18n.t_with(
                        "route-budget-used",
                        &[("used", i18n.euros(used_cents)), ("cap", i18n.euros(cap_cents))],
                    )
                }}
            </p>
            <progress
                max=cap_cents.max(1).to_string()
                value=used_cents.clamp(0, cap_cents.max(1)).to_string()
                aria-labelledby="route-budget-figure"
            ></progress>
            <p class="meta">
                {move || i18n.t_with("route-budget-left", &[("amount", i18n.euros(remaining_cents))])}
            </p>
        </section>
    }
}

/// A bar with its figure: `value` of `max`, labelled by the text beside it.
fn bar(
    id: &'static str,
    value: u32,
    max: u32,
    text: impl Fn() -> String + Send + Sync + 'static,
) -> AnyView {
    view! {
        <p id=id class="step-figure">{text}</p>
        <progress max=max.max(1).to_string() value=value.min(max).to_string() aria-labelledby=id></progress>
    }
    .into_any()
}

/// A figure without a bar.
fn figure(text: impl Fn() -> String + Send + Sync + 'static) -> AnyView {
    view! { <p class="step-figure">{text}</p> }.into_any()
}

fn figures(i18n: I18n, figures: StepFigures) -> AnyView {
    let n = |v: u32| v.to_string();
    match figures {
        StepFigures::Training {
            attended,
            total,
            required,
        } => view! {
            {bar(
                "route-training-figure",
                attended,
                total,
                move || i18n.t_with("route-training", &[("attended", n(attended)), ("total", n(total))]),
            )}
            <p class="meta">
                {move || i18n.t_with("route-training-required", &[("required", n(required))])}
            </p>
        }
        .into_any(),
        StepFigures::CoachAndPlan {
            has_coach,
            goals_reached,
            goals,
        } => {
            let coach = figure(move || {
                i18n.t(if has_coach { "route-has-coach" } else { "route-no-coach-yet" })
            });
            let plan = if goals == 0 {
                figure(move || i18n.t("route-no-goals"))
            } else {
                bar("route-plan-figure", goals_reached, goals, move || {
                    i18n.t_with(
                        "route-goals",
                        &[("reached", n(goals_reached)), ("goals", n(goals))],
                    )
                })
            };
            view! {
                {coach}
                {plan}
            }
            .into_any()
        }
        StepFigures::CompanyVisits { done, planned } => {
            let text = move || {
                i18n.t_with("route-visits", &[("done", n(done)), ("planned", n(planned))])
            };
            if done + planned == 0 {
                figure(text)
            } else {
                bar("route-visits-figure", done, done + planned, text)
            }
        }
        StepFigures::Internship { progress } => match progress {
            None => figure(move || i18n.t("route-internship-none")),
            Some(InternshipProgress::NotStarted { weeks }) => {
                figure(move || i18n.t_with("route-internship-planned", &[("weeks", n(weeks))]))
            }
            Some(InternshipProgress::UnderWay { week, weeks }) => {
                bar("route-internship-figure", week, weeks, move || {
                    i18n.t_with(
                        "route-internship-week",
                        &[("week", n(week)), ("weeks", n(weeks))],
                    )
                })
            }
            Some(InternshipProgress::Finished { weeks }) => {
                bar("route-internship-figure", weeks, weeks, move || {
                    i18n.t_with("route-internship-finished", &[("weeks", n(weeks))])
                })
            }
        },
        StepFigures::Introduction {
            proposed,
            accepted,
            placed,
        } => {
            let counts = figure(move || {
                i18n.t_with(
                    "route-introductions",
                    &[("proposed", n(proposed)), ("accepted", n(accepted))],
                )
            });
            let placed = placed.then(|| figure(move || i18n.t("route-placed")));
            view! {
                {counts}
                {placed}
            }
            .into_any()
        }
        StepFigures::Outcome { kind } => match kind {
            Some(kind) => figure(move || i18n.t(keys::outcome_kind(kind))),
            None => figure(move || i18n.t("route-outcome-none")),
        },
    }
}

#[component]
fn Step(step: RouteStep) -> impl IntoView {
    let i18n = use_i18n();
    let RouteStep {
        kind,
        status,
        figures: shown,
    } = step;
    let to_come = status == StepStatus::NotStarted;
    view! {
        <li class=keys::step_status_class(status)>
            <span class="step-icon">
                <Icon glyph=keys::step_glyph(kind) />
            </span>
            <div class="step-body">
                <h3>{move || i18n.t(keys::step(kind))}</h3>
                <p class="step-status">
                    <Icon glyph=keys::step_status_glyph(status) />
                    {move || i18n.t(keys::step_status(status))}
                </p>
                {(!to_come || has_figures(&shown)).then(|| figures(i18n, shown))}
            </div>
        </li>
    }
}

/// Whether a step not started yet still has something to show: the meetings of the training
/// always, a later step only what is already planned (a coach, a visit).
fn has_figures(figures: &StepFigures) -> bool {
    match figures {
        StepFigures::Training { .. } => true,
        StepFigures::CoachAndPlan {
            has_coach, goals, ..
        } => *has_coach || *goals > 0,
        StepFigures::CompanyVisits { done, planned } => done + planned > 0,
        StepFigures::Internship { progress } => progress.is_some(),
        StepFigures::Introduction { proposed, .. } => *proposed > 0,
        StepFigures::Outcome { kind } => kind.is_some(),
    }
}

/// The result step in plain words: what was recorded, the rung at exit and the follow-up.
#[component]
fn ResultCard(id: ParticipantId) -> impl IntoView {
    let i18n = use_i18n();
    let outcomes = api_resource(move || {
        let id = id.clone();
        async move { api::reports::outcomes(&id).await }
    });
    view! {
        <section class="card route-result" aria-labelledby="route-result-title" id="route-result">
            <h2 id="route-result-title">
                <Icon glyph=Glyph::Outcome />
                {move || i18n.t("route-result-title")}
            </h2>
            <Loaded resource=outcomes part=true children=move |list| {
                list.into_iter()
                    .map(|o| {
                        view! {
                            <div class="route-result-item">
                                <h3>{move || i18n.t(keys::outcome_kind(o.kind))}</h3>
                                {
                                    let o = o.clone();
                                    move || {
                                        outcome_words(&o, i18n)
                                            .into_iter()
                                            .map(|line| view! { <p>{line}</p> })
                                            .collect_view()
                                    }
                                }
                            </div>
                        }
                    })
                    .collect_view()
            } />
        </section>
    }
}
