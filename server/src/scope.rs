//! How a record must relate to an account for it to be reached: the relationships of the access
//! table, shared by the access checks and the queries that list what a scope may see.

/// How a record must relate to the account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    /// In one of the municipalities the account is bound to (a coordinator's region, a viewer's
    /// or a coach's municipality).
    Region,
    /// A participant assigned to the coach.
    Assigned,
    /// The participant's own file.
    Own,
    /// The account's organisation, or something of it.
    OwnOrganisation,
    /// An open opening in the account's municipalities.
    OpenInRegion,
}
