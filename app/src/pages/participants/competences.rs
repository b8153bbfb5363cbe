//! `/participants/{id}/competences`: education, work experience, skills and wishes, which the
//! participant and their coach keep up to date; the suggestions are ranked on them.

use leptos::{ev::SubmitEvent, prelude::*};
use shared::{
    Violation,
    api::{CompetencesDetail, CompetencesInput},
    ids::ParticipantId,
    rules::competences::{
        Competences, HOURS_MAX, HOURS_MIN, KnownSector, MAX_SECTORS_OF_INTEREST, MAX_SKILLS,
        TRAVEL_KM_MAX, TRAVEL_KM_MIN,
    },
};

use crate::{
    api,
    components::{
        FieldCheck, FieldErrors, Form, FormAlert, Loaded, ParticipantFrame, SelectField, TextField,
        api_resource, id_param, missing, parse_opt, set_page_title, text, unreadable,
        with_format_errors,
    },
    i18n::use_i18n,
    pages::{
        NotFoundPage,
        companies::keys::{EDUCATION_LEVELS, education_level, name_in, pick, sector},
    },
};

#[component]
pub fn ParticipantCompetencesPage() -> impl IntoView {
    set_page_title(text("competences-title"));
    let id = id_param::<ParticipantId>();
    move || match id.get() {
        Some(id) => view! { <CompetencesView id=id /> }.into_any(),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}

#[component]
fn CompetencesView(id: ParticipantId) -> impl IntoView {
    let detail = {
        let id = id.clone();
        api_resource(move || {
            let id = id.clone();
            async move { api::matching::competences(&id).await }
        })
    };
    let missing = missing(detail);
    move || {
        if missing.get() {
            return view! { <NotFoundPage /> }.into_any();
        }
        let frame_id = id.clone();
        view! {
            <ParticipantFrame id=frame_id title="competences-title">
                <Loaded resource=detail part=true children=move |d| {
                    view! { <CompetencesForm detail=d /> }
                } />
            </ParticipantFrame>
        }
        .into_any()
    }
}

const FIELDS: &[(&str, &str)] = &[
    ("education_level", "comp-education-level"),
    ("education_field", "comp-education-field"),
    ("education_country", "comp-education-country"),
    ("diploma_recognised", "comp-diploma"),
    ("work_sector", "comp-work-sector"),
    ("work_years", "comp-work-years"),
    ("skills", "comp-skills"),
    ("sectors_of_interest", "comp-interest"),
    ("hours_available", "comp-hours"),
    ("travel_km", "comp-travel"),
    ("postcode_area", "comp-postcode"),
];

#[derive(Debug, Clone, Copy)]
struct Values {
    level: RwSignal<String>,
    field: RwSignal<String>,
    country: RwSignal<String>,
    diploma: RwSignal<String>,
    work_sector: RwSignal<String>,
    work_years: RwSignal<String>,
    skills: RwSignal<String>,
    interests: RwSignal<Vec<KnownSector>>,
    hours: RwSignal<String>,
    travel: RwSignal<String>,
    postcode: RwSignal<String>,
    version: RwSignal<i64>,
}

impl Values {
    fn of(detail: &CompetencesDetail) -> Values {
        let c: &Competences = &detail.competences;
        let num = |n: Option<u8>| RwSignal::new(n.map(|n| n.to_string()).unwrap_or_default());
        Values {
            level: RwSignal::new(
                c.education_level
                    .map(|l| name_in(&EDUCATION_LEVELS, l).to_owned())
                    .unwrap_or_default(),
            ),
            field: RwSignal::new(c.education_field.clone()),
            country: RwSignal::new(
                c.education_country
                    .as_ref()
                    .map(|c| c.as_str().to_owned())
                    .unwrap_or_default(),
            ),
            diploma: RwSignal::new(
                match c.diploma_recognised {
                    Some(true) => "yes",
                    Some(false) => "no",
                    None => "",
                }
                .to_owned(),
            ),
            work_sector: RwSignal::new(
                c.work_sector
                    .map(|s| s.as_str().to_owned())
                    .unwrap_or_default(),
            ),
            work_years: num(c.work_years),
            skills: RwSignal::new(
                c.skills
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            interests: RwSignal::new(c.sectors_of_interest.clone()),
            hours: num(c.hours_available),
            travel: num(c.travel_km),
            postcode: RwSignal::new(
                c.postcode_area
                    .as_ref()
                    .map(|p| p.as_str().to_owned())
                    .unwrap_or_default(),
            ),
            version: RwSignal::new(detail.version),
        }
    }

    fn input(self) -> CompetencesInput {
        CompetencesInput {
            education_level: pick(&EDUCATION_LEVELS, &self.level.get()),
            education_field: self.field.get(),
            education_country: self.country.get(),
            diploma_recognised: match self.diploma.get().as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
            work_sector: self.work_sector.get(),
            work_years: parse_opt(&self.work_years.get()),
            skills: skill_tags(&self.skills.get()),
            sectors_of_interest: self
                .interests
                .get()
                .into_iter()
                .map(|s| s.as_str().to_owned())
                .collect(),
            hours_available: parse_opt(&self.hours.get()),
            travel_km: parse_opt(&self.travel.get()),
            postcode_area: self.postcode.get(),
            version: self.version.get(),
        }
    }

    /// `CompetencesInput::validate` on what is typed, the numbers that could not be read, and
    /// each skill's violation on the one field of all skills.
    fn violations(self) -> Vec<Violation> {
        let found = self
            .input()
            .validate()
            .err()
            .map(|v| v.0)
            .unwrap_or_default()
            .into_iter()
            .map(on_own_field)
            .collect();
        with_format_errors(
            found,
            &[
                ("work_years", unreadable::<i64>(&self.work_years.get())),
                ("hours_available", unreadable::<i64>(&self.hours.get())),
                ("travel_km", unreadable::<i64>(&self.travel.get())),
            ],
        )
    }
}

/// The skills typed as one text, separated by commas.
fn skill_tags(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A violation of one skill (`skills.2`) or one sector shown at the field of all of them.
fn on_own_field(v: Violation) -> Violation {
    match v.field.split_once('.') {
        Some((field, _)) => Violation::new(field, v.kind),
        None => v,
    }
}

/// The form of the competences and wishes, filled with what is stored.
#[component]
fn CompetencesForm(detail: CompetencesDetail) -> impl IntoView {
    let i18n = use_i18n();
    let form = Form::new("competences-form", FIELDS);
    let values = Values::of(&detail);
    let participant = detail.participant_id.clone();
    let saved = RwSignal::new(false);
    let shown = form.shown(move || values.violations());
    let check =
        move |field: &'static str, errors: &'static str| FieldCheck::new(shown, field, errors);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let participant = participant.clone();
        let input = values.input();
        saved.set(false);
        form.submit(
            values.violations(),
            move || async move { api::matching::save_competences(&participant, &input).await },
            move |answer| {
                values.version.set(answer.version);
                saved.set(true);
            },
        );
    };
    let t = move |key: &'static str| Signal::derive(move || i18n.t(key));
    let levels = Signal::derive(move || {
        EDUCATION_LEVELS
            .iter()
            .map(|(l, name)| ((*name).to_owned(), i18n.t(education_level(*l))))
            .collect::<Vec<_>>()
    });
    let sectors = Signal::derive(move || {
        KnownSector::ALL
            .iter()
            .map(|s| (s.as_str().to_owned(), i18n.t(sector(*s))))
            .collect::<Vec<_>>()
    });
    let yes_no = Signal::derive(move || {
        vec![
            ("yes".to_owned(), i18n.t("competences-yes")),
            ("no".to_owned(), i18n.t("competences-no")),
        ]
    });
    let interest_check = check("sectors_of_interest", "comp-interest-errors");
    let interests = KnownSector::ALL
        .into_iter()
        .map(|s| {
            let element = format!("comp-interest-{}", s.as_str());
            let checked = move || values.interests.with(|i| i.contains(&s));
            let full = move || {
                values
                    .interests
                    .with(|i| !i.contains(&s) && i.len() >= MAX_SECTORS_OF_INTEREST as usize)
            };
            view! {
                <div class="check">
                    <input
                        type="checkbox"
                        id=element.clone()
                        name="comp-interest"
                        prop:checked=checked
                        disabled=full
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            values
                                .interests
                                .update(|i| {
                                    i.retain(|x| *x != s);
                                    if on {
                                        i.push(s);
                                    }
                                });
                        }
                    />
                    <label for=element>{text(sector(s))}</label>
                </div>
            }
        })
        .collect_view();
    let hint = |key: &'static str, params: Vec<(&'static str, String)>| {
        Signal::derive(move || i18n.t_with(key, &params))
    };
    view! {
        <form
            id="competences-form"
            class="form"
            novalidate
            on:submit=on_submit
            on:input=move |ev| form.changed(&ev)
            on:change=move |ev| form.changed(&ev)
            aria-busy=move || form.busy().then_some("true")
        >
            <p class="meta">{text("competences-intro")}</p>
            <p role="status" class="status-line">
                {move || saved.get().then(|| i18n.t("competences-saved"))}
            </p>
            <FormAlert form=form shown=shown errors_id="competences-errors" />
            <fieldset class="card">
                <legend>{text("competences-education")}</legend>
                <SelectField
                    id="comp-education-level"
                    label=t("competences-education-level")
                    value=values.level
                    check=check("education_level", "comp-education-level-errors")
                    options=levels
                    empty=t("form-choose")
                />
                <TextField
                    id="comp-education-field"
                    label=t("competences-education-field")
                    value=values.field
                    check=check("education_field", "comp-education-field-errors")
                />
                <TextField
                    id="comp-education-country"
                    label=t("competences-education-country")
                    value=values.country
                    check=check("education_country", "comp-education-country-errors")
                        .with_hint("comp-education-country-hint")
                    hint=t("competences-education-country-hint")
                    dir="ltr"
                />
                <SelectField
                    id="comp-diploma"
                    label=t("competences-diploma")
                    value=values.diploma
                    check=check("diploma_recognised", "comp-diploma-errors")
                    options=yes_no
                    empty=t("competences-unknown")
                />
            </fieldset>
            <fieldset class="card">
                <legend>{text("competences-work")}</legend>
                <SelectField
                    id="comp-work-sector"
                    label=t("competences-work-sector")
                    value=values.work_sector
                    check=check("work_sector", "comp-work-sector-errors")
                    options=sectors
                    empty=t("competences-none")
                />
                <TextField
                    id="comp-work-years"
                    label=t("competences-work-years")
                    value=values.work_years
                    check=check("work_years", "comp-work-years-errors")
                    inputmode="numeric"
                />
                <TextField
                    id="comp-skills"
                    label=t("competences-skills")
                    value=values.skills
                    check=check("skills", "comp-skills-errors").with_hint("comp-skills-hint")
                    hint=hint("competences-skills-hint", vec![("max", MAX_SKILLS.to_string())])
                />
            </fieldset>
            <fieldset class="card">
                <legend>{text("competences-wishes")}</legend>
                <fieldset
                    class="field"
                    aria-invalid=move || interest_check.aria_invalid()
                    aria-describedby=move || interest_check.aria_describedby()
                >
                    <legend>{text("competences-interest")}</legend>
                    <p class="hint">
                        {move || {
                            i18n.t_with(
                                "competences-interest-hint",
                                &[("max", MAX_SECTORS_OF_INTEREST.to_string())],
                            )
                        }}
                    </p>
                    {interests}
                    <FieldErrors check=interest_check />
                </fieldset>
                <TextField
                    id="comp-hours"
                    label=t("competences-hours")
                    value=values.hours
                    check=check("hours_available", "comp-hours-errors").with_hint("comp-hours-hint")
                    hint=hint(
                        "competences-range-hint",
                        vec![("min", HOURS_MIN.to_string()), ("max", HOURS_MAX.to_string())],
                    )
                    inputmode="numeric"
                />
                <TextField
                    id="comp-travel"
                    label=t("competences-travel")
                    value=values.travel
                    check=check("travel_km", "comp-travel-errors").with_hint("comp-travel-hint")
                    hint=hint(
                        "competences-range-hint",
                        vec![
                            ("min", TRAVEL_KM_MIN.to_string()),
                            ("max", TRAVEL_KM_MAX.to_string()),
                        ],
                    )
                    inputmode="numeric"
                />
                <TextField
                    id="comp-postcode"
                    label=t("competences-postcode")
                    value=values.postcode
                    check=check("postcode_area", "comp-postcode-errors").with_hint("comp-postcode-hint")
                    hint=t("competences-postcode-hint")
                    inputmode="numeric"
                />
            </fieldset>
            <button type="submit" class="button">
                {move || if form.busy() { i18n.t("form-saving") } else { i18n.t("form-save") }}
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::ViolationKind;

    #[test]
    fn skills_are_typed_as_one_text_separated_by_commas() {
        assert_eq!(
            skill_tags(" bakken, , Excel ,kassa"),
            vec!["bakken".to_owned(), "Excel".to_owned(), "kassa".to_owned()]
        );
        assert!(skill_tags("  ").is_empty());
    }

    #[test]
    fn a_violation_of_one_skill_shows_at_the_field_of_all_skills() {
        let one = Violation::new("skills.3", ViolationKind::TooShort { min: 2 });
        assert_eq!(
            on_own_field(one),
            Violation::new("skills", ViolationKind::TooShort { min: 2 })
        );
        let whole = Violation::new("hours_available", ViolationKind::Required {});
        assert_eq!(on_own_field(whole.clone()), whole);
    }
}
