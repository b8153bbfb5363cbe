//! Every `parse` in `shared` with arbitrary text: none panics, and what one accepts it accepts
//! again unchanged from its own stored form (parsing is idempotent), so a value the server stored
//! always reads back.

#![no_main]

use libfuzzer_sys::fuzz_target;
use shared::{
    api::parse_start_time,
    ids::ParticipantId,
    values::{
        ActionText, Description, DutchLevel, Email, KvkNumber, LanguageCode, Money,
        MunicipalityCode, Note, PersonName, Phone, Postcode, Summary, Title,
    },
};

/// Parses `text`; when accepted, the stored form parses to the same value.
macro_rules! round_trip {
    ($text:expr, $($ty:ty),+ $(,)?) => {$(
        if let Ok(value) = <$ty>::parse($text) {
            let again = <$ty>::parse(value.as_str());
            assert_eq!(again.as_ref(), Ok(&value), "{} does not read back", stringify!($ty));
        }
    )+};
}

fuzz_target!(|text: &str| {
    round_trip!(
        text,
        Email,
        Phone,
        Postcode,
        KvkNumber,
        MunicipalityCode,
        LanguageCode,
        PersonName,
        Title,
        ActionText,
        Description,
        Note,
        Summary,
    );
    if let Ok(level) = DutchLevel::parse(text) {
        assert_eq!(DutchLevel::parse(level.as_str()), Ok(level));
    }
    if let Ok(id) = ParticipantId::parse(text) {
        assert_eq!(ParticipantId::parse(id.as_str()), Ok(id));
    }
    if let Ok(money) = Money::parse(text) {
        assert_eq!(
            Money::parse(&money.to_string()),
            Ok(money),
            "money reads back"
        );
    }
    let _ = parse_start_time(text);
});
