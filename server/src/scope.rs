//! How a record must relate to an account for it to be reached (the access table's relations),
//! shared by the access checks and the queries that list what a scope may see.

pub use shared::access::Relation;
