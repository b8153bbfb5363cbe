//! The history of a record and the audit log.

use gloo_net::http::Request;
use shared::{
    api::{AuditEntry, AuditQuery, HistoryEntry, Page, paths},
    ids::{InternshipId, OpeningId, OrganisationId, ParticipantId},
};

use super::{ApiError, decode, get, send};

/// A record whose history can be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryOf {
    /// The participant's whole file: profile, plan, internships, budget requests, consents.
    Participant(ParticipantId),
    Internship(InternshipId),
    Organisation(OrganisationId),
    Opening(OpeningId),
}

impl HistoryOf {
    fn path(&self) -> String {
        match self {
            HistoryOf::Participant(id) => paths::participant_history(id),
            HistoryOf::Internship(id) => paths::internship_history(id),
            HistoryOf::Organisation(id) => paths::organisation_history(id),
            HistoryOf::Opening(id) => paths::opening_history(id),
        }
    }

    /// Whether the record belongs to a participant's file (a coach reads those of their own
    /// participants); organisations and openings are the region's.
    pub fn in_a_file(&self) -> bool {
        matches!(self, HistoryOf::Participant(_) | HistoryOf::Internship(_))
    }
}

/// `GET /.../history`: every change to the record, newest first.
pub async fn history(of: &HistoryOf) -> Result<Vec<HistoryEntry>, ApiError> {
    get(&of.path()).await
}

/// `GET /audit?...`: one page of the audit log, with the parameters of `query` that are set.
pub async fn audit(query: &AuditQuery) -> Result<Page<AuditEntry>, ApiError> {
    let pairs: Vec<(&str, &String)> = [
        ("from", &query.from),
        ("to", &query.to),
        ("action", &query.action),
        ("actor_id", &query.actor_id),
        ("record_type", &query.record_type),
        ("record_id", &query.record_id),
        ("limit", &query.limit),
        ("cursor", &query.cursor),
    ]
    .into_iter()
    .filter_map(|(name, value)| value.as_ref().map(|v| (name, v)))
    .collect();
    let request = Request::get(&paths::url(paths::AUDIT)).query(pairs);
    decode(send(request).await?).await
}
