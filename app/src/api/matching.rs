//! Competences and wishes, the suggestions that match people to openings, and an organisation's
//! own people.

use shared::{
    api::{
        CompetencesDetail, CompetencesInput, OpeningSuggestions, OrganisationPeople,
        ParticipantSuggestions, paths,
    },
    ids::{OpeningId, OrganisationId, ParticipantId},
};

use super::{ApiError, get, put};

/// `GET /participants/{id}/competences`: version 0 while nothing is stored.
pub async fn competences(id: &ParticipantId) -> Result<CompetencesDetail, ApiError> {
    get(&paths::competences(id)).await
}

/// `PUT /participants/{id}/competences`: 409 `stale_version` when someone else saved first.
pub async fn save_competences(
    id: &ParticipantId,
    input: &CompetencesInput,
) -> Result<CompetencesDetail, ApiError> {
    put(&paths::competences(id), input).await
}

/// `GET /participants/{id}/suggestions`: the openings that fit, best first.
pub async fn participant_suggestions(id: &ParticipantId) -> Result<OpeningSuggestions, ApiError> {
    get(&paths::participant_suggestions(id)).await
}

/// `GET /openings/{id}/suggestions`: the participants who fit, best first.
pub async fn opening_suggestions(id: &OpeningId) -> Result<ParticipantSuggestions, ApiError> {
    get(&paths::opening_suggestions(id)).await
}

/// `GET /organisations/{id}/people`: its interns and upcoming visits.
pub async fn organisation_people(id: &OrganisationId) -> Result<OrganisationPeople, ApiError> {
    get(&paths::organisation_people(id)).await
}
