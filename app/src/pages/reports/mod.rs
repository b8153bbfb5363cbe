//! A municipality's report (`/reports/municipalities/:id`) and the nudges shown on the homes of
//! coordinators and coaches.

mod charts;
mod nudges;
mod report;

use leptos::prelude::*;
use leptos_router::{Lazy, any_nested_route::IntoAnyNestedRoute, components::Route, path};

use crate::{access::Screen, components::RequireAuth, screens::lazy_screen};

pub use nudges::Nudges;
use report::ReportPage;

/// The routes of these screens, each behind its entry in the access table and loaded on demand.
#[component(transparent)]
pub fn ReportRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <Route
            path=path!("/reports/municipalities/:id")
            view={Lazy::<MunicipalityReportScreen>::new()}
        />
    }
    .into_inner()
    .into_any_nested_route()
}

lazy_screen! {
    /// `/reports/municipalities/:id`, loaded on demand.
    MunicipalityReportScreen => view! {
        <RequireAuth screen=Screen::Report><ReportPage /></RequireAuth>
    }
}
