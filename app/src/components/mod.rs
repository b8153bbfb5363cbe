//! Pieces shared by the pages.

mod agreement;
mod calendar_feed;
mod download;
mod field_errors;
mod fields;
mod form;
mod history_panel;
mod icon;
mod language_picker;
mod language_switch;
mod latest_version;
mod layout;
mod loading;
mod page;
mod page_title;
mod participant_frame;
mod participant_list;
mod participant_tabs;
mod require_auth;
mod server_status;

pub use agreement::AgreementFacts;
pub use calendar_feed::{CALENDAR_SECTION, CalendarFeedSection};
pub use download::save_file;
pub use field_errors::{ErrorAlert, FieldCheck, FieldErrors};
pub use fields::{PasswordField, TextField, focus_by_id, focus_soon};
pub use form::{
    Form, FormAlert, ScoreField, SelectField, TextAreaField, parse_opt, set_programme_today, today,
    unreadable, with_format_errors,
};
pub use history_panel::HistoryPanel;
pub use icon::{Glyph, Icon};
pub use language_picker::LanguagePicker;
pub use language_switch::LanguageSwitch;
pub use latest_version::LatestVersion;
pub use layout::Layout;
pub use loading::{Loaded, Loading, api_resource, missing};
pub use page::{Date, id_param, path_param, role, text};
pub use page_title::set_page_title;
pub use participant_frame::ParticipantFrame;
pub use participant_list::ParticipantList;
pub use participant_tabs::{ParticipantTabs, TABS, Tab};
pub use require_auth::RequireAuth;
pub use server_status::ServerStatus;
