//! The VIP route web app: Leptos, rendered in the browser.

pub mod api;
pub mod components;
pub mod i18n;
pub mod pages;

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

use crate::{
    components::Layout,
    i18n::I18n,
    pages::{HomePage, NotFoundPage},
};

/// The whole app: translations, layout and routes.
#[component]
pub fn App() -> impl IntoView {
    I18n::provide();
    view! {
        <Router>
            <Layout>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                </Routes>
            </Layout>
        </Router>
    }
}
