//! The static shell of `app/index.html`: a header, a one-row menu and a page of grey bars with the
//! loading text, painted from the HTML and CSS alone, in the language chosen last on this device
//! (`app/shell.js`). The app is built out of sight meanwhile (`style/shell.css`) and takes the
//! shell's place in one step once its first screen is ready: the texts are loaded, the server has
//! said who is signed in, and the screen no longer shows a loading text (its module and data are
//! there), or [`AT_MOST`] after the rest. So what the app shows first does not move when its data
//! comes in.

use std::time::Duration;

use leptos::prelude::*;

/// How long the shell waits for the first screen's module and data: after that, the app shows
/// its own loading texts, and its menu and language switch can be used.
const AT_MOST: Duration = Duration::from_millis(2500);

/// A loading text within the app's page (the shell's page has no id).
const SCREEN_LOADING: &str = "#main .loading";

/// Whether the app has taken the shell's place, shared through the context.
#[derive(Debug, Clone, Copy)]
pub struct Shell {
    gone: RwSignal<bool>,
}

impl Shell {
    /// Provides the context; the shell stays until [`Shell::replace_when`] removes it.
    pub fn provide() -> Shell {
        let shell = Shell {
            gone: RwSignal::new(false),
        };
        provide_context(shell);
        shell
    }

    /// Whether the app shows its own screen (reactive).
    pub fn gone(self) -> bool {
        self.gone.get()
    }

    /// Once `settled` holds, waits frame by frame until the app's page shows no loading text, or
    /// [`AT_MOST`], then removes the shell.
    pub fn replace_when(self, settled: impl Fn() -> bool + 'static) {
        Effect::new(move |started: Option<bool>| {
            if started == Some(true) || !settled() {
                return started.unwrap_or(false);
            }
            set_timeout(move || self.remove(), AT_MOST);
            self.watch();
            true
        });
    }

    fn watch(self) {
        if self.gone.get_untracked() {
            return;
        }
        let loading = document()
            .query_selector(SCREEN_LOADING)
            .ok()
            .flatten()
            .is_some();
        if loading {
            request_animation_frame(move || self.watch());
        } else {
            self.remove();
        }
    }

    fn remove(self) {
        if self.gone.get_untracked() {
            return;
        }
        if let Ok(Some(shell)) = document().query_selector("body > .shell") {
            shell.remove();
        }
        if let Some(html) = document().document_element() {
            let _ = html.remove_attribute("data-shell");
        }
        self.gone.set(true);
    }
}

/// The shell context of the app.
pub fn use_shell() -> Shell {
    expect_context::<Shell>()
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Lang, with_catalog};

    const INDEX: &str = include_str!("../index.html");

    /// The text of the element of `index.html` with `lang="{code}"`.
    fn shell_text(code: &str) -> &'static str {
        let open = format!("<span lang=\"{code}\">");
        let start = INDEX.find(&open).expect("a text in the language") + open.len();
        let len = INDEX[start..].find("</span>").expect("the end of the text");
        &INDEX[start..start + len]
    }

    #[test]
    fn the_shell_says_loading_as_the_app_does_in_every_language() {
        for lang in Lang::ALL {
            let app = with_catalog(lang, |c| c.format("loading", &[]));
            assert_eq!(shell_text(lang.code()), app, "{lang:?}");
        }
    }

    #[test]
    fn the_shell_script_knows_every_language_and_its_direction() {
        const SCRIPT: &str = include_str!("../shell.js");
        let list = |name: &str| -> Vec<String> {
            let start = SCRIPT
                .find(&format!("var {name} = ["))
                .expect("the list in shell.js");
            let rest = &SCRIPT[start..];
            let (open, close) = (rest.find('[').unwrap_or(0), rest.find(']').unwrap_or(0));
            rest[open + 1..close]
                .split(',')
                .map(|s| s.trim().trim_matches('\'').to_owned())
                .collect()
        };
        let codes: Vec<&str> = Lang::ALL.into_iter().map(Lang::code).collect();
        assert_eq!(list("known"), codes);
        let rtl: Vec<&str> = Lang::ALL
            .into_iter()
            .filter(|l| l.dir() == "rtl")
            .map(Lang::code)
            .collect();
        assert_eq!(list("rtl"), rtl);
    }

    #[test]
    fn the_shell_has_the_app_s_name() {
        for lang in Lang::ALL {
            let name = with_catalog(lang, |c| c.format("app-name", &[]));
            assert!(
                INDEX.contains(&format!("<span class=\"brand\">{name}</span>")),
                "{lang:?}"
            );
        }
    }

    #[test]
    fn the_shell_s_picture_is_hidden_from_screen_readers_and_its_loading_text_is_announced() {
        assert!(INDEX.contains("<div class=\"shell-page\" aria-hidden=\"true\">"));
        assert!(INDEX.contains("<span class=\"shell-switch\" aria-hidden=\"true\">"));
        assert!(INDEX.contains("<div class=\"site-nav shell-nav\" aria-hidden=\"true\">"));
        assert!(INDEX.contains("<p class=\"loading shell-status\" role=\"status\">"));
    }
}
