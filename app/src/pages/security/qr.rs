//! A QR code drawn as SVG in the page, by the pure-Rust `qrcodegen` encoder: nothing is fetched
//! and no script library is needed.

use std::fmt::Write as _;

use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};

/// The quiet zone around the code, in modules (the standard asks for 4).
const BORDER: i32 = 4;

/// The side of the code in modules, and an SVG path of its dark modules (one unit square each).
pub fn dark_modules(text: &str) -> Option<(i32, String)> {
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = qr.size();
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if qr.get_module(x, y) {
                let _ = write!(path, "M{x} {y}h1v1h-1z");
            }
        }
    }
    Some((size, path))
}

/// The QR code of `text`, as an image named `label` for screen readers. Dark on white whatever
/// the page's colours, as scanners expect.
#[component]
pub fn QrCodeImage(text: String, label: Signal<String>) -> impl IntoView {
    let Some((size, path)) = dark_modules(&text) else {
        return ().into_any();
    };
    let side = size + 2 * BORDER;
    let view_box = format!("{} {} {side} {side}", -BORDER, -BORDER);
    view! {
        <svg
            class="qr-code"
            xmlns="http://www.w3.org/2000/svg"
            viewBox=view_box
            role="img"
            aria-label=label
            shape-rendering="crispEdges"
        >
            <rect x=-BORDER y=-BORDER width=side height=side fill="#ffffff" />
            <path d=path fill="#000000" />
        </svg>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_otpauth_uri_makes_a_code_with_its_finder_pattern_in_the_corner() {
        let uri = "otpauth://totp/VIP%20route:coordinator%40example.org?secret=\
                   KZEVAIDSN52XIZJAMRSW23ZAGIYDENRB&digits=6&algorithm=SHA1&issuer=VIP%20route&period=30";
        let (size, path) = dark_modules(uri).unwrap();
        assert!(
            size >= 21 && (size - 17) % 4 == 0,
            "a QR code's side: {size}"
        );
        // The top-left finder pattern: a dark 7x7 ring, so (0,0) and (6,0) are dark.
        assert!(path.starts_with("M0 0h1v1h-1z"), "{}", &path[..40]);
        assert!(path.contains("M6 0h1v1h-1z"));
        assert!(!path.contains("M0 7h1v1h-1z"), "the separator is light");
    }
}
