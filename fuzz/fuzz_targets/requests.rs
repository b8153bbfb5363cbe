//! Every request body the API takes, decoded from arbitrary bytes as the server decodes it, and
//! checked by its shared rules: neither decoding nor a rule panics, whatever arrives. The first
//! byte picks the body type, so one corpus covers them all.

#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use serde::de::DeserializeOwned;
use shared::{ProgrammeSettings, api::*};

/// Decodes `json` as `T`; when it decodes, runs `check` on it.
fn decode<T: DeserializeOwned>(json: &[u8], check: impl FnOnce(T)) {
    if let Ok(body) = serde_json::from_slice::<T>(json) {
        check(body);
    }
}

/// A body that is only decoded: its rules run on the server against stored state.
fn only_decode<T: DeserializeOwned>(json: &[u8]) {
    decode::<T>(json, drop);
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, json)) = data.split_first() else {
        return;
    };
    let settings = ProgrammeSettings::default();
    let today = NaiveDate::from_ymd_opt(2026, 3, 2).expect("a date");
    match pick % 32 {
        0 => only_decode::<LoginInput>(json),
        1 => only_decode::<CodeInput>(json),
        2 => only_decode::<PasswordChangeInput>(json),
        3 => only_decode::<ResetPasswordInput>(json),
        4 => decode(json, |b: InvitationInput| drop(b.validate())),
        5 => only_decode::<AcceptInvitationInput>(json),
        6 => decode(json, |b: ParticipantInput| drop(b.validate())),
        7 => only_decode::<ParticipantPatch>(json),
        8 => only_decode::<GoalPatch>(json),
        9 => only_decode::<ActionPatch>(json),
        10 => decode(json, |b: InternshipInput| drop(b.validate(&settings))),
        11 => only_decode::<InternshipPatch>(json),
        12 => only_decode::<ExpenseDecisionInput>(json),
        13 => decode(json, |b: IntroductionInput| drop(b.validate())),
        14 => only_decode::<IntroductionPatch>(json),
        15 => only_decode::<FollowUpPatch>(json),
        16 => decode(json, |b: ConsentInput| drop(b.validate())),
        17 => decode(json, |b: AgreementInput| drop(b.validate())),
        18 => decode(json, |b: MunicipalityInput| drop(b.validate())),
        19 => decode(json, |b: CohortInput| drop(b.validate())),
        20 => decode(json, |b: ScheduleMeetingInput| drop(b.validate())),
        21 => decode(json, |b: AttendanceInput| drop(b.validate())),
        22 => only_decode::<OrganisationPatch>(json),
        23 => only_decode::<OpeningPatch>(json),
        24 => only_decode::<RegistrationInput>(json),
        25 => decode(json, |b: OrganisationInput| drop(b.validate())),
        26 => decode(json, |b: OpeningInput| drop(b.validate(&settings, today))),
        27 => decode(json, |b: ContactInput| drop(b.validate(today))),
        28 => decode(json, |b: ExpenseInput| drop(b.validate())),
        29 => decode(json, |b: OutcomeInput| drop(b.validate(today))),
        30 => decode(json, |b: FollowUpInput| drop(b.validate(today, today))),
        _ => {
            decode(json, |b: GoalInput| drop(b.validate(today, None)));
            decode(json, |b: ActionInput| drop(b.validate(today)));
            decode(json, |b: EvaluationInput| drop(b.validate()));
        }
    }
});
