//! A searchable list of the languages a participant may speak ([`SPOKEN_LANGUAGES`]): each under
//! its name in the interface's language and in its own script, so a coach finds Dari by typing
//! "Dari", "دری" or `prs`. Choosing one adds its tag to the field of tags beside it.

use leptos::prelude::*;
use shared::values::{LanguageCode, SPOKEN_LANGUAGES};

use crate::i18n::use_i18n;

/// The option of a language in the picker: `Dari · دری (prs)`; the name once when the interface
/// already shows it in its own script (`Nederlands (nl)` in Dutch).
pub fn option_label(name_here: &str, own_name: &str, tag: &str) -> String {
    if name_here == own_name || name_here == tag {
        format!("{own_name} ({tag})")
    } else {
        format!("{name_here} · {own_name} ({tag})")
    }
}

/// `list` (tags separated by commas) with `tag` added at the end, unless it is there already.
pub fn with_tag(list: &str, tag: &str) -> String {
    let mut tags: Vec<String> = list
        .split([',', ' ', ';'])
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty())
        .collect();
    if !tags.iter().any(|t| t == tag) {
        tags.push(tag.to_owned());
    }
    tags.join(", ")
}

/// The search field with its list of languages; `languages` is the field of tags it adds to.
#[component]
pub fn LanguagePicker(id: &'static str, languages: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let search = RwSignal::new(String::new());
    let options = Memo::new(move |_| {
        SPOKEN_LANGUAGES
            .iter()
            .filter_map(|(tag, own)| {
                let code = LanguageCode::parse(tag).ok()?;
                Some((*tag, option_label(&i18n.language_name(&code), own, tag)))
            })
            .collect::<Vec<_>>()
    });
    let list_id = format!("{id}-list");
    let on_input = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        // A choice from the list puts its whole label in the field.
        let chosen = options.with_untracked(|all| {
            all.iter()
                .find(|(_, label)| *label == typed.trim())
                .map(|(tag, _)| *tag)
        });
        if let Some(tag) = chosen {
            languages.update(|list| *list = with_tag(list, tag));
            search.set(String::new());
        } else {
            search.set(typed);
        }
    };
    view! {
        <div class="field">
            <label for=id>{move || i18n.t("participant-languages-search")}</label>
            <p class="hint" id=format!("{id}-hint")>
                {move || i18n.t("participant-languages-search-hint")}
            </p>
            <input
                id=id
                type="search"
                autocomplete="off"
                list=list_id.clone()
                aria-describedby=format!("{id}-hint")
                prop:value=search
                on:input=on_input
            />
            <datalist id=list_id>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(_, label)| view! { <option value=label.clone()></option> })
                        .collect_view()
                }}
            </datalist>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_is_shown_under_both_names_and_its_tag() {
        assert_eq!(option_label("Dari", "دری", "prs"), "Dari · دری (prs)");
        assert_eq!(
            option_label("Nederlands", "Nederlands", "nl"),
            "Nederlands (nl)"
        );
        assert_eq!(option_label("kmr", "Kurmancî", "kmr"), "Kurmancî (kmr)");
    }

    #[test]
    fn a_chosen_language_is_added_once_at_the_end() {
        assert_eq!(with_tag("", "prs"), "prs");
        assert_eq!(with_tag("ar, ti", "prs"), "ar, ti, prs");
        assert_eq!(with_tag("ar,TI ", "ti"), "ar, ti");
    }

    #[test]
    fn every_offered_language_is_a_valid_tag() {
        for (tag, _) in SPOKEN_LANGUAGES {
            assert!(LanguageCode::parse(tag).is_ok(), "{tag}");
        }
    }
}
