//! A typed client of the API: requests are built from the shared input types and answers decode
//! into the shared response types, so a test reads like the API it checks. A refusal decodes into
//! the one error shape, so a test asserts on its kind and codes, never on loose JSON.

use std::fmt;

use reqwest::{Method, StatusCode};
use serde::{Serialize, de::DeserializeOwned};
use shared::{
    api::HistoryEntry,
    api::InterfaceLanguageInput,
    api::{
        AbsenceInput, CivicIntegrationDetail, CivicIntegrationInput, MapEvidence,
        ProgrammeSettingsDetail, ProgrammeSettingsInput,
    },
    api::{
        AcceptInvitationInput, InvitationCreated, InvitationInput, Me, UserSummary, VersionOnly,
    },
    api::{
        ActionDetail, ActionInput, ActionPatch, ContactDetail, ContactInput, GoalDetail, GoalInput,
        GoalPatch, ParticipantPatch, RouteResponse,
    },
    api::{
        AttendanceInput, AttendanceRow, CohortDetail, CohortInput, MunicipalityDetail,
        MunicipalityInput, Page, ScheduleMeetingInput,
    },
    api::{AuditEntry, AuditQuery},
    api::{
        BudgetOverview, ConsentDetail, ConsentInput, ErrorBody, ErrorKind, ExpenseInput,
        InternshipDetail, InternshipInput, ParticipantDetail, ParticipantInput, paths,
        paths::ParticipantSub,
    },
    api::{
        CompetencesDetail, CompetencesInput, OpeningSuggestions, OrganisationPeople,
        ParticipantSuggestions,
    },
    api::{
        CreateOrganisation, OpeningDetail, OpeningInput, OpeningPatch, OrganisationDetail,
        OrganisationPatch, RegistrationDetail, RegistrationInput,
    },
    api::{
        EvaluationInput, ExpenseDecisionInput, FollowUpPatch, InternshipPatch, IntroductionDetail,
        IntroductionInput, IntroductionPatch, MunicipalityReport, NudgeItem, OutcomeDetail,
        OutcomeInput,
    },
    api::{EventAttendanceLine, EventDetail, EventInput, EventRegistrationInput},
    ids::{
        ActionId, CohortId, ExpenseId, GoalId, InternshipId, IntroductionId, MunicipalityId,
        OpeningId, OrganisationId, OutcomeId, ParticipantId, UserId,
    },
    violation::{Violation, ViolationKind},
};

use crate::helpers::TestApp;

/// A refused request: its status and the error body the server answered.
#[derive(Debug, Clone)]
pub struct Refusal {
    pub status: StatusCode,
    pub body: ErrorBody,
}

impl Refusal {
    /// Each violation as (field, code).
    pub fn violations(&self) -> Vec<(&str, &'static str)> {
        self.body
            .violations
            .iter()
            .map(|v| (v.field.as_str(), v.kind.code()))
            .collect()
    }

    /// Whether this is a refusal with `status` whose only violation is `code` on `field`.
    pub fn is(&self, status: StatusCode, field: &str, code: &str) -> bool {
        self.status == status && self.violations() == [(field, code)]
    }

    /// Whether this is a refusal of `kind`: its status and its error body agree on it.
    pub fn is_of(&self, kind: ErrorKind) -> bool {
        self.status.as_u16() == kind.status() && self.body.error == kind
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {:?} {:?}",
            self.status,
            self.body.error,
            self.violations()
        )
    }
}

/// What a call answers: the decoded body, or the refusal.
pub type Answer<T> = Result<T, Refusal>;

/// Assertions on an answer that must be a refusal of a `kind` (its status and its error body
/// both): each fails the test with what came back, and answers the refusal for further checks.
pub trait Refused {
    /// A refusal of `kind`.
    fn refused(self, kind: ErrorKind) -> Refusal;

    /// A refusal of `kind` whose only violation is `code` on `field`.
    fn refused_with(self, kind: ErrorKind, field: &str, code: &str) -> Refusal;

    /// A refusal of `kind` whose only violation is `violation` on `field`, parameters included.
    fn refused_exactly(self, kind: ErrorKind, field: &str, violation: ViolationKind) -> Refusal;
}

impl<T: fmt::Debug> Refused for Answer<T> {
    #[track_caller]
    fn refused(self, kind: ErrorKind) -> Refusal {
        let refusal = self.expect_err("a refusal");
        assert!(refusal.is_of(kind), "{refusal}");
        refusal
    }

    #[track_caller]
    fn refused_with(self, kind: ErrorKind, field: &str, code: &str) -> Refusal {
        let refusal = self.refused(kind);
        assert_eq!(refusal.violations(), [(field, code)], "{refusal}");
        refusal
    }

    #[track_caller]
    fn refused_exactly(self, kind: ErrorKind, field: &str, violation: ViolationKind) -> Refusal {
        let refusal = self.refused(kind);
        assert_eq!(
            refusal.body.violations.0,
            [Violation::new(field, violation)],
            "{refusal}"
        );
        refusal
    }
}

/// One signed-in browser talking to one test server.
#[derive(Clone)]
pub struct Api {
    base: String,
    client: reqwest::Client,
}

impl TestApp {
    /// The typed API as seen through `client` (a browser with its cookies).
    pub fn api(&self, client: &reqwest::Client) -> Api {
        Api {
            base: self.url(paths::BASE),
            client: client.clone(),
        }
    }

    /// A demo account signed in, as a typed API.
    pub async fn signed_in(&self, email: &str) -> Api {
        let client = self.demo(email).await;
        self.api(&client)
    }

    /// The typed API without a session.
    pub fn anonymous(&self) -> Api {
        self.api(&self.browser())
    }
}

impl Api {
    /// Sends one request and decodes the answer: a success into `O`, anything else into a
    /// [`Refusal`]. A body in neither shape fails the test, with what came back.
    pub async fn send<O: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<&(impl Serialize + ?Sized)>,
    ) -> Answer<O> {
        self.exchange(method, path, body, None).await
    }

    /// As [`Api::send`], and a success must come with the status `success`.
    async fn exchange<O: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<&(impl Serialize + ?Sized)>,
        success: Option<StatusCode>,
    ) -> Answer<O> {
        let mut request = self.client.request(method, format!("{}{path}", self.base));
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request.send().await.expect("the server answers");
        let status = response.status();
        let bytes = response.bytes().await.expect("a whole body");
        if status.is_success() {
            if let Some(success) = success {
                assert_eq!(
                    status, success,
                    "{path}: the documented status of a success"
                );
            }
            Ok(serde_json::from_slice(&bytes).unwrap_or_else(|e| {
                panic!(
                    "{status} {path}: the body does not decode as the documented type ({e}): {}",
                    String::from_utf8_lossy(&bytes)
                )
            }))
        } else {
            let body = serde_json::from_slice(&bytes).unwrap_or_else(|e| {
                panic!(
                    "{status} {path}: the body is not the error shape ({e}): {}",
                    String::from_utf8_lossy(&bytes)
                )
            });
            Err(Refusal { status, body })
        }
    }

    /// `GET`, answered with 200.
    pub async fn get<O: DeserializeOwned>(&self, path: &str) -> Answer<O> {
        let body = None::<&()>;
        self.exchange(Method::GET, path, body, Some(StatusCode::OK))
            .await
    }

    /// A `POST` that makes a record, answered with 201.
    pub async fn create<O: DeserializeOwned>(
        &self,
        path: &str,
        body: &(impl Serialize + ?Sized),
    ) -> Answer<O> {
        self.exchange(Method::POST, path, Some(body), Some(StatusCode::CREATED))
            .await
    }

    /// A request that changes a record (`POST`, `PUT` or `PATCH`), answered with 200.
    pub async fn change<O: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: &(impl Serialize + ?Sized),
    ) -> Answer<O> {
        self.exchange(method, path, Some(body), Some(StatusCode::OK))
            .await
    }

    /// A request whose success answers 204 without a body; a refusal decodes as usual.
    pub async fn no_content(
        &self,
        method: Method,
        path: &str,
        body: &(impl Serialize + ?Sized),
    ) -> Answer<()> {
        let response = self
            .client
            .request(method, format!("{}{path}", self.base))
            .json(body)
            .send()
            .await
            .expect("the server answers");
        let status = response.status();
        if status == StatusCode::NO_CONTENT {
            return Ok(());
        }
        let bytes = response.bytes().await.expect("a whole body");
        let body = serde_json::from_slice(&bytes).unwrap_or_else(|e| {
            panic!(
                "{status} {path}: not the error shape ({e}): {}",
                String::from_utf8_lossy(&bytes)
            )
        });
        Err(Refusal { status, body })
    }

    /// A request without a body whose answer has no body to read: its status.
    pub async fn raw(&self, method: Method, path: &str) -> StatusCode {
        self.client
            .request(method, format!("{}{path}", self.base))
            .send()
            .await
            .expect("the server answers")
            .status()
    }

    /// `GET path` as the very text the server sent, for checks on what an answer leaves out.
    pub async fn text(&self, path: &str) -> String {
        let response = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("the server answers");
        assert!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
        response.text().await.expect("a whole body")
    }

    /// `POST /participants`: an intake.
    pub async fn create_participant(&self, input: &ParticipantInput) -> Answer<ParticipantDetail> {
        self.create(paths::PARTICIPANTS, input).await
    }

    /// `GET /participants/{id}/internships`.
    pub async fn internships(&self, participant: &ParticipantId) -> Answer<Vec<InternshipDetail>> {
        self.get(&of(participant, ParticipantSub::Internships))
            .await
    }

    /// `POST /participants/{id}/internships`.
    pub async fn plan_internship(
        &self,
        participant: &ParticipantId,
        input: &InternshipInput,
    ) -> Answer<InternshipDetail> {
        self.create(&of(participant, ParticipantSub::Internships), input)
            .await
    }

    /// `GET /participants/{id}/expenses`.
    pub async fn budget(&self, participant: &ParticipantId) -> Answer<BudgetOverview> {
        self.get(&of(participant, ParticipantSub::Expenses)).await
    }

    /// `POST /participants/{id}/expenses`: a budget request; answers the budget after it.
    pub async fn request_expense(
        &self,
        participant: &ParticipantId,
        input: &ExpenseInput,
    ) -> Answer<BudgetOverview> {
        self.create(&of(participant, ParticipantSub::Expenses), input)
            .await
    }

    /// `GET /participants/{id}/consents`.
    pub async fn consents(&self, participant: &ParticipantId) -> Answer<Vec<ConsentDetail>> {
        self.get(&of(participant, ParticipantSub::Consents)).await
    }

    /// `POST /participants/{id}/consents`: gives or withdraws; answers every consent after it.
    pub async fn set_consent(
        &self,
        participant: &ParticipantId,
        input: &ConsentInput,
    ) -> Answer<Vec<ConsentDetail>> {
        self.create(&of(participant, ParticipantSub::Consents), input)
            .await
    }

    /// `POST /invitations`.
    pub async fn invite(&self, input: &InvitationInput) -> Answer<InvitationCreated> {
        self.create(paths::INVITATIONS, input).await
    }

    /// `POST /auth/accept-invitation`.
    pub async fn accept_invitation(&self, input: &AcceptInvitationInput) -> Answer<Me> {
        self.change(Method::POST, paths::ACCEPT_INVITATION, input)
            .await
    }

    /// `GET /auth/me`.
    pub async fn me(&self) -> Answer<Me> {
        self.get(paths::ME).await
    }

    /// `PUT /auth/me/language`.
    pub async fn set_interface_language(&self, input: &InterfaceLanguageInput) -> Answer<Me> {
        self.change(Method::PUT, paths::ME_LANGUAGE, input).await
    }

    /// `POST /users/{id}/disable`.
    pub async fn disable_user(&self, user: &UserId, version: i64) -> Answer<UserSummary> {
        self.change(
            Method::POST,
            &paths::user_disable(user),
            &VersionOnly { version },
        )
        .await
    }

    /// `POST /users/{id}/enable`.
    pub async fn enable_user(&self, user: &UserId, version: i64) -> Answer<UserSummary> {
        self.change(
            Method::POST,
            &paths::user_enable(user),
            &VersionOnly { version },
        )
        .await
    }

    // Municipalities, cohorts, meetings and attendance.

    /// `GET /municipalities`: the first page.
    pub async fn municipalities(&self) -> Answer<Page<MunicipalityDetail>> {
        self.get(paths::MUNICIPALITIES).await
    }

    /// `POST /municipalities`.
    pub async fn create_municipality(
        &self,
        input: &MunicipalityInput,
    ) -> Answer<MunicipalityDetail> {
        self.create(paths::MUNICIPALITIES, input).await
    }

    /// `PUT /municipalities/{id}`: `input.version` is the version the edit started from.
    pub async fn update_municipality(
        &self,
        id: &MunicipalityId,
        input: &MunicipalityInput,
    ) -> Answer<MunicipalityDetail> {
        self.change(Method::PUT, &paths::municipality(id), input)
            .await
    }

    /// `POST /cohorts`: a cohort with its eight meetings unscheduled.
    pub async fn create_cohort(&self, input: &CohortInput) -> Answer<CohortDetail> {
        self.create(paths::COHORTS, input).await
    }

    /// `GET /cohorts/{id}`: the cohort with its 8 meetings.
    pub async fn cohort(&self, id: &CohortId) -> Answer<CohortDetail> {
        self.get(&paths::cohort(id)).await
    }

    /// `PUT /cohorts/{id}/meetings/{n}`: answers the cohort after it.
    pub async fn schedule_meeting(
        &self,
        cohort: &CohortId,
        number: u8,
        input: &ScheduleMeetingInput,
    ) -> Answer<CohortDetail> {
        self.change(Method::PUT, &paths::meeting(cohort, number), input)
            .await
    }

    /// `GET /cohorts/{id}/meetings/{n}/attendance`.
    pub async fn attendance(&self, cohort: &CohortId, number: u8) -> Answer<Vec<AttendanceRow>> {
        self.get(&paths::attendance(cohort, number)).await
    }

    /// `PUT /cohorts/{id}/meetings/{n}/attendance`: the whole list in one request.
    pub async fn record_attendance(
        &self,
        cohort: &CohortId,
        number: u8,
        input: &AttendanceInput,
    ) -> Answer<Vec<AttendanceRow>> {
        self.change(Method::PUT, &paths::attendance(cohort, number), input)
            .await
    }

    // A participant's file.

    /// `GET /participants/{id}`.
    pub async fn participant(&self, id: &ParticipantId) -> Answer<ParticipantDetail> {
        self.get(&paths::participant(id)).await
    }

    /// `PATCH /participants/{id}`.
    pub async fn update_participant(
        &self,
        id: &ParticipantId,
        patch: &ParticipantPatch,
    ) -> Answer<ParticipantDetail> {
        self.change(Method::PATCH, &paths::participant(id), patch)
            .await
    }

    /// `GET /participants/{id}/route`.
    pub async fn route(&self, participant: &ParticipantId) -> Answer<RouteResponse> {
        self.get(&of(participant, ParticipantSub::Route)).await
    }

    /// `GET /participants/{id}/goals`: the action plan.
    pub async fn goals(&self, participant: &ParticipantId) -> Answer<Vec<GoalDetail>> {
        self.get(&of(participant, ParticipantSub::Goals)).await
    }

    /// `POST /participants/{id}/goals`.
    pub async fn create_goal(
        &self,
        participant: &ParticipantId,
        input: &GoalInput,
    ) -> Answer<GoalDetail> {
        self.create(&of(participant, ParticipantSub::Goals), input)
            .await
    }

    /// `PATCH /goals/{id}`.
    pub async fn update_goal(&self, goal: &GoalId, patch: &GoalPatch) -> Answer<GoalDetail> {
        self.change(Method::PATCH, &paths::goal(goal), patch).await
    }

    /// `POST /goals/{id}/actions`.
    pub async fn create_action(&self, goal: &GoalId, input: &ActionInput) -> Answer<ActionDetail> {
        self.create(&paths::goal_actions(goal), input).await
    }

    /// `PATCH /actions/{id}`.
    pub async fn update_action(
        &self,
        action: &ActionId,
        patch: &ActionPatch,
    ) -> Answer<ActionDetail> {
        self.change(Method::PATCH, &paths::action(action), patch)
            .await
    }

    /// `GET /participants/{id}/contacts`.
    pub async fn contacts(&self, participant: &ParticipantId) -> Answer<Vec<ContactDetail>> {
        self.get(&of(participant, ParticipantSub::Contacts)).await
    }

    /// `POST /participants/{id}/contacts`.
    pub async fn log_contact(
        &self,
        participant: &ParticipantId,
        input: &ContactInput,
    ) -> Answer<ContactDetail> {
        self.create(&of(participant, ParticipantSub::Contacts), input)
            .await
    }

    // Internships, the budget, introductions and outcomes.

    /// `GET /internships/{id}`.
    pub async fn internship(&self, id: &InternshipId) -> Answer<InternshipDetail> {
        self.get(&paths::internship(id)).await
    }

    /// `PATCH /internships/{id}`: extend or cancel.
    pub async fn change_internship(
        &self,
        id: &InternshipId,
        patch: &InternshipPatch,
    ) -> Answer<InternshipDetail> {
        self.change(Method::PATCH, &paths::internship(id), patch)
            .await
    }

    /// `POST /internships/{id}/evaluations`: answers the internship after it.
    pub async fn evaluate(
        &self,
        internship: &InternshipId,
        input: &EvaluationInput,
    ) -> Answer<InternshipDetail> {
        self.create(&paths::evaluations(internship), input).await
    }

    /// `POST /expenses/{id}/decision`: answers the budget after it.
    pub async fn decide_expense(
        &self,
        expense: &ExpenseId,
        input: &ExpenseDecisionInput,
    ) -> Answer<BudgetOverview> {
        self.change(Method::POST, &paths::expense_decision(expense), input)
            .await
    }

    /// `POST /participants/{id}/introductions`.
    pub async fn propose_introduction(
        &self,
        participant: &ParticipantId,
        input: &IntroductionInput,
    ) -> Answer<IntroductionDetail> {
        self.create(&of(participant, ParticipantSub::Introductions), input)
            .await
    }

    /// `GET /participants/{id}/introductions`.
    pub async fn introductions(
        &self,
        participant: &ParticipantId,
    ) -> Answer<Vec<IntroductionDetail>> {
        self.get(&of(participant, ParticipantSub::Introductions))
            .await
    }

    /// `PATCH /introductions/{id}`.
    pub async fn answer_introduction(
        &self,
        id: &IntroductionId,
        patch: &IntroductionPatch,
    ) -> Answer<IntroductionDetail> {
        self.change(Method::PATCH, &paths::introduction(id), patch)
            .await
    }

    /// `POST /participants/{id}/outcomes`.
    pub async fn record_outcome(
        &self,
        participant: &ParticipantId,
        input: &OutcomeInput,
    ) -> Answer<OutcomeDetail> {
        self.create(&of(participant, ParticipantSub::Outcomes), input)
            .await
    }

    /// `POST /outcomes/{id}/follow-up`: answers the outcome after it.
    pub async fn follow_up(
        &self,
        outcome: &OutcomeId,
        patch: &FollowUpPatch,
    ) -> Answer<OutcomeDetail> {
        self.change(Method::POST, &paths::follow_up(outcome), patch)
            .await
    }

    // Reports and nudges.

    /// `GET /reports/municipalities/{id}?{query}` (`query` such as `from=2026-01-01`).
    pub async fn report(
        &self,
        municipality: &MunicipalityId,
        query: &str,
    ) -> Answer<MunicipalityReport> {
        self.get(&format!(
            "{}?{query}",
            paths::municipality_report(municipality)
        ))
        .await
    }

    /// `GET /nudges`.
    pub async fn nudges(&self) -> Answer<Vec<NudgeItem>> {
        self.get(paths::NUDGES).await
    }

    // Organisations, openings and registrations.

    /// `POST /organisations`.
    pub async fn create_organisation(
        &self,
        input: &CreateOrganisation,
    ) -> Answer<OrganisationDetail> {
        self.create(paths::ORGANISATIONS, input).await
    }

    /// `GET /organisations/{id}`.
    pub async fn organisation(&self, id: &OrganisationId) -> Answer<OrganisationDetail> {
        self.get(&paths::organisation(id)).await
    }

    /// `PATCH /organisations/{id}`.
    pub async fn update_organisation(
        &self,
        id: &OrganisationId,
        patch: &OrganisationPatch,
    ) -> Answer<OrganisationDetail> {
        self.change(Method::PATCH, &paths::organisation(id), patch)
            .await
    }

    /// `GET /organisations/{id}/introductions`: what the organisation sees of its candidates.
    pub async fn organisation_introductions(
        &self,
        id: &OrganisationId,
    ) -> Answer<Vec<IntroductionDetail>> {
        self.get(&format!("{}/introductions", paths::organisation(id)))
            .await
    }

    /// `POST /organisations/{id}/openings`.
    pub async fn create_opening(
        &self,
        organisation: &OrganisationId,
        input: &OpeningInput,
    ) -> Answer<OpeningDetail> {
        self.create(&paths::organisation_openings(organisation), input)
            .await
    }

    /// `GET /openings/{id}`.
    pub async fn opening(&self, id: &OpeningId) -> Answer<OpeningDetail> {
        self.get(&paths::opening(id)).await
    }

    /// `PATCH /openings/{id}`.
    pub async fn update_opening(
        &self,
        id: &OpeningId,
        patch: &OpeningPatch,
    ) -> Answer<OpeningDetail> {
        self.change(Method::PATCH, &paths::opening(id), patch).await
    }

    /// `POST /openings/{id}/registrations`.
    pub async fn register(
        &self,
        opening: &OpeningId,
        participant: &ParticipantId,
    ) -> Answer<RegistrationDetail> {
        let input = RegistrationInput {
            participant_id: participant.clone(),
        };
        self.create(&paths::registrations(opening), &input).await
    }

    // The MAP evidence statement and the programme settings.

    /// `GET /municipalities/{id}/programme-settings`.
    pub async fn programme_settings(
        &self,
        municipality: &MunicipalityId,
    ) -> Answer<ProgrammeSettingsDetail> {
        self.get(&paths::programme_settings(municipality)).await
    }

    /// `PUT /municipalities/{id}/programme-settings`.
    pub async fn update_programme_settings(
        &self,
        municipality: &MunicipalityId,
        input: &ProgrammeSettingsInput,
    ) -> Answer<ProgrammeSettingsDetail> {
        self.change(Method::PUT, &paths::programme_settings(municipality), input)
            .await
    }

    /// `GET /participants/{id}/civic-integration`.
    pub async fn civic_integration(
        &self,
        participant: &ParticipantId,
    ) -> Answer<CivicIntegrationDetail> {
        self.get(&paths::civic_integration(participant)).await
    }

    /// `PUT /participants/{id}/civic-integration`.
    pub async fn update_civic_integration(
        &self,
        participant: &ParticipantId,
        input: &CivicIntegrationInput,
    ) -> Answer<CivicIntegrationDetail> {
        self.change(Method::PUT, &paths::civic_integration(participant), input)
            .await
    }

    /// `GET /participants/{id}/map-evidence`.
    pub async fn map_evidence(&self, participant: &ParticipantId) -> Answer<MapEvidence> {
        self.get(&paths::map_evidence(participant)).await
    }

    /// `POST /internships/{id}/absence`: answers the internship after it.
    pub async fn record_absence(
        &self,
        internship: &InternshipId,
        input: &AbsenceInput,
    ) -> Answer<InternshipDetail> {
        self.change(Method::POST, &paths::internship_absence(internship), input)
            .await
    }
}

impl Api {
    /// `GET /participants/{id}/competences`.
    pub async fn competences(&self, participant: &ParticipantId) -> Answer<CompetencesDetail> {
        self.get(&paths::competences(participant)).await
    }

    /// `PUT /participants/{id}/competences`.
    pub async fn put_competences(
        &self,
        participant: &ParticipantId,
        input: &CompetencesInput,
    ) -> Answer<CompetencesDetail> {
        self.change(Method::PUT, &paths::competences(participant), input)
            .await
    }

    /// `GET /participants/{id}/suggestions`.
    pub async fn participant_suggestions(
        &self,
        participant: &ParticipantId,
    ) -> Answer<OpeningSuggestions> {
        self.get(&paths::participant_suggestions(participant)).await
    }

    /// `GET /events`.
    pub async fn events(&self) -> Answer<Vec<EventDetail>> {
        self.get(paths::EVENTS).await
    }

    /// `POST /events`.
    pub async fn create_event(&self, input: &EventInput) -> Answer<EventDetail> {
        self.create(paths::EVENTS, input).await
    }

    /// `GET /events/{id}`.
    pub async fn event(&self, id: &shared::ids::EventId) -> Answer<EventDetail> {
        self.get(&paths::event(id)).await
    }

    /// `POST /events/{id}/registrations`.
    pub async fn register_for_event(
        &self,
        id: &shared::ids::EventId,
        name: &str,
        role: &str,
    ) -> Answer<EventDetail> {
        let input = EventRegistrationInput {
            name: name.into(),
            role: role.into(),
        };
        self.create(&paths::event_registrations(id), &input).await
    }

    /// `POST /event-registrations/{id}/cancel`.
    pub async fn cancel_event_registration(
        &self,
        id: &shared::ids::EventRegistrationId,
    ) -> Answer<EventDetail> {
        self.change(
            Method::POST,
            &paths::event_registration_cancel(id),
            &serde_json::json!({}),
        )
        .await
    }

    /// `PUT /events/{id}/attendance`.
    pub async fn mark_event_attendance(
        &self,
        id: &shared::ids::EventId,
        lines: &[EventAttendanceLine],
    ) -> Answer<EventDetail> {
        self.change(Method::PUT, &paths::event_attendance(id), lines)
            .await
    }

    /// `GET /organisations/{id}/people`.
    pub async fn organisation_people(&self, id: &OrganisationId) -> Answer<OrganisationPeople> {
        self.get(&paths::organisation_people(id)).await
    }

    /// `GET /openings/{id}/suggestions`.
    pub async fn opening_suggestions(&self, opening: &OpeningId) -> Answer<ParticipantSuggestions> {
        self.get(&paths::opening_suggestions(opening)).await
    }

    // The trail and the participant's rights.

    /// `GET /participants/{id}/history`: every change to the file, newest first.
    pub async fn participant_history(
        &self,
        participant: &ParticipantId,
    ) -> Answer<Vec<HistoryEntry>> {
        self.get(&paths::participant_history(participant)).await
    }

    /// `GET /internships/{id}/history`.
    pub async fn internship_history(&self, id: &InternshipId) -> Answer<Vec<HistoryEntry>> {
        self.get(&paths::internship_history(id)).await
    }

    /// `GET /organisations/{id}/history`.
    pub async fn organisation_history(&self, id: &OrganisationId) -> Answer<Vec<HistoryEntry>> {
        self.get(&paths::organisation_history(id)).await
    }

    /// `GET /openings/{id}/history`.
    pub async fn opening_history(&self, id: &OpeningId) -> Answer<Vec<HistoryEntry>> {
        self.get(&paths::opening_history(id)).await
    }

    /// `GET /audit?...`: one page of the audit log, with the parameters of `query` that are set.
    pub async fn audit(&self, query: &AuditQuery) -> Answer<Page<AuditEntry>> {
        let mut url = reqwest::Url::parse("http://query.invalid/").expect("a valid url");
        {
            let mut pairs = url.query_pairs_mut();
            for (name, value) in [
                ("from", &query.from),
                ("to", &query.to),
                ("action", &query.action),
                ("actor_id", &query.actor_id),
                ("record_type", &query.record_type),
                ("record_id", &query.record_id),
                ("limit", &query.limit),
                ("cursor", &query.cursor),
            ] {
                if let Some(value) = value {
                    pairs.append_pair(name, value);
                }
            }
        }
        match url.query() {
            Some(q) if !q.is_empty() => self.get(&format!("{}?{q}", paths::AUDIT)).await,
            _ => self.get(paths::AUDIT).await,
        }
    }
}

/// The path of one part of a participant's file.
fn of(participant: &ParticipantId, part: ParticipantSub) -> String {
    paths::participant_sub(participant, part)
}
