use leptos::prelude::*;

use crate::i18n::use_i18n;

/// Names the page in the document's title, `<page> · VIP route`, in the current language, so a
/// screen reader announces where a link or a redirect led.
pub fn set_page_title(title: impl Fn() -> String + 'static) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        document().set_title(&format!("{} · {}", title(), i18n.t("app-name")));
    });
}
