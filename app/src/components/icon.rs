use leptos::prelude::*;

/// A small picture that goes with a word, so a screen can be followed without reading it all.
/// Each is one stroked path on a 24 × 24 grid, drawn in the colour of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Glyph {
    Calendar,
    Clock,
    Place,
    Person,
    Group,
    Phone,
    Mail,
    Message,
    Training,
    Goal,
    Visit,
    Internship,
    Introduction,
    Outcome,
    Budget,
    Route,
    Next,
    Check,
    Cross,
    Redo,
    Circle,
    Plus,
    Edit,
    Download,
}

impl Glyph {
    /// The path's `d`.
    fn path(self) -> &'static str {
        match self {
            Glyph::Calendar => {
                "M5 5h14a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2zM3 10h18M8 3v4M16 3v4"
            }
            Glyph::Clock => "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM12 7v5l3 3",
            Glyph::Place => {
                "M12 21s-7-6-7-11a7 7 0 0 1 14 0c0 5-7 11-7 11zM12 8a2 2 0 1 0 0 4a2 2 0 1 0 0-4z"
            }
            Glyph::Person => "M12 4a4 4 0 1 0 0 8a4 4 0 1 0 0-8zM4 21c0-4 4-7 8-7s8 3 8 7",
            Glyph::Group => {
                "M9 4a3 3 0 1 0 0 6a3 3 0 1 0 0-6zM3 20c0-3 3-6 6-6s6 3 6 6M16 4a3 3 0 0 1 0 6M18 14c2 1 3 3 3 6"
            }
            Glyph::Phone => {
                "M5 3h4l2 5-3 2a12 12 0 0 0 6 6l2-3 5 2v4a2 2 0 0 1-2 2A17 17 0 0 1 3 5a2 2 0 0 1 2-2z"
            }
            Glyph::Mail => {
                "M4 5h16a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zM3 7l9 6 9-6"
            }
            Glyph::Message => "M4 5h16v11H9l-5 4zM8 9h8M8 12h5",
            Glyph::Training => {
                "M3 5h6a3 3 0 0 1 3 3v12a2 2 0 0 0-2-2H3zM21 5h-6a3 3 0 0 0-3 3v12a2 2 0 0 1 2-2h7z"
            }
            Glyph::Goal => {
                "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8zM12 12h.01"
            }
            Glyph::Visit => "M3 21h18M5 21V8l7-5 7 5v13M9 21v-5h6v5M9 11h.01M15 11h.01",
            Glyph::Internship => {
                "M4 7h16a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1zM9 7V5a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v2M3 13h18"
            }
            Glyph::Introduction => {
                "M14 4h5a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1h-5M10 16l4-4-4-4M14 12H3"
            }
            Glyph::Outcome => "M5 21V4M5 4h12l-3 4 3 4H5",
            Glyph::Budget => "M17 6.5a6 6 0 1 0 0 11M5 10h9M5 14h9",
            Glyph::Route => {
                "M5 4a2 2 0 1 0 0 .01M19 20a2 2 0 1 0 0-.01M5 6v3a3 3 0 0 0 3 3h8a3 3 0 0 1 3 3v3"
            }
            Glyph::Next => "M5 12h14M13 6l6 6-6 6",
            Glyph::Check => "M5 12l5 5 9-10",
            Glyph::Cross => "M6 6l12 12M18 6L6 18",
            Glyph::Redo => "M20 12a8 8 0 1 1-2.3-5.7M20 4v4h-4",
            Glyph::Circle => "M12 4a8 8 0 1 0 0 16a8 8 0 1 0 0-16z",
            Glyph::Plus => "M12 5v14M5 12h14",
            Glyph::Edit => "M4 20h4l11-11-4-4L4 16zM14 6l4 4",
            Glyph::Download => "M12 4v11M7 10l5 5 5-5M5 20h14",
        }
    }

    /// Arrows point the other way in a right-to-left language.
    fn mirrored(self) -> bool {
        matches!(self, Glyph::Next | Glyph::Introduction)
    }
}

/// A glyph beside a word: hidden from screen readers, which read the word.
#[component]
pub fn Icon(glyph: Glyph) -> impl IntoView {
    let class = if glyph.mirrored() {
        "icon icon-mirrored"
    } else {
        "icon"
    };
    view! {
        <svg class=class viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=glyph.path() />
        </svg>
    }
}
