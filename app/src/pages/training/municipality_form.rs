use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use shared::{
    ProgrammeSettings,
    api::{AgreementInput, MunicipalityDetail, MunicipalityInput},
    values::Money,
};

use crate::{
    api,
    auth::use_auth,
    components::{
        FieldCheck, Form, FormAlert, LatestVersion, TextField, parse_opt, unreadable,
        with_format_errors,
    },
    i18n::use_i18n,
};

const FIELDS: &[(&str, &str)] = &[
    ("cbs_code", "municipality-code"),
    ("name", "municipality-name"),
    ("agreement.start_date", "municipality-start"),
    ("agreement.end_date", "municipality-end"),
    (
        "agreement.contracted_participants",
        "municipality-contracted",
    ),
    ("agreement.budget_cap_cents", "municipality-budget"),
];

/// The typed values of the form.
#[derive(Debug, Clone, Copy)]
struct Values {
    code: RwSignal<String>,
    name: RwSignal<String>,
    start: RwSignal<String>,
    end: RwSignal<String>,
    contracted: RwSignal<String>,
    budget: RwSignal<String>,
}

/// An amount in cents as typed in euros: `1000` or `1200,50`.
fn euros_text(cents: i64) -> String {
    if cents % 100 == 0 {
        (cents / 100).to_string()
    } else {
        format!("{},{:02}", cents / 100, (cents % 100).abs())
    }
}

impl Values {
    fn new() -> Values {
        let empty = || RwSignal::new(String::new());
        Values {
            code: empty(),
            name: empty(),
            start: empty(),
            end: empty(),
            contracted: empty(),
            budget: empty(),
        }
    }

    fn set(self, m: &MunicipalityDetail) {
        self.code.set(m.cbs_code.to_string());
        self.name.set(m.name.clone());
        self.start.set(m.agreement.start_date.to_string());
        self.end.set(m.agreement.end_date.to_string());
        self.contracted
            .set(m.agreement.contracted_participants.to_string());
        self.budget.set(
            m.agreement
                .budget_cap_cents
                .map(euros_text)
                .unwrap_or_default(),
        );
    }

    fn input(self, version: Option<i64>) -> MunicipalityInput {
        MunicipalityInput {
            cbs_code: self.code.get().trim().to_uppercase(),
            name: self.name.get(),
            agreement: AgreementInput {
                start_date: parse_opt(&self.start.get()),
                end_date: parse_opt(&self.end.get()),
                contracted_participants: parse_opt(&self.contracted.get()),
                budget_cap_cents: parse_opt::<Money>(&self.budget.get()).map(Money::cents),
            },
            version,
        }
    }

    /// `MunicipalityInput::validate`, and what could not be read at all.
    fn violations(self, version: Option<i64>) -> Vec<shared::Violation> {
        let found = self
            .input(version)
            .validate()
            .err()
            .map(|v| v.0)
            .unwrap_or_default();
        with_format_errors(
            found,
            &[
                (
                    "agreement.contracted_participants",
                    unreadable::<u32>(&self.contracted.get()),
                ),
                (
                    "agreement.budget_cap_cents",
                    unreadable::<Money>(&self.budget.get()),
                ),
            ],
        )
    }
}

/// A new municipality with its agreement, or the changes to one (`existing`):
/// `MunicipalityInput::validate` as the user types and on sending.
#[component]
pub fn MunicipalityForm(
    #[prop(optional)] existing: Option<MunicipalityDetail>,
    /// Takes the municipality as saved.
    done: Callback<MunicipalityDetail>,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let form = Form::new("municipality-form", FIELDS);
    let values = Values::new();
    let editing = existing.as_ref().map(|m| m.id.clone());
    let version = RwSignal::new(existing.as_ref().map(|m| m.version));
    let latest = RwSignal::new(None::<MunicipalityDetail>);
    if let Some(m) = &existing {
        values.set(m);
    }
    let creating = editing.is_none();
    let live = move || values.violations(version.get());
    let shown = form.shown(live);
    let check = move |field, errors| FieldCheck::new(shown, field, errors);

    let on_submit = {
        let editing = editing.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let input = values.input(version.get_untracked());
            let editing = editing.clone();
            form.submit(
                live(),
                move || async move {
                    match editing {
                        Some(id) => api::municipalities::update_municipality(&id, &input).await,
                        None => api::municipalities::create_municipality(&input).await,
                    }
                },
                move |saved: MunicipalityDetail| {
                    latest.set(None);
                    version.set(Some(saved.version));
                    done.run(saved);
                },
            );
        }
    };

    let reload = editing.map(|id| {
        Callback::new(move |()| {
            let id = id.clone();
            spawn_local(async move {
                if let Ok(m) = auth.check(api::municipalities::municipality(&id).await) {
                    version.set(Some(m.version));
                    latest.set(Some(m));
                }
            });
        })
    });

    let t = move |key: &'static str| Signal::derive(move || i18n.t(key));
    let budget_hint = Signal::derive(move || {
        let cap = ProgrammeSettings::default().budget_cap.cents();
        i18n.t_with("municipality-budget-hint", &[("amount", i18n.euros(cap))])
    });

    view! {
        <form
            id="municipality-form"
            class="form"
            novalidate
            on:submit=on_submit
            on:input=move |ev| form.changed(&ev)
            aria-busy=move || form.busy().then_some("true")
        >
            <FormAlert form=form shown=shown errors_id="municipality-errors" on_reload=reload />
            {move || {
                latest
                    .get()
                    .map(|m| {
                        let summary = format!(
                            "{} ({}), {} – {}, {}",
                            m.name,
                            m.cbs_code,
                            m.agreement.start_date,
                            m.agreement.end_date,
                            m.agreement.contracted_participants,
                        );
                        let take = Callback::new(move |()| {
                            values.set(&m);
                            latest.set(None);
                        });
                        view! { <LatestVersion summary=summary take=take /> }
                    })
            }}
            <TextField
                id="municipality-code"
                label=t("municipality-code")
                value=values.code
                check=check("cbs_code", "municipality-code-errors")
                    .with_hint("municipality-code-hint")
                hint=t("municipality-code-hint")
                dir="ltr"
            />
            <TextField
                id="municipality-name"
                label=t("municipality-name")
                value=values.name
                check=check("name", "municipality-name-errors")
            />
            <TextField
                id="municipality-start"
                label=t("municipality-start")
                value=values.start
                check=check("agreement.start_date", "municipality-start-errors")
                input_type="date"
            />
            <TextField
                id="municipality-end"
                label=t("municipality-end")
                value=values.end
                check=check("agreement.end_date", "municipality-end-errors")
                input_type="date"
            />
            <TextField
                id="municipality-contracted"
                label=t("municipality-contracted")
                value=values.contracted
                check=check("agreement.contracted_participants", "municipality-contracted-errors")
                inputmode="numeric"
            />
            <TextField
                id="municipality-budget"
                label=t("municipality-budget")
                value=values.budget
                check=check("agreement.budget_cap_cents", "municipality-budget-errors")
                    .with_hint("municipality-budget-hint")
                hint=budget_hint
                inputmode="decimal"
            />
            <button type="submit" class="button">
                {move || {
                    if form.busy() {
                        i18n.t("edit-saving")
                    } else if creating {
                        i18n.t("municipality-create")
                    } else {
                        i18n.t("municipality-save")
                    }
                }}
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_budget_in_cents_is_shown_as_euros_as_typed() {
        assert_eq!(euros_text(100_000), "1000");
        assert_eq!(euros_text(120_050), "1200,50");
        assert_eq!(
            Money::parse(&euros_text(120_050)),
            Ok(Money::from_cents(120_050))
        );
    }
}
