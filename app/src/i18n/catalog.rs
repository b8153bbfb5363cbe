use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

use super::Lang;

/// The parsed messages of one language.
pub struct Catalog {
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Catalog")
    }
}

impl Catalog {
    /// Parses the language's file. The files are part of the build and checked by tests, so a
    /// syntax error here is a defect of the build, not of the input.
    pub fn new(lang: Lang) -> Catalog {
        let source = lang.source().unwrap_or_default();
        let resource = match FluentResource::try_new(source.to_owned()) {
            Ok(resource) => resource,
            // Keep what parsed; the tests fail on any error.
            Err((resource, _errors)) => resource,
        };
        let id = lang
            .code()
            .parse()
            .unwrap_or_else(|_| unic_langid::langid!("nl"));
        let mut bundle = FluentBundle::new(vec![id]);
        // Unicode isolation marks only where right-to-left text meets left-to-right parameters.
        bundle.set_use_isolating(lang.dir() == "rtl");
        // Duplicate keys are caught by the tests.
        let _ = bundle.add_resource(resource);
        Catalog { bundle }
    }

    /// Whether the language has this key.
    pub fn has(&self, key: &str) -> bool {
        self.bundle.has_message(key)
    }

    /// The message's text with parameters filled in, or the key itself when it is missing (which
    /// the tests forbid).
    pub fn format(&self, key: &str, params: &[(&str, String)]) -> String {
        self.try_format(key, params)
            .unwrap_or_else(|()| key.to_owned())
    }

    /// The message's text, or `Err` when the key is missing or a parameter did not resolve.
    #[expect(
        clippy::result_unit_err,
        reason = "the caller only needs to know it failed"
    )]
    pub fn try_format(&self, key: &str, params: &[(&str, String)]) -> Result<String, ()> {
        let message = self.bundle.get_message(key).ok_or(())?;
        let pattern = message.value().ok_or(())?;
        let mut args = FluentArgs::new();
        for (name, value) in params {
            // Numbers stay numbers so plural selectors work.
            let value = match value.parse::<i64>() {
                Ok(n) => FluentValue::from(n),
                Err(_) => FluentValue::from(value.clone()),
            };
            args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned();
        if errors.is_empty() { Ok(text) } else { Err(()) }
    }
}
