use leptos::prelude::*;
use shared::{ProgrammeSettings, api::Agreement};

use crate::i18n::use_i18n;

/// The figures of a municipality's agreement as a list of terms.
#[component]
pub fn AgreementFacts(agreement: Agreement) -> impl IntoView {
    let i18n = use_i18n();
    let Agreement {
        start_date,
        end_date,
        contracted_participants,
        budget_cap_cents,
    } = agreement;
    let default_cap = ProgrammeSettings::default().budget_cap.cents();
    view! {
        <dl class="facts">
            <div>
                <dt>{move || i18n.t("agreement-period")}</dt>
                <dd>
                    {move || {
                        i18n.t_with(
                            "agreement-period-value",
                            &[("start", i18n.date(&start_date)), ("end", i18n.date(&end_date))],
                        )
                    }}
                </dd>
            </div>
            <div>
                <dt>{move || i18n.t("agreement-contracted")}</dt>
                <dd>{contracted_participants}</dd>
            </div>
            <div>
                <dt>{move || i18n.t("agreement-budget-cap")}</dt>
                <dd>
                    {move || match budget_cap_cents {
                        Some(cents) => i18n.euros(cents),
                        None => {
                            i18n.t_with(
                                "agreement-budget-default",
                                &[("amount", i18n.euros(default_cap))],
                            )
                        }
                    }}
                </dd>
            </div>
        </dl>
    }
}
