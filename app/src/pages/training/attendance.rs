use leptos::{ev::SubmitEvent, prelude::*};
use leptos_router::components::A;
use shared::{
    Violation,
    api::{AttendanceInput, AttendanceLine, AttendanceRow, CohortDetail},
    ids::CohortId,
    rules::training::{AttendanceStatus, MeetingNumber, check_attendance},
};

use super::keys;
use crate::{
    api::{self, ApiError},
    components::{
        Date, Form, FormAlert, Glyph, Icon, Loaded, api_resource, path_param, set_page_title, today,
    },
    i18n::use_i18n,
};

/// The lines to send: everyone with a status; nobody is recorded by leaving them out.
fn lines_of(rows: &[AttendanceRow]) -> AttendanceInput {
    AttendanceInput(
        rows.iter()
            .filter_map(|r| {
                r.status.map(|status| AttendanceLine {
                    participant_id: r.participant_id.clone(),
                    status,
                })
            })
            .collect(),
    )
}

/// `/cohorts/{id}/meetings/{n}/attendance` (coordinator, coach): everyone in the cohort, one
/// tap each for present, excused, absent or made up, saved in one request.
#[component]
pub fn AttendancePage() -> impl IntoView {
    let i18n = use_i18n();
    set_page_title(move || i18n.t("attendance-title"));
    let id = path_param::<CohortId>("id");
    let number = path_param::<MeetingNumber>("n");
    let data = api_resource(move || {
        let (id, number) = (id.get(), number.get());
        async move {
            let (Some(id), Some(number)) = (id, number) else {
                return Err(ApiError::not_found());
            };
            let cohort = api::cohorts::cohort(&id).await?;
            let rows = api::cohorts::attendance(&id, number).await?;
            Ok::<_, ApiError>((cohort, number, rows))
        }
    });
    view! {
        <Loaded resource=data children=move |(cohort, number, rows)| {
            view! { <Attendance cohort=cohort number=number rows=rows /> }
        } />
    }
}

#[component]
fn Attendance(
    cohort: CohortDetail,
    number: MeetingNumber,
    rows: Vec<AttendanceRow>,
) -> impl IntoView {
    let i18n = use_i18n();
    let meeting = cohort.meetings.iter().find(|m| m.number == number).cloned();
    let theme = meeting.as_ref().map(|m| m.theme);
    let date = meeting.as_ref().and_then(|m| m.date);
    let back = format!("/cohorts/{}", cohort.id);
    // The shared rule: only a scheduled meeting that has taken place.
    let refusal = check_attendance(date, today::<Date>(), true)
        .err()
        .map(|kind| Violation::new("", kind));
    let body = match refusal {
        Some(v) => {
            view! { <p class="alert alert-info">{move || i18n.violation(&v)}</p> }.into_any()
        }
        None => view! { <AttendanceForm cohort_id=cohort.id.clone() number=number rows=rows /> }
            .into_any(),
    };
    view! {
        <section class="page" aria-labelledby="attendance-title">
            <p class="eyebrow">{cohort.name}</p>
            <h1 id="attendance-title">
                {move || i18n.t_with("attendance-heading", &[("number", number.to_string())])}
            </h1>
            <p class="meeting-when">
                {theme.map(|t| view! { <span>{move || i18n.t(&keys::theme(t))}</span> })}
                {date
                    .map(|d| {
                        view! {
                            <span>
                                <Icon glyph=Glyph::Calendar />
                                {move || i18n.date(&d)}
                            </span>
                        }
                    })}
            </p>
            <p>
                <A href=back>{move || i18n.t("attendance-back")}</A>
            </p>
            {body}
        </section>
    }
}

#[component]
fn AttendanceForm(
    cohort_id: CohortId,
    number: MeetingNumber,
    rows: Vec<AttendanceRow>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = Form::new("attendance-form", &[]);
    let empty = rows.is_empty();
    let count = rows.len();
    let rows = RwSignal::new(rows);
    let saved = RwSignal::new(false);
    let live = move || {
        rows.with(|r| lines_of(r))
            .validate()
            .err()
            .map(|v| v.0)
            .unwrap_or_default()
    };
    let shown = form.shown(live);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let input = rows.with_untracked(|r| lines_of(r));
        let cohort_id = cohort_id.clone();
        form.submit(
            live(),
            move || async move { api::cohorts::save_attendance(&cohort_id, number, &input).await },
            move |answer: Vec<AttendanceRow>| {
                rows.set(answer);
                saved.set(true);
            },
        );
    };
    let everyone_present = move |_| {
        saved.set(false);
        rows.update(|rows| {
            for row in rows.iter_mut().filter(|r| r.status.is_none()) {
                row.status = Some(AttendanceStatus::Present);
            }
        });
    };
    if empty {
        return view! { <p>{move || i18n.t("attendance-nobody")}</p> }.into_any();
    }
    let list = (0..count)
        .map(|index| view! { <AttendanceRowView rows=rows index=index saved=saved /> })
        .collect_view();
    let recorded = move || {
        let done = rows.with(|r| r.iter().filter(|r| r.status.is_some()).count());
        i18n.t_with(
            "attendance-recorded",
            &[("done", done.to_string()), ("total", count.to_string())],
        )
    };
    view! {
        <form
            id="attendance-form"
            class="form"
            novalidate
            on:submit=on_submit
            aria-busy=move || form.busy().then_some("true")
        >
            <FormAlert form=form shown=shown errors_id="attendance-errors" />
            <p class="hint">{move || i18n.t("attendance-intro")}</p>
            <button type="button" class="button button-secondary" on:click=everyone_present>
                <Icon glyph=Glyph::Check />
                {move || i18n.t("attendance-everyone-present")}
            </button>
            <ul class="attendance-list">{list}</ul>
            <p class="meta" aria-live="polite">{recorded}</p>
            <button type="submit" class="button">
                {move || if form.busy() { i18n.t("edit-saving") } else { i18n.t("attendance-save") }}
            </button>
            {move || {
                saved
                    .get()
                    .then(|| {
                        view! {
                            <p role="status" class="alert alert-success">
                                {move || i18n.t("attendance-saved")}
                            </p>
                        }
                    })
            }}
        </form>
    }
    .into_any()
}

/// One participant: four choices, one tap.
#[component]
fn AttendanceRowView(
    rows: RwSignal<Vec<AttendanceRow>>,
    index: usize,
    saved: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = rows.with_untracked(|r| {
        r.get(index)
            .map(|r| i18n.participant_name(&r.first_name, &r.last_name))
            .unwrap_or_default()
    });
    let legend_id = format!("attendance-{index}");
    let labelled_by = legend_id.clone();
    let options = AttendanceStatus::ALL
        .into_iter()
        .map(|status| {
            let id = format!("attendance-{index}-{}", keys::attendance_value(status));
            let checked = move || rows.with(|r| r.get(index).and_then(|r| r.status) == Some(status));
            let label_for = id.clone();
            view! {
                <label for=label_for class=format!("choice choice-{}", keys::attendance_value(status))>
                    <input
                        type="radio"
                        id=id
                        name=format!("attendance-{index}")
                        value=keys::attendance_value(status)
                        prop:checked=checked
                        on:change=move |_| {
                            saved.set(false);
                            rows.update(|r| {
                                if let Some(row) = r.get_mut(index) {
                                    row.status = Some(status);
                                }
                            });
                        }
                    />
                    <Icon glyph=keys::attendance_glyph(status) />
                    <span>{move || i18n.t(keys::attendance(status))}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <li>
            <fieldset class="attendance-row" aria-labelledby=labelled_by>
                <legend id=legend_id>{name}</legend>
                <div class="choices">{options}</div>
            </fieldset>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::ids::ParticipantId;

    fn row(id: &str, status: Option<AttendanceStatus>) -> AttendanceRow {
        AttendanceRow {
            participant_id: ParticipantId::parse(id).expect("an id"),
            first_name: "Amal".into(),
            last_name: "Haddad".into(),
            status,
        }
    }

    #[test]
    fn only_those_with_a_status_are_sent() {
        let input = lines_of(&[
            row("p1", Some(AttendanceStatus::Present)),
            row("p2", None),
            row("p3", Some(AttendanceStatus::MadeUp)),
        ]);
        assert_eq!(input.0.len(), 2);
        assert!(input.validate().is_ok());
    }
}
