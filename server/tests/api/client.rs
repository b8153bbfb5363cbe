//! A typed client of the API: requests are built from the shared input types and answers decode
//! into the shared response types, so a test reads like the API it checks. A refusal decodes into
//! the one error shape, so a test asserts on its kind and codes, never on loose JSON.

use std::fmt;

use reqwest::{Method, StatusCode};
use serde::{Serialize, de::DeserializeOwned};
use shared::{
    api::{AcceptInvitationInput, InvitationCreated, InvitationInput, Me},
    api::{
        BudgetOverview, ConsentDetail, ConsentInput, ErrorBody, ExpenseInput, InternshipDetail,
        InternshipInput, ParticipantDetail, ParticipantInput, paths, paths::ParticipantSub,
    },
    ids::ParticipantId,
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
    pub fn violations(&self) -> Vec<(String, &'static str)> {
        self.body
            .violations
            .iter()
            .map(|v| (v.field.clone(), v.kind.code()))
            .collect()
    }

    /// Whether this is a refusal with `status` whose only violation is `code` on `field`.
    pub fn is(&self, status: StatusCode, field: &str, code: &str) -> bool {
        self.status == status && self.violations() == [(field.to_owned(), code)]
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
        let mut request = self.client.request(method, format!("{}{path}", self.base));
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request.send().await.expect("the server answers");
        let status = response.status();
        let bytes = response.bytes().await.expect("a whole body");
        if status.is_success() {
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

    pub async fn get<O: DeserializeOwned>(&self, path: &str) -> Answer<O> {
        self.send(Method::GET, path, None::<&()>).await
    }

    pub async fn post<O: DeserializeOwned>(
        &self,
        path: &str,
        body: &(impl Serialize + ?Sized),
    ) -> Answer<O> {
        self.send(Method::POST, path, Some(body)).await
    }

    /// `POST /participants`: an intake.
    pub async fn create_participant(&self, input: &ParticipantInput) -> Answer<ParticipantDetail> {
        self.post(paths::PARTICIPANTS, input).await
    }

    /// `POST /participants/{id}/internships`.
    pub async fn plan_internship(
        &self,
        participant: &ParticipantId,
        input: &InternshipInput,
    ) -> Answer<InternshipDetail> {
        self.post(
            &paths::participant_sub(participant, ParticipantSub::Internships),
            input,
        )
        .await
    }

    /// `GET /participants/{id}/expenses`.
    pub async fn budget(&self, participant: &ParticipantId) -> Answer<BudgetOverview> {
        self.get(&paths::participant_sub(
            participant,
            ParticipantSub::Expenses,
        ))
        .await
    }

    /// `POST /participants/{id}/expenses`: a budget request; answers the budget after it.
    pub async fn request_expense(
        &self,
        participant: &ParticipantId,
        input: &ExpenseInput,
    ) -> Answer<BudgetOverview> {
        self.post(
            &paths::participant_sub(participant, ParticipantSub::Expenses),
            input,
        )
        .await
    }

    /// `GET /participants/{id}/consents`.
    pub async fn consents(&self, participant: &ParticipantId) -> Answer<Vec<ConsentDetail>> {
        self.get(&paths::participant_sub(
            participant,
            ParticipantSub::Consents,
        ))
        .await
    }

    /// `POST /participants/{id}/consents`: gives or withdraws; answers every consent after it.
    pub async fn set_consent(
        &self,
        participant: &ParticipantId,
        input: &ConsentInput,
    ) -> Answer<Vec<ConsentDetail>> {
        self.post(
            &paths::participant_sub(participant, ParticipantSub::Consents),
            input,
        )
        .await
    }

    /// `POST /invitations`.
    pub async fn invite(&self, input: &InvitationInput) -> Answer<InvitationCreated> {
        self.post(paths::INVITATIONS, input).await
    }

    /// `POST /auth/accept-invitation`.
    pub async fn accept_invitation(&self, input: &AcceptInvitationInput) -> Answer<Me> {
        self.post(paths::ACCEPT_INVITATION, input).await
    }
}
