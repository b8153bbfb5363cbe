use leptos::{ev::SubmitEvent, prelude::*};
use shared::{
    api::{ProgrammeSettingsDetail, ProgrammeSettingsInput},
    ids::MunicipalityId,
};

use crate::{
    api,
    components::{
        FieldCheck, Form, FormAlert, Loaded, TextField, api_resource, parse_opt, unreadable,
        with_format_errors,
    },
    i18n::use_i18n,
};

const FIELDS: &[(&str, &str)] = &[
    ("practice_hours_required", "settings-practice-hours"),
    ("meeting_minutes", "settings-meeting-minutes"),
    ("visit_minutes", "settings-visit-minutes"),
    ("placement_max_hours_per_week", "settings-placement-hours"),
    ("stage_max_allowance_cents", "settings-allowance"),
    ("insurance_note", "settings-insurance"),
];

/// The programme settings of the municipality's agreement, for its coordinator to change.
#[component]
pub fn ProgrammeSettingsSection(municipality: MunicipalityId) -> impl IntoView {
    let settings = {
        let id = municipality.clone();
        api_resource(move || {
            let id = id.clone();
            async move { api::municipalities::programme_settings(&id).await }
        })
    };
    view! {
        <section class="card" aria-labelledby="settings-title">
            <h2 id="settings-title">{crate::components::text("settings-title")}</h2>
            <Loaded
                resource=settings
                part=true
                children=move |s| view! { <SettingsForm existing=s /> }
            />
        </section>
    }
}

#[component]
fn SettingsForm(existing: ProgrammeSettingsDetail) -> impl IntoView {
    let i18n = use_i18n();
    let form = Form::new("settings-form", FIELDS);
    let id = existing.municipality_id.clone();
    let version = RwSignal::new(existing.version);
    let saved = RwSignal::new(false);
    let field = |n: u32| RwSignal::new(n.to_string());
    let practice = field(existing.practice_hours_required);
    let meeting = field(existing.meeting_minutes);
    let visit = field(existing.visit_minutes);
    let hours = field(existing.placement_max_hours_per_week);
    let allowance = RwSignal::new(existing.stage_max_allowance_cents.to_string());
    let insurance = RwSignal::new(existing.insurance_note.clone());
    let input = move || ProgrammeSettingsInput {
        practice_hours_required: parse_opt(&practice.get()),
        meeting_minutes: parse_opt(&meeting.get()),
        visit_minutes: parse_opt(&visit.get()),
        placement_max_hours_per_week: parse_opt(&hours.get()),
        stage_max_allowance_cents: parse_opt(&allowance.get()),
        insurance_note: insurance.get(),
        version: Some(version.get()),
    };
    let live = move || {
        let found = input().validate().err().map(|v| v.0).unwrap_or_default();
        with_format_errors(
            found,
            &[
                (
                    "practice_hours_required",
                    unreadable::<i64>(&practice.get()),
                ),
                ("meeting_minutes", unreadable::<i64>(&meeting.get())),
                ("visit_minutes", unreadable::<i64>(&visit.get())),
                (
                    "placement_max_hours_per_week",
                    unreadable::<i64>(&hours.get()),
                ),
                (
                    "stage_max_allowance_cents",
                    unreadable::<i64>(&allowance.get()),
                ),
            ],
        )
    };
    let shown = form.shown(live);
    let check =
        move |field: &'static str, errors: &'static str| FieldCheck::new(shown, field, errors);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let id = id.clone();
        let input = input();
        form.submit(
            live(),
            move || async move { api::municipalities::update_programme_settings(&id, &input).await },
            move |s: ProgrammeSettingsDetail| {
                version.set(s.version);
                saved.set(true);
            },
        );
    };
    let t = move |key: &'static str| Signal::derive(move || i18n.t(key));
    view! {
        <form
            id="settings-form"
            class="form"
            novalidate
            on:submit=on_submit
            on:input=move |ev| form.changed(&ev)
            aria-busy=move || form.busy().then_some("true")
        >
            <p role="status" class="status-line">
                {move || saved.get().then(|| i18n.t("edit-saved"))}
            </p>
            <FormAlert form=form shown=shown errors_id="settings-errors" />
            <TextField
                id="settings-practice-hours"
                label=t("settings-practice-hours")
                value=practice
                check=check("practice_hours_required", "settings-practice-hours-errors")
                inputmode="numeric"
            />
            <TextField
                id="settings-meeting-minutes"
                label=t("settings-meeting-minutes")
                value=meeting
                check=check("meeting_minutes", "settings-meeting-minutes-errors")
                inputmode="numeric"
            />
            <TextField
                id="settings-visit-minutes"
                label=t("settings-visit-minutes")
                value=visit
                check=check("visit_minutes", "settings-visit-minutes-errors")
                inputmode="numeric"
            />
            <TextField
                id="settings-placement-hours"
                label=t("settings-placement-hours")
                value=hours
                check=check("placement_max_hours_per_week", "settings-placement-hours-errors")
                inputmode="numeric"
            />
            <TextField
                id="settings-allowance"
                label=t("settings-allowance")
                value=allowance
                check=check("stage_max_allowance_cents", "settings-allowance-errors")
                inputmode="numeric"
            />
            <TextField
                id="settings-insurance"
                label=t("settings-insurance")
                value=insurance
                check=check("insurance_note", "settings-insurance-errors")
            />
            <button type="submit" class="button">
                {move || if form.busy() { i18n.t("form-saving") } else { i18n.t("settings-submit") }}
            </button>
        </form>
    }
}
