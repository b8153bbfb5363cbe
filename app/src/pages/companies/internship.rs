use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::components::A;
use shared::{
    ProgrammeSettings, Violation,
    api::{EvaluationDetail, EvaluationInput, InternshipDetail, InternshipPatch},
    ids::InternshipId,
    roles::Role,
    rules::internship::{self, Evaluator, InternshipProgress},
};

use super::keys::{EVALUATION_MOMENTS, evaluation_moment, evaluator, pick};
use crate::{
    api::{self, ApiError, history::HistoryOf},
    auth::use_auth,
    components::{
        FieldCheck, Form, FormAlert, HistoryPanel, Loaded, ScoreField, SelectField, TextAreaField,
        TextField, api_resource, id_param, parse_opt, role, set_page_title, text,
    },
    i18n::{I18n, use_i18n},
};

/// The text of where an internship stands: "week 3 of 8", "starts soon", "finished".
pub(crate) fn progress_text(i18n: I18n, progress: InternshipProgress) -> String {
    match progress {
        InternshipProgress::NotStarted { weeks } => {
            i18n.t_with("internship-not-started", &[("weeks", weeks.to_string())])
        }
        InternshipProgress::UnderWay { week, weeks } => i18n.t_with(
            "internship-week",
            &[("week", week.to_string()), ("weeks", weeks.to_string())],
        ),
        InternshipProgress::Finished { weeks } => {
            i18n.t_with("internship-finished", &[("weeks", weeks.to_string())])
        }
    }
}

/// The internship's period as text.
pub(crate) fn period_text(i18n: I18n, detail: &InternshipDetail) -> String {
    i18n.t_with(
        "agreement-period-value",
        &[
            ("start", i18n.date(&detail.start_date)),
            ("end", i18n.date(&detail.end_date)),
        ],
    )
}

/// `/internships/{id}`: the internship with its agreement, evaluations, extension and
/// cancellation. The company contact of the organisation reaches it too.
#[component]
pub fn InternshipPage() -> impl IntoView {
    let i18n = use_i18n();
    set_page_title(text("internship-title"));
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
    let notice = RwSignal::new(None::<&'static str>);
    let changed = Callback::new(move |key: &'static str| {
        notice.set(Some(key));
        internship.refetch();
    });
    view! {
        <p role="status" class="status-line">
            {move || notice.get().map(|key| i18n.t(key))}
        </p>
        <Loaded
            resource=internship
            children=move |detail| view! { <Internship detail=detail changed=changed /> }
        />
    }
}

#[component]
fn Internship(detail: InternshipDetail, changed: Callback<&'static str>) -> impl IntoView {
    let i18n = use_i18n();
    let role = role();
    let progress = detail.progress;
    let agreement = format!("/internships/{}/agreement", detail.id);
    let back = (role != Some(Role::CompanyContact)).then(|| {
        let href = format!("/participants/{}/internships", detail.participant_id);
        view! {
            <p>
                <A href=href>{text("internship-back")}</A>
            </p>
        }
    });
    let own_evaluator = match role {
        Some(Role::CompanyContact) => Some(Evaluator::Supervisor),
        Some(Role::Coach) => Some(Evaluator::Coach),
        Some(Role::Participant | Role::Coordinator | Role::MunicipalityViewer) | None => None,
    };
    let evaluate = own_evaluator.filter(|_| !detail.cancelled).map(|who| {
        view! { <EvaluationForm detail=detail.clone() evaluator=who changed=changed /> }
    });
    let extend = (role == Some(Role::Coordinator) && !detail.cancelled)
        .then(|| view! { <ExtensionForm detail=detail.clone() changed=changed /> });
    let cancel = (matches!(role, Some(Role::Coach | Role::Coordinator)) && !detail.cancelled)
        .then(|| view! { <CancelButton detail=detail.clone() changed=changed /> });
    let period = period_text(i18n, &detail);
    let extended = detail.extended.then(|| {
        let original = detail.original_end_date;
        view! {
            <div>
                <dt>{text("internship-extended")}</dt>
                <dd>
                    {move || {
                        i18n.t_with("internship-original-end", &[("date", i18n.date(&original))])
                    }}
                </dd>
            </div>
        }
    });
    view! {
        <section class="page" aria-labelledby="internship-heading">
            <p class="eyebrow">
                {
                    let (first, last) = (
                        detail.participant_first_name.clone(),
                        detail.participant_last_name.clone(),
                    );
                    move || i18n.participant_name(&first, &last)
                }
            </p>
            <h1 id="internship-heading">
                {move || {
                    i18n.t_with(
                        "internship-at",
                        &[("organisation", detail.organisation_name.clone())],
                    )
                }}
            </h1>
            {back}
            {detail
                .cancelled
                .then(|| {
                    view! { <p class="alert alert-info">{text("internship-cancelled")}</p> }
                })}
            <dl class="card facts">
                <div>
                    <dt>{text("internship-progress")}</dt>
                    <dd>{move || progress_text(i18n, progress)}</dd>
                </div>
                <div>
                    <dt>{text("internship-period")}</dt>
                    <dd>{period}</dd>
                </div>
                {extended}
                <div>
                    <dt>{text("internship-hours")}</dt>
                    <dd>{detail.hours_per_week}</dd>
                </div>
                <div>
                    <dt>{text("internship-supervisor")}</dt>
                    <dd>{detail.supervisor_name.clone()}</dd>
                </div>
            </dl>
            <p>
                <A href=agreement attr:class="button button-secondary">
                    {text("internship-agreement")}
                </A>
            </p>
            <section class="card" aria-labelledby="evaluations-title">
                <h2 id="evaluations-title">{text("evaluations-title")}</h2>
                <Evaluations evaluations=detail.evaluations.clone() />
            </section>
            {evaluate}
            {extend}
            {cancel}
            <HistoryPanel of=HistoryOf::Internship(detail.id.clone()) />
        </section>
    }
}

#[component]
fn Evaluations(evaluations: Vec<EvaluationDetail>) -> impl IntoView {
    let i18n = use_i18n();
    if evaluations.is_empty() {
        return view! { <p>{text("evaluations-none")}</p> }.into_any();
    }
    view! {
        <ul class="item-list">
            {evaluations
                .into_iter()
                .map(|e| {
                    let (moment, who) = (e.moment, e.evaluator);
                    let scores = [
                        ("evaluation-punctuality", e.punctuality),
                        ("evaluation-cooperation", e.cooperation),
                        ("evaluation-dutch_at_work", e.dutch_at_work),
                        ("evaluation-professional_skills", e.professional_skills),
                    ];
                    view! {
                        <li>
                            <h3>
                                {text(evaluation_moment(moment))} " · "
                                {text(evaluator(who))}
                            </h3>
                            <dl class="facts scores">
                                {scores
                                    .into_iter()
                                    .map(|(key, score)| {
                                        view! {
                                            <div>
                                                <dt>{move || i18n.t(key)}</dt>
                                                <dd>
                                                    {move || {
                                                        i18n.t_with("evaluation-score", &[("score", score.to_string())])
                                                    }}
                                                </dd>
                                            </div>
                                        }
                                    })
                                    .collect_view()}
                            </dl>
                            {(!e.remarks.is_empty()).then(|| view! { <p>{e.remarks}</p> })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

const EVALUATION_FIELDS: &[(&str, &str)] = &[
    ("moment", "evaluation-moment"),
    ("punctuality", "score-punctuality"),
    ("cooperation", "score-cooperation"),
    ("dutch_at_work", "score-dutch"),
    ("professional_skills", "score-skills"),
    ("remarks", "evaluation-remarks"),
];

/// The supervisor's or the coach's evaluation at midterm or at the end:
/// `EvaluationInput::validate` as the user types and on sending.
#[component]
fn EvaluationForm(
    detail: InternshipDetail,
    evaluator: Evaluator,
    changed: Callback<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open: Vec<_> = EVALUATION_MOMENTS
        .into_iter()
        .filter(|(m, _)| {
            !detail
                .evaluations
                .iter()
                .any(|e| e.moment == *m && e.evaluator == evaluator)
        })
        .collect();
    let Some((_, first)) = open.first().copied() else {
        return ().into_any();
    };
    let form = Form::new("evaluation-form", EVALUATION_FIELDS);
    let moment = RwSignal::new(first.to_owned());
    let scores = [(); 4].map(|()| RwSignal::new(String::new()));
    let remarks = RwSignal::new(String::new());
    let input = move || EvaluationInput {
        moment: pick(&EVALUATION_MOMENTS, &moment.get()).unwrap_or(EVALUATION_MOMENTS[0].0),
        evaluator,
        punctuality: parse_opt(&scores[0].get()),
        cooperation: parse_opt(&scores[1].get()),
        dutch_at_work: parse_opt(&scores[2].get()),
        professional_skills: parse_opt(&scores[3].get()),
        remarks: remarks.get(),
    };
    let live = move || input().validate().err().map(|v| v.0).unwrap_or_default();
    let shown = form.shown(live);
    let check =
        move |field: &'static str, errors: &'static str| FieldCheck::new(shown, field, errors);
    let id = detail.id.clone();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let id = id.clone();
        let input = input();
        form.submit(
            live(),
            move || async move { api::internships::evaluate_internship(&id, &input).await },
            move |_| changed.run("evaluation-saved"),
        );
    };
    let moments = Signal::derive(move || {
        open.iter()
            .map(|(m, name)| ((*name).to_owned(), i18n.t(evaluation_moment(*m))))
            .collect::<Vec<_>>()
    });
    let t = move |key: &'static str| Signal::derive(move || i18n.t(key));
    view! {
        <section class="card" aria-labelledby="evaluation-form-title">
            <h2 id="evaluation-form-title">{text("evaluation-form-title")}</h2>
            <p class="meta">{move || i18n.t(self::evaluator(evaluator))}</p>
            <form
                id="evaluation-form"
                class="form"
                novalidate
                on:submit=on_submit
                on:input=move |ev| form.changed(&ev)
                aria-busy=move || form.busy().then_some("true")
            >
                <FormAlert form=form shown=shown errors_id="evaluation-errors" />
                <SelectField
                    id="evaluation-moment"
                    label=t("evaluation-moment")
                    value=moment
                    check=check("moment", "evaluation-moment-errors")
                    options=moments
                />
                <ScoreField name="score-punctuality" legend=t("evaluation-punctuality") value=scores[0] check=check("punctuality", "score-punctuality-errors") />
                <ScoreField name="score-cooperation" legend=t("evaluation-cooperation") value=scores[1] check=check("cooperation", "score-cooperation-errors") />
                <ScoreField name="score-dutch" legend=t("evaluation-dutch_at_work") value=scores[2] check=check("dutch_at_work", "score-dutch-errors") />
                <ScoreField name="score-skills" legend=t("evaluation-professional_skills") value=scores[3] check=check("professional_skills", "score-skills-errors") />
                <TextAreaField id="evaluation-remarks" label=t("evaluation-remarks") value=remarks check=check("remarks", "evaluation-remarks-errors") />
                <button type="submit" class="button">
                    {move || if form.busy() { i18n.t("form-saving") } else { i18n.t("evaluation-submit") }}
                </button>
            </form>
        </section>
    }
    .into_any()
}

const EXTENSION_FIELDS: &[(&str, &str)] = &[("end_date", "extension-end")];

/// A coordinator extends the internship once: `rules::internship::check_extension` as the user
/// types and on sending. Someone else's change in the meantime is loaded without losing the date
/// typed.
#[component]
fn ExtensionForm(detail: InternshipDetail, changed: Callback<&'static str>) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    if detail.extended {
        return view! {
            <section class="card" aria-labelledby="extension-title">
                <h2 id="extension-title">{text("extension-title")}</h2>
                <p>{text("extension-used")}</p>
            </section>
        }
        .into_any();
    }
    let form = Form::new("extension-form", EXTENSION_FIELDS);
    let current = RwSignal::new(detail.clone());
    let new_end = RwSignal::new(String::new());
    let live = move || {
        let Some(end) = parse_opt(&new_end.get()) else {
            return vec![Violation::new(
                "end_date",
                shared::ViolationKind::Required {},
            )];
        };
        current.with(|d| {
            internship::check_extension(
                d.start_date,
                d.end_date,
                end,
                d.extended,
                &ProgrammeSettings::default(),
            )
            .err()
            .map(|v| v.0)
            .unwrap_or_default()
        })
    };
    let shown = form.shown(live);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (id, version) = current.with_untracked(|d| (d.id.clone(), d.version));
        let end_date = parse_opt(&new_end.get_untracked());
        form.submit(
            live(),
            move || async move {
                let patch = InternshipPatch::Extend {
                    end_date: end_date.ok_or_else(ApiError::not_found)?,
                    version,
                };
                api::internships::change_internship(&id, &patch).await
            },
            move |_| changed.run("extension-saved"),
        );
    };
    let reload = Callback::new(move |()| {
        let id = current.with_untracked(|d| d.id.clone());
        spawn_local(async move {
            if let Ok(latest) = auth.check(api::internships::internship(&id).await) {
                current.set(latest);
            }
        });
    });
    let hint = Signal::derive(move || {
        current.with(|d| {
            i18n.t_with(
                "extension-hint",
                &[
                    ("end", i18n.date(&d.end_date)),
                    ("max", internship::EXTENSION_MAX_WEEKS.to_string()),
                    ("total", internship::TOTAL_MAX_WEEKS.to_string()),
                ],
            )
        })
    });
    view! {
        <section class="card" aria-labelledby="extension-title">
            <h2 id="extension-title">{text("extension-title")}</h2>
            <form
                id="extension-form"
                class="form"
                novalidate
                on:submit=on_submit
                on:input=move |ev| form.changed(&ev)
                aria-busy=move || form.busy().then_some("true")
            >
                <FormAlert form=form shown=shown errors_id="extension-errors" on_reload=Some(reload) />
                <TextField
                    id="extension-end"
                    label=Signal::derive(text("extension-end"))
                    value=new_end
                    check=FieldCheck::new(shown, "end_date", "extension-end-errors").with_hint("extension-end-hint")
                    input_type="date"
                    hint=hint
                />
                <button type="submit" class="button">
                    {move || if form.busy() { i18n.t("form-saving") } else { i18n.t("extension-submit") }}
                </button>
            </form>
        </section>
    }
    .into_any()
}

/// A coach or coordinator cancels the internship, after a question.
#[component]
fn CancelButton(detail: InternshipDetail, changed: Callback<&'static str>) -> impl IntoView {
    let i18n = use_i18n();
    let form = Form::new("internship-cancel", &[]);
    let shown = form.shown(Vec::new);
    let (id, version) = (detail.id.clone(), detail.version);
    let reload = Callback::new(move |()| changed.run("form-latest-loaded"));
    view! {
        <section class="card" aria-labelledby="cancel-title">
            <h2 id="cancel-title">{text("internship-cancel-title")}</h2>
            <FormAlert form=form shown=shown errors_id="cancel-errors" on_reload=Some(reload) />
            <button
                type="button"
                class="button button-secondary"
                aria-disabled=move || form.busy().then_some("true")
                on:click=move |_| {
                    if !window()
                        .confirm_with_message(&i18n.t("internship-cancel-confirm"))
                        .unwrap_or(false)
                    {
                        return;
                    }
                    let id = id.clone();
                    form.submit(
                        Vec::new(),
                        move || async move {
                            api::internships::change_internship(&id, &InternshipPatch::Cancel { version })
                                .await
                        },
                        move |_| changed.run("internship-cancel-done"),
                    );
                }
            >
                {text("internship-cancel")}
            </button>
        </section>
    }
}
