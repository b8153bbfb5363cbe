//! The OpenAPI 3.1 document of the JSON API, served at `GET /api/v1/openapi.json`.
//!
//! [`operations`] is the one list of what the API answers: every route with its path parameters,
//! query, request body, success answer and the error statuses it can give, each error in the one
//! shape [`ErrorBody`]. The schemas are derived from the shared request and response types (the
//! `shared` crate's `openapi` feature), so they follow the types' own serde attributes. A test
//! (`tests/api/openapi.rs`) compares this list with the routes the router serves.

use std::{collections::BTreeMap, sync::LazyLock};

use axum::{Json, Router, routing::get};
use serde_json::{Value, json};
use shared::{
    api::{
        self, ErrorBody, ErrorKind, OpeningQuery, PageQuery, paths,
        paths::{BASE, ParticipantSub},
    },
    ids::{
        ActionId, CohortId, EventId, EventRegistrationId, ExpenseId, GoalId, InternshipId,
        IntroductionId, MunicipalityId, OpeningId, OrganisationId, OutcomeId, ParticipantId,
        UserId,
    },
    rules::{
        budget::ExpenseStatus,
        openings::{OpeningKind, OpeningStatus},
    },
};
use utoipa::{
    IntoParams, ToSchema,
    openapi::{
        ComponentsBuilder, Content, HttpMethod, Info, License, OpenApi, OpenApiBuilder, PathItem,
        PathsBuilder, Ref, RefOr, Required, Response, ResponseBuilder, Schema,
        header::HeaderBuilder,
        link::{Link, LinkBuilder},
        path::{Operation, OperationBuilder, Parameter, ParameterBuilder, ParameterIn},
        request_body::RequestBodyBuilder,
        schema::{ArrayBuilder, ObjectBuilder, Type},
        security::{ApiKey, ApiKeyValue, SecurityRequirement, SecurityScheme},
        tag::TagBuilder,
    },
};

use crate::AppState;

/// `GET /openapi.json`: the document, built once.
pub fn router() -> Router<AppState> {
    Router::new().route(paths::OPENAPI, get(get_openapi))
}

async fn get_openapi() -> Json<&'static Value> {
    static DOCUMENT: LazyLock<Value> = LazyLock::new(document_json);
    Json(&DOCUMENT)
}

/// The document as JSON, as it is served.
///
/// utoipa 5 writes the fields of a link in snake case (`operation_id`), which OpenAPI does not
/// know; they are renamed here to `operationId`, `operationRef` and `requestBody`.
pub fn document_json() -> Value {
    let mut json = serde_json::to_value(document()).unwrap_or_default();
    let operations = json
        .get_mut("paths")
        .and_then(Value::as_object_mut)
        .into_iter()
        .flat_map(|paths| paths.values_mut())
        .filter_map(Value::as_object_mut)
        .flat_map(|item| item.values_mut());
    let links = operations
        .filter_map(|op| op.get_mut("responses").and_then(Value::as_object_mut))
        .flat_map(|responses| responses.values_mut())
        .filter_map(|response| response.get_mut("links").and_then(Value::as_object_mut))
        .flat_map(|links| links.values_mut())
        .filter_map(Value::as_object_mut);
    for link in links {
        for (from, to) in [
            ("operation_id", "operationId"),
            ("operation_ref", "operationRef"),
            ("request_body", "requestBody"),
        ] {
            if let Some(value) = link.remove(from) {
                link.insert(to.to_owned(), value);
            }
        }
    }
    json
}

/// The name of the security scheme of the session cookie.
const SESSION: &str = "session";
const JSON: &str = "application/json";
const CSV: &str = "text/csv";
const ICALENDAR: &str = "text/calendar";

/// The whole document.
pub fn document() -> OpenApi {
    let mut schemas = Schemas::default();
    let operations = operations(&mut schemas);
    let links = links(&operations, &schemas);
    let mut paths = PathsBuilder::new();
    let mut tags: Vec<&str> = Vec::new();
    for (op, links) in operations.into_iter().zip(links) {
        if !tags.contains(&op.tag) {
            tags.push(op.tag);
        }
        let path = format!("{BASE}{}", op.path);
        let method = op.method.clone();
        paths = paths.path(path, PathItem::new(method, op.into_operation(links)));
    }
    let mut components = ComponentsBuilder::new()
        .schemas_from_iter(schemas.0)
        .security_scheme(
            SESSION,
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                crate::auth::COOKIE_NAME,
                "The session, set by `POST /auth/login` and `POST /auth/accept-invitation`: \
                 Secure, HttpOnly, SameSite=Strict; ended after 30 idle minutes or 12 hours.",
            ))),
        );
    for kind in ErrorKind::ALL {
        components = components.response(error_name(*kind), error_response(*kind));
    }
    OpenApiBuilder::new()
        .info(
            Info::builder()
                .title("VIP route API")
                .version(env!("CARGO_PKG_VERSION"))
                .description(Some(
                    "The JSON API of the VIP route. Every error answers one shape, `ErrorBody`: \
                     `{\"error\": kind, \"violations\": [{\"field\", \"code\", \"params\"}], \
                     \"request_id\"}`; the `violations` name the refused fields with stable \
                     codes. Every state change (any method but GET) must come from the app's \
                     own origin: an `Origin` header of the server's own address, or \
                     `Sec-Fetch-Site: same-origin`; anything else answers 403.",
                ))
                .license(Some(
                    License::builder()
                        .name("EUPL-1.2")
                        .identifier(Some("EUPL-1.2"))
                        .build(),
                ))
                .build(),
        )
        .paths(paths.build())
        .components(Some(components.build()))
        .tags(Some(
            tags.into_iter()
                .map(|tag| TagBuilder::new().name(tag).build()),
        ))
        .build()
}

/// The schemas an operation refers to, collected as components.
#[derive(Default)]
struct Schemas(BTreeMap<String, RefOr<Schema>>);

impl Schemas {
    /// A reference to `T`'s schema, registered with every schema it refers to.
    fn of<T: ToSchema>(&mut self) -> RefOr<Schema> {
        let mut found = Vec::new();
        T::schemas(&mut found);
        found.push((T::name().into_owned(), T::schema()));
        self.0.extend(found);
        Ref::from_schema_name(T::name()).into()
    }

    /// A JSON array of `T`.
    fn list<T: ToSchema>(&mut self) -> RefOr<Schema> {
        ArrayBuilder::new().items(self.of::<T>()).into()
    }

    /// One page of `T` ([`api::Page`]): `{"items": [T], "next_cursor": null | "..."}`, as a
    /// component of its own (`<T>Page`).
    fn page<T: ToSchema>(&mut self) -> RefOr<Schema> {
        let name = format!("{}Page", T::name());
        let items = self.list::<T>();
        let page = ObjectBuilder::new()
            .description(Some(
                "One page of a list; `next_cursor` is given to `?cursor=` for the next page \
                 and is null on the last.",
            ))
            .property("items", items)
            .required("items")
            .property(
                "next_cursor",
                ObjectBuilder::new().schema_type(utoipa::openapi::schema::SchemaType::from_iter([
                    Type::String,
                    Type::Null,
                ])),
            )
            .required("next_cursor");
        self.0.insert(name.clone(), page.into());
        Ref::from_schema_name(name).into()
    }

    /// The query of a paged list, `?limit=&cursor=`.
    fn paging(&mut self) -> Vec<Parameter> {
        PageQuery::into_params(|| Some(ParameterIn::Query))
    }

    /// The filter of a list of openings, `?kind=&status=`.
    fn opening_filter(&mut self) -> Vec<Parameter> {
        self.of::<OpeningKind>();
        self.of::<OpeningStatus>();
        OpeningQuery::into_params(|| Some(ParameterIn::Query))
    }
}

/// Who may call an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    /// Anyone; no session is looked at.
    Anyone,
    /// With or without a session.
    AnySession,
    /// A signed-in account (then the role decides: 403 when it may not do this at all).
    Session,
}

/// One operation of the list.
#[derive(Clone)]
struct Op {
    method: HttpMethod,
    /// Relative to [`BASE`], with `{id}` (and `{n}`, a meeting number) as parameters.
    path: String,
    /// The handler's name.
    operation_id: &'static str,
    tag: &'static str,
    summary: &'static str,
    access: Access,
    /// The schema of the `{id}` path parameter: the record's id type.
    id: Option<RefOr<Schema>>,
    query: Vec<Parameter>,
    body: Option<RefOr<Schema>>,
    /// The status of a call that succeeds, and the schema of its JSON (none for 204).
    success: (u16, Option<RefOr<Schema>>),
    /// Error statuses besides those every operation of its kind can answer (see
    /// [`Op::error_kinds`]).
    errors: Vec<ErrorKind>,
    /// The media type of the success: JSON, or CSV for a download.
    media_type: &'static str,
}

impl Op {
    fn new(
        method: HttpMethod,
        path: impl Into<String>,
        operation_id: &'static str,
        tag: &'static str,
        summary: &'static str,
    ) -> Self {
        Op {
            method,
            path: path.into(),
            operation_id,
            tag,
            summary,
            access: Access::Session,
            id: None,
            query: Vec::new(),
            body: None,
            success: (204, None),
            errors: Vec::new(),
            media_type: JSON,
        }
    }

    fn access(mut self, access: Access) -> Self {
        self.access = access;
        self
    }

    fn id(mut self, schema: RefOr<Schema>) -> Self {
        self.id = Some(schema);
        self
    }

    fn query(mut self, parameters: Vec<Parameter>) -> Self {
        self.query.extend(parameters);
        self
    }

    fn body(mut self, schema: RefOr<Schema>) -> Self {
        self.body = Some(schema);
        self
    }

    fn ok(mut self, schema: RefOr<Schema>) -> Self {
        self.success = (200, Some(schema));
        self
    }

    /// A CSV download (RFC 4180, UTF-8 with a byte-order mark), answered with 200.
    fn csv(self) -> Self {
        self.text(CSV)
    }

    /// A text answer of `media_type`, with 200.
    fn text(mut self, media_type: &'static str) -> Self {
        self.success = (
            200,
            Some(ObjectBuilder::new().schema_type(Type::String).into()),
        );
        self.media_type = media_type;
        self
    }

    fn created(mut self, schema: RefOr<Schema>) -> Self {
        self.success = (201, Some(schema));
        self
    }

    fn errors(mut self, kinds: &[ErrorKind]) -> Self {
        self.errors.extend_from_slice(kinds);
        self
    }

    /// Every error status the operation can answer: those of its kind, and its own.
    fn error_kinds(&self) -> Vec<ErrorKind> {
        let mut kinds = self.errors.clone();
        if self.access == Access::Session {
            kinds.push(ErrorKind::Unauthenticated);
            // An account whose role requires a second factor, until it has enrolled one.
            kinds.push(ErrorKind::Forbidden);
        }
        if self.method != HttpMethod::Get {
            // A state change from another origin.
            kinds.push(ErrorKind::Forbidden);
        }
        if self.path.contains('{') {
            // A missing record, one outside the caller's scope, or a malformed id.
            kinds.push(ErrorKind::NotFound);
        }
        if !self.query.is_empty() || self.body.is_some() {
            kinds.push(ErrorKind::BadRequest);
        }
        if self.body.is_some() {
            kinds.push(ErrorKind::PayloadTooLarge);
            kinds.push(ErrorKind::Validation);
        }
        kinds.push(ErrorKind::Internal);
        // The database is unreachable, or the request took longer than 30 seconds.
        kinds.push(ErrorKind::Unavailable);
        kinds.sort_by_key(|k| k.status());
        kinds.dedup();
        kinds
    }

    fn into_operation(self, links: Vec<(&'static str, Link)>) -> Operation {
        let errors = self.error_kinds();
        let mut op = OperationBuilder::new()
            .operation_id(Some(self.operation_id))
            .summary(Some(self.summary))
            .tag(self.tag);
        for name in path_parameters(&self.path) {
            let (schema, description) = match name {
                "n" => (meeting_number(), "The meeting's number, 1 to 8."),
                _ => (
                    self.id
                        .clone()
                        .unwrap_or_else(|| ObjectBuilder::new().schema_type(Type::String).into()),
                    "The record's id.",
                ),
            };
            op = op.parameter(
                ParameterBuilder::new()
                    .name(name)
                    .parameter_in(ParameterIn::Path)
                    .required(Required::True)
                    .description(Some(description))
                    .schema(Some(schema)),
            );
        }
        if !self.query.is_empty() {
            op = op.parameters(Some(self.query));
        }
        if let Some(body) = self.body {
            op = op.request_body(Some(
                RequestBodyBuilder::new()
                    .required(Some(Required::True))
                    .content(JSON, Content::new(Some(body)))
                    .build(),
            ));
        }
        op = match self.success {
            (status, Some(schema)) => op.response(
                status.to_string(),
                links.into_iter().fold(
                    ResponseBuilder::new()
                        .description(if status == 201 { "Created" } else { "OK" })
                        .content(self.media_type, Content::new(Some(schema))),
                    |response, (name, link)| response.link(name, link),
                ),
            ),
            (status, None) => op.response(
                status.to_string(),
                ResponseBuilder::new().description("Done; no content"),
            ),
        };
        for kind in errors {
            op = op.response(
                kind.status().to_string(),
                Ref::new(format!("#/components/responses/{}", error_name(kind))),
            );
        }
        match self.access {
            Access::Anyone => {}
            Access::AnySession => {
                op = op
                    .security(SecurityRequirement::default())
                    .security(SecurityRequirement::new::<_, [&str; 0], &str>(SESSION, []));
            }
            Access::Session => {
                op = op.security(SecurityRequirement::new::<_, [&str; 0], &str>(SESSION, []));
            }
        }
        op.build()
    }
}

/// The links of each operation's answer: from a record just created (201 with an `id`) to every
/// operation on a record of that kind, with that `id` as the path's `{id}`.
fn links(ops: &[Op], schemas: &Schemas) -> Vec<Vec<(&'static str, Link)>> {
    ops.iter()
        .map(|op| {
            let created_id = Some(&op.success)
                .filter(|(status, _)| *status == 201)
                .and_then(|(_, schema)| schema.as_ref())
                .and_then(ref_name)
                .and_then(|name| schemas.0.get(name))
                .and_then(|schema| match schema {
                    RefOr::T(Schema::Object(object)) => object.properties.get("id"),
                    RefOr::T(_) | RefOr::Ref(_) => None,
                })
                .and_then(ref_name);
            let Some(id_type) = created_id else {
                return Vec::new();
            };
            ops.iter()
                .filter(|other| other.id.as_ref().and_then(ref_name) == Some(id_type))
                .map(|other| {
                    let link = LinkBuilder::new()
                        .operation_id(other.operation_id)
                        .parameter("id", "$response.body#/id")
                        .build();
                    (other.operation_id, link)
                })
                .collect()
        })
        .collect()
}

/// The name of the component a schema refers to.
fn ref_name(schema: &RefOr<Schema>) -> Option<&str> {
    match schema {
        RefOr::Ref(reference) => reference.ref_location.rsplit('/').next(),
        RefOr::T(_) => None,
    }
}

/// The names of a path's parameters, in order.
fn path_parameters(path: &str) -> impl Iterator<Item = &str> {
    path.split('/')
        .filter_map(|segment| segment.strip_prefix('{')?.strip_suffix('}'))
}

/// The `{n}` of a meeting's path.
fn meeting_number() -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .minimum(Some(1))
        .maximum(Some(8))
        .into()
}

/// The component name of an error's response: its `error` value.
fn error_name(kind: ErrorKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The response of one kind of error: [`ErrorBody`] with that `error`.
fn error_response(kind: ErrorKind) -> Response {
    let description = match kind {
        ErrorKind::BadRequest => {
            "`bad_request`: the body is not JSON, or the query does not read as its type"
        }
        ErrorKind::Unauthenticated => "`unauthenticated`: no session, or it ended",
        ErrorKind::Forbidden => {
            "`forbidden`: the role may not do this at all, a state change does not come from \
             the app's own origin, or (violation `second_factor_enrolment_required`) the role \
             requires a second factor that the account has not enrolled yet"
        }
        ErrorKind::NotFound => {
            "`not_found`: missing, or outside the caller's scope (never told apart)"
        }
        ErrorKind::MethodNotAllowed => "`method_not_allowed`: the path has no such method",
        ErrorKind::Conflict => {
            "`conflict`: the change meets stored state; the violations name it (`stale_version`, \
             `capacity_full`, `internship_overlap`, `budget_exceeded`, `caseload_full`, \
             `already_registered`, ...)"
        }
        ErrorKind::PayloadTooLarge => "`payload_too_large`: the body is over 64 KiB",
        ErrorKind::Validation => {
            "`validation`: the input breaks a rule, or a field of the JSON body does not read as \
             its type (`invalid_choice` with the `allowed` values, `required`, \
             `invalid_format`); the violations list every refused field"
        }
        ErrorKind::TooManyRequests => {
            "`too_many_requests`: too many attempts; `Retry-After` says when to try again"
        }
        ErrorKind::Internal => "`internal`: a failure on the server; only the request id is given",
        ErrorKind::Unavailable => {
            "`unavailable`: the database cannot be reached, or the request took over 30 seconds"
        }
    };
    let schema: RefOr<Schema> = utoipa::openapi::schema::AllOfBuilder::new()
        .item(Ref::from_schema_name(ErrorBody::name()))
        .item(
            ObjectBuilder::new().property(
                "error",
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some([json!(error_name(kind))])),
            ),
        )
        .into();
    let mut response = ResponseBuilder::new()
        .description(description)
        .content(JSON, Content::new(Some(schema)));
    if kind == ErrorKind::TooManyRequests {
        response = response.header(
            "Retry-After",
            HeaderBuilder::new()
                .schema(
                    ObjectBuilder::new()
                        .schema_type(Type::Integer)
                        .minimum(Some(0)),
                )
                .description(Some("Seconds until a new attempt is counted"))
                .build(),
        );
    }
    response.build()
}

/// Every operation of the API: the one list the document is made of.
fn operations(s: &mut Schemas) -> Vec<Op> {
    use Access::{AnySession, Anyone};
    use ErrorKind::{Conflict, Forbidden, TooManyRequests, Validation};
    use HttpMethod::{Delete, Get, Patch, Post, Put};

    // The error body and every enum of codes are components even where no operation names them.
    s.of::<ErrorBody>();
    let participant = s.of::<ParticipantId>();
    let sub = |what: ParticipantSub| what.pattern();

    vec![
        // The service.
        Op::new(
            Get,
            paths::HEALTH,
            "get_health",
            "health",
            "Up when the database answers",
        )
        .access(Anyone)
        .ok(s.of::<api::HealthResponse>()),
        Op::new(
            Get,
            paths::OPENAPI,
            "get_openapi",
            "openapi",
            "This document",
        )
        .access(Anyone)
        .ok(ObjectBuilder::new().schema_type(Type::Object).into()),
        // Sessions and accounts.
        Op::new(
            Post,
            paths::LOGIN,
            "login",
            "auth",
            "Sign in: sets the session cookie",
        )
        .access(Anyone)
        .body(s.of::<api::LoginInput>())
        .ok(s.of::<api::LoginAnswer>())
        .errors(&[ErrorKind::Unauthenticated, TooManyRequests]),
        Op::new(
            Post,
            paths::LOGIN_SECOND_FACTOR,
            "verify_second_factor",
            "auth",
            "The second step of a login: a TOTP or recovery code signs the session in",
        )
        .body(s.of::<api::CodeInput>())
        .ok(s.of::<api::Me>())
        .errors(&[TooManyRequests]),
        Op::new(
            Post,
            paths::TOTP_ENROLMENT,
            "start_enrolment",
            "auth",
            "Start enrolling a TOTP second factor: its otpauth URI and secret, given until confirmed",
        )
        .created(s.of::<api::TotpEnrolment>())
        .errors(&[Conflict]),
        Op::new(
            Post,
            paths::TOTP_CONFIRMATION,
            "confirm_enrolment",
            "auth",
            "Confirm the enrolment with a first code; answers the recovery codes, once",
        )
        .body(s.of::<api::CodeInput>())
        .ok(s.of::<api::RecoveryCodes>())
        .errors(&[Conflict, TooManyRequests]),
        Op::new(
            Post,
            paths::PASSWORD,
            "change_password",
            "auth",
            "Change the password; every other session of the account ends",
        )
        .body(s.of::<api::PasswordChangeInput>())
        .errors(&[TooManyRequests]),
        Op::new(
            Post,
            paths::RESET_PASSWORD,
            "reset_password",
            "auth",
            "Set a new password with the token of a reset link; every session of the account ends",
        )
        .access(Anyone)
        .body(s.of::<api::ResetPasswordInput>())
        .errors(&[TooManyRequests]),
        Op::new(
            Post,
            paths::LOGOUT,
            "logout",
            "auth",
            "Sign out: ends the session",
        )
        .access(AnySession),
        Op::new(
            Get,
            paths::ME,
            "me",
            "auth",
            "Who is signed in, and what the account is bound to",
        )
        .ok(s.of::<api::Me>()),
        Op::new(
            Put,
            paths::ME_LANGUAGE,
            "set_interface_language",
            "auth",
            "Set the language of the signed-in account's interface, for every page and browser",
        )
        .body(s.of::<api::InterfaceLanguageInput>())
        .ok(s.of::<api::Me>()),
        Op::new(
            Post,
            paths::ACCEPT_INVITATION,
            "accept_invitation",
            "auth",
            "Set the password of an invited account and sign it in",
        )
        .access(Anyone)
        .body(s.of::<api::AcceptInvitationInput>())
        .ok(s.of::<api::Me>())
        .errors(&[TooManyRequests]),
        Op::new(
            Post,
            paths::INVITATIONS,
            "create_invitation",
            "accounts",
            "Invite an account into the coordinator's region; answers the one-time link",
        )
        .body(s.of::<api::InvitationInput>())
        .created(s.of::<api::InvitationCreated>())
        .errors(&[ErrorKind::NotFound, Conflict]),
        Op::new(
            Get,
            paths::USERS,
            "list_users",
            "accounts",
            "The accounts of the region",
        )
        .query(s.paging())
        .ok(s.page::<api::UserSummary>())
        .errors(&[Forbidden]),
        Op::new(
            Post,
            paths::USER_DISABLE_PATTERN,
            "disable_user",
            "accounts",
            "Disable an account; its sessions end at once",
        )
        .id(s.of::<UserId>())
        .body(s.of::<api::VersionOnly>())
        .ok(s.of::<api::UserSummary>())
        .errors(&[Conflict]),
        Op::new(
            Post,
            paths::USER_ENABLE_PATTERN,
            "enable_user",
            "accounts",
            "Enable a disabled account again",
        )
        .id(s.of::<UserId>())
        .body(s.of::<api::VersionOnly>())
        .ok(s.of::<api::UserSummary>())
        .errors(&[Conflict]),
        Op::new(
            Post,
            paths::USER_PASSWORD_RESET_PATTERN,
            "create_password_reset",
            "accounts",
            "A one-time link that sets a new password for an account of the region",
        )
        .id(s.of::<UserId>())
        .created(s.of::<api::PasswordResetCreated>())
        .errors(&[Conflict, Validation]),
        // Municipalities.
        Op::new(
            Get,
            paths::MUNICIPALITIES,
            "list_municipalities",
            "municipalities",
            "The municipalities of the region, with their agreements",
        )
        .query(s.paging())
        .ok(s.page::<api::MunicipalityDetail>())
        .errors(&[Forbidden]),
        Op::new(
            Post,
            paths::MUNICIPALITIES,
            "create_municipality",
            "municipalities",
            "Add a municipality with its agreement",
        )
        .body(s.of::<api::MunicipalityInput>())
        .created(s.of::<api::MunicipalityDetail>())
        .errors(&[Conflict]),
        Op::new(
            Get,
            paths::MUNICIPALITY_PATTERN,
            "get_municipality",
            "municipalities",
            "One municipality with its agreement",
        )
        .id(s.of::<MunicipalityId>())
        .ok(s.of::<api::MunicipalityDetail>())
        .errors(&[Forbidden]),
        Op::new(
            Put,
            paths::MUNICIPALITY_PATTERN,
            "update_municipality",
            "municipalities",
            "Change a municipality or its agreement (with `version`)",
        )
        .id(s.of::<MunicipalityId>())
        .body(s.of::<api::MunicipalityInput>())
        .ok(s.of::<api::MunicipalityDetail>())
        .errors(&[Conflict]),
        // Cohorts and their meetings.
        Op::new(
            Get,
            paths::COHORTS,
            "list_cohorts",
            "cohorts",
            "The cohorts of the region",
        )
        .query(s.paging())
        .ok(s.page::<api::CohortSummary>())
        .errors(&[Forbidden]),
        Op::new(
            Post,
            paths::COHORTS,
            "create_cohort",
            "cohorts",
            "Start a cohort with its 8 meetings",
        )
        .body(s.of::<api::CohortInput>())
        .created(s.of::<api::CohortDetail>()),
        Op::new(
            Get,
            paths::COHORT_PATTERN,
            "get_cohort",
            "cohorts",
            "One cohort with its meetings",
        )
        .id(s.of::<CohortId>())
        .ok(s.of::<api::CohortDetail>())
        .errors(&[Forbidden]),
        Op::new(
            Put,
            paths::MEETING_PATTERN,
            "schedule_meeting",
            "cohorts",
            "Schedule meeting n: date, start time and place",
        )
        .id(s.of::<CohortId>())
        .body(s.of::<api::ScheduleMeetingInput>())
        .ok(s.of::<api::CohortDetail>())
        .errors(&[Conflict]),
        Op::new(
            Get,
            paths::ATTENDANCE_PATTERN,
            "get_attendance",
            "cohorts",
            "The attendance of meeting n",
        )
        .id(s.of::<CohortId>())
        .ok(s.list::<api::AttendanceRow>())
        .errors(&[Forbidden, Validation]),
        Op::new(
            Put,
            paths::ATTENDANCE_PATTERN,
            "record_attendance",
            "cohorts",
            "Record the attendance of meeting n, the whole list at once",
        )
        .id(s.of::<CohortId>())
        .body(s.of::<api::AttendanceInput>())
        .ok(s.list::<api::AttendanceRow>())
        .errors(&[Conflict]),
        // Participants and their files.
        Op::new(
            Get,
            paths::PARTICIPANTS,
            "list_participants",
            "participants",
            "The participants the caller may see",
        )
        .query(s.paging())
        .ok(s.page::<api::ParticipantSummary>())
        .errors(&[Forbidden]),
        Op::new(
            Post,
            paths::PARTICIPANTS,
            "create_participant",
            "participants",
            "Take in a participant",
        )
        .body(s.of::<api::ParticipantInput>())
        .created(s.of::<api::ParticipantDetail>())
        .errors(&[Conflict]),
        Op::new(
            Get,
            paths::PARTICIPANT_PATTERN,
            "get_participant",
            "participants",
            "A participant's profile",
        )
        .id(participant.clone())
        .ok(s.of::<api::ParticipantDetail>())
        .errors(&[Forbidden]),
        Op::new(
            Patch,
            paths::PARTICIPANT_PATTERN,
            "update_participant",
            "participants",
            "Change a participant's profile (with `version`)",
        )
        .id(participant.clone())
        .body(s.of::<api::ParticipantPatch>())
        .ok(s.of::<api::ParticipantDetail>())
        .errors(&[Conflict]),
        Op::new(
            Get,
            sub(ParticipantSub::Route),
            "get_route",
            "participants",
            "The participant's route: each step with its figures, and the next step",
        )
        .id(participant.clone())
        .ok(s.of::<api::RouteResponse>())
        .errors(&[Forbidden]),
        // The action plan.
        Op::new(
            Get,
            sub(ParticipantSub::Goals),
            "list_goals",
            "plan",
            "The goals of the action plan, with their actions",
        )
        .id(participant.clone())
        .ok(s.list::<api::GoalDetail>())
        .errors(&[Forbidden]),
        Op::new(
            Post,
            sub(ParticipantSub::Goals),
            "create_goal",
            "plan",
            "Add a goal to the action plan",
        )
        .id(participant.clone())
        .body(s.of::<api::GoalInput>())
        .created(s.of::<api::GoalDetail>()),
        Op::new(
            Patch,
            paths::GOAL_PATTERN,
            "update_goal",
            "plan",
            "Change a goal (with `version`)",
        )
        .id(s.of::<GoalId>())
        .body(s.of::<api::GoalPatch>())
        .ok(s.of::<api::GoalDetail>())
        .errors(&[Conflict]),
        Op::new(
            Post,
            paths::GOAL_ACTIONS_PATTERN,
            "create_action",
            "plan",
            "Add an action to a goal",
        )
        .id(s.of::<GoalId>())
        .body(s.of::<api::ActionInput>())
        .created(s.of::<api::ActionDetail>()),
        Op::new(
            Patch,
            paths::ACTION_PATTERN,
            "update_action",
            "plan",
            "Tick an action off (a participant), or change it (with `version`)",
        )
        .id(s.of::<ActionId>())
        .body(s.of::<api::ActionPatch>())
        .ok(s.of::<api::ActionDetail>())
        .errors(&[Conflict]),
        // Contacts with the coach.
        Op::new(
            Get,
            sub(ParticipantSub::Contacts),
            "list_contacts",
            "contacts",
            "The contact log; notes only for coaches and coordinators",
        )
        .id(participant.clone())
        .ok(s.list::<api::ContactDetail>())
        .errors(&[Forbidden]),
        Op::new(
            Post,
            sub(ParticipantSub::Contacts),
            "create_contact",
            "contacts",
            "Log a contact",
        )
        .id(participant.clone())
        .body(s.of::<api::ContactInput>())
        .created(s.of::<api::ContactDetail>()),
        // Internships.
        Op::new(
            Get,
            sub(ParticipantSub::Internships),
            "list_internships",
            "internships",
            "The participant's internships",
        )
        .id(participant.clone())
        .ok(s.list::<api::InternshipDetail>())
        .errors(&[Forbidden]),
        Op::new(
            Post,
            sub(ParticipantSub::Internships),
            "plan_internship",
            "internships",
            "Plan an internship within the window rules",
        )
        .id(participant.clone())
        .body(s.of::<api::InternshipInput>())
        .created(s.of::<api::InternshipDetail>())
        .errors(&[Conflict]),
        Op::new(
            Get,
            paths::INTERNSHIP_PATTERN,
            "get_internship",
            "internships",
            "One internship, for its agreement",
        )
        .id(s.of::<InternshipId>())
        .ok(s.of::<api::InternshipDetail>())
        .errors(&[Forbidden]),
        Op::new(
            Patch,
            paths::INTERNSHIP_PATTERN,
            "change_internship",
            "internships",
            "Extend (a coordinator) or cancel an internship (with `version`)",
        )
        .id(s.of::<InternshipId>())
        .body(s.of::<api::InternshipPatch>())
        .ok(s.of::<api::InternshipDetail>())
        .errors(&[Conflict]),
        Op::new(
            Post,
            paths::EVALUATIONS_PATTERN,
            "evaluate_internship",
            "internships",
            "Record a midterm or final evaluation",
        )
        .id(s.of::<InternshipId>())
        .body(s.of::<api::EvaluationInput>())
        .created(s.of::<api::InternshipDetail>())
        .errors(&[Conflict]),
        Op::new(
            Post,
            paths::INTERNSHIP_ABSENCE_PATTERN,
            "record_absence",
            "internships",
            "Record hours of absence, taken off the practice hours (with `version`)",
        )
        .id(s.of::<InternshipId>())
        .body(s.of::<api::AbsenceInput>())
        .ok(s.of::<api::InternshipDetail>())
        .errors(&[Conflict]),
        // The MAP evidence statement and the programme settings.
        Op::new(
            Get,
            paths::PROGRAMME_SETTINGS_PATTERN,
            "get_programme_settings",
            "municipalities",
            "The programme settings of a municipality's agreement (the defaults, version 0, until set)",
        )
        .id(s.of::<MunicipalityId>())
        .ok(s.of::<api::ProgrammeSettingsDetail>())
        .errors(&[Forbidden]),
        Op::new(
            Put,
            paths::PROGRAMME_SETTINGS_PATTERN,
            "update_programme_settings",
            "municipalities",
            "Change the programme settings of a municipality's agreement (with `version`)",
        )
        .id(s.of::<MunicipalityId>())
        .body(s.of::<api::ProgrammeSettingsInput>())
        .ok(s.of::<api::ProgrammeSettingsDetail>())
        .errors(&[Conflict]),
        Op::new(
            Get,
            paths::CIVIC_INTEGRATION_PATTERN,
            "get_civic_integration",
            "participants",
            "A participant's civic-integration route, date of birth and the coach's remarks",
        )
        .id(s.of::<ParticipantId>())
        .ok(s.of::<api::CivicIntegrationDetail>())
        .errors(&[Forbidden]),
        Op::new(
            Put,
            paths::CIVIC_INTEGRATION_PATTERN,
            "update_civic_integration",
            "participants",
            "Record the civic-integration route, date of birth and remarks (with `version`)",
        )
        .id(s.of::<ParticipantId>())
        .body(s.of::<api::CivicIntegrationInput>())
        .ok(s.of::<api::CivicIntegrationDetail>())
        .errors(&[Forbidden, Conflict]),
        Op::new(
            Get,
            paths::MAP_EVIDENCE_PATTERN,
            "get_map_evidence",
            "participants",
            "The MAP evidence statement: hours per theme, practice hours, ready for the final interview",
        )
        .id(s.of::<ParticipantId>())
        .ok(s.of::<api::MapEvidence>())
        .errors(&[Forbidden]),
        // The training budget.
        Op::new(
            Get,
            sub(ParticipantSub::Expenses),
            "get_budget",
            "budget",
            "The budget: cap, used, remaining, and the requests",
        )
        .id(participant.clone())
        .ok(s.of::<api::BudgetOverview>())
        .errors(&[Forbidden]),
        Op::new(
            Post,
            sub(ParticipantSub::Expenses),
            "request_expense",
            "budget",
            "Request an expense within the cap",
        )
        .id(participant.clone())
        .body(s.of::<api::ExpenseInput>())
        .created(s.of::<api::BudgetOverview>())
        .errors(&[Conflict]),
        Op::new(
            Post,
            paths::EXPENSE_DECISION_PATTERN,
            "decide_expense",
            "budget",
            "Approve, reject or mark paid (a coordinator, with `version`)",
        )
        .id(s.of::<ExpenseId>())
        .body(s.of::<api::ExpenseDecisionInput>())
        .ok(s.of::<api::BudgetOverview>())
        .errors(&[Conflict]),
        // Introductions and consent.
        Op::new(
            Get,
            sub(ParticipantSub::Introductions),
            "list_introductions",
            "introductions",
            "The participant's warm introductions",
        )
        .id(participant.clone())
        .ok(s.list::<api::IntroductionDetail>())
        .errors(&[Forbidden]),
        Op::new(
            Post,
            sub(ParticipantSub::Introductions),
            "propose_introduction",
            "introductions",
            "Propose an introduction to an organisation (needs the participant's consent)",
        )
        .id(participant.clone())
        .body(s.of::<api::IntroductionInput>())
        .created(s.of::<api::IntroductionDetail>())
        .errors(&[Conflict]),
        Op::new(
            Patch,
            paths::INTRODUCTION_PATTERN,
            "answer_introduction",
            "introductions",
            "Move an introduction on: accepted, declined, placed (with `version`)",
        )
        .id(s.of::<IntroductionId>())
        .body(s.of::<api::IntroductionPatch>())
        .ok(s.of::<api::IntroductionDetail>())
        .errors(&[Conflict]),
        Op::new(
            Get,
            "/organisations/{id}/introductions",
            "list_organisation_introductions",
            "introductions",
            "The introductions to an organisation, with the consented profiles",
        )
        .id(s.of::<OrganisationId>())
        .ok(s.list::<api::IntroductionDetail>())
        .errors(&[Forbidden]),
        Op::new(
            Get,
            sub(ParticipantSub::Consents),
            "list_consents",
            "consents",
            "The participant's consents",
        )
        .id(participant.clone())
        .ok(s.list::<api::ConsentDetail>())
        .errors(&[Forbidden]),
        Op::new(
            Post,
            sub(ParticipantSub::Consents),
            "set_consent",
            "consents",
            "Give or withdraw a consent; answers them all",
        )
        .id(participant.clone())
        .body(s.of::<api::ConsentInput>())
        .created(s.list::<api::ConsentDetail>()),
        // Outcomes.
        Op::new(
            Get,
            sub(ParticipantSub::Outcomes),
            "list_outcomes",
            "outcomes",
            "The participant's outcomes and follow-ups",
        )
        .id(participant.clone())
        .ok(s.list::<api::OutcomeDetail>())
        .errors(&[Forbidden]),
        Op::new(
            Post,
            sub(ParticipantSub::Outcomes),
            "record_outcome",
            "outcomes",
            "Record the outcome of the route",
        )
        .id(participant)
        .body(s.of::<api::OutcomeInput>())
        .created(s.of::<api::OutcomeDetail>()),
        Op::new(
            Post,
            paths::FOLLOW_UP_PATTERN,
            "record_follow_up",
            "outcomes",
            "Record the follow-up six months after an outcome (with `version`)",
        )
        .id(s.of::<OutcomeId>())
        .body(s.of::<api::FollowUpPatch>())
        .ok(s.of::<api::OutcomeDetail>())
        .errors(&[Conflict]),
        // Organisations, openings and visits.
        Op::new(
            Get,
            paths::ORGANISATIONS,
            "list_organisations",
            "organisations",
            "The organisations the caller may see",
        )
        .query(s.paging())
        .ok(s.page::<api::OrganisationDetail>())
        .errors(&[Forbidden]),
        Op::new(
            Post,
            paths::ORGANISATIONS,
            "create_organisation",
            "organisations",
            "Add a company, school or volunteer organisation",
        )
        .body(s.of::<api::CreateOrganisation>())
        .created(s.of::<api::OrganisationDetail>()),
        Op::new(
            Get,
            paths::ORGANISATION_PATTERN,
            "get_organisation",
            "organisations",
            "One organisation",
        )
        .id(s.of::<OrganisationId>())
        .ok(s.of::<api::OrganisationDetail>())
        .errors(&[Forbidden]),
        Op::new(
            Patch,
            paths::ORGANISATION_PATTERN,
            "update_organisation",
            "organisations",
            "Change an organisation (with `version`)",
        )
        .id(s.of::<OrganisationId>())
        .body(s.of::<api::OrganisationPatch>())
        .ok(s.of::<api::OrganisationDetail>())
        .errors(&[Conflict]),
        Op::new(
            Get,
            paths::ORGANISATION_OPENINGS_PATTERN,
            "list_organisation_openings",
            "openings",
            "An organisation's openings",
        )
        .id(s.of::<OrganisationId>())
        .query(s.paging())
        .query(s.opening_filter())
        .ok(s.page::<api::OpeningDetail>())
        .errors(&[Forbidden]),
        Op::new(
            Post,
            paths::ORGANISATION_OPENINGS_PATTERN,
            "create_opening",
            "openings",
            "Add an opening: a company visit, internship, job, volunteer or education place",
        )
        .id(s.of::<OrganisationId>())
        .body(s.of::<api::OpeningInput>())
        .created(s.of::<api::OpeningDetail>()),
        Op::new(
            Get,
            paths::OPENINGS,
            "list_openings",
            "openings",
            "The openings the caller may see, by kind and status",
        )
        .query(s.paging())
        .query(s.opening_filter())
        .ok(s.page::<api::OpeningDetail>())
        .errors(&[Forbidden]),
        Op::new(
            Get,
            paths::OPENING_PATTERN,
            "get_opening",
            "openings",
            "One opening",
        )
        .id(s.of::<OpeningId>())
        .ok(s.of::<api::OpeningDetail>())
        .errors(&[Forbidden]),
        Op::new(
            Patch,
            paths::OPENING_PATTERN,
            "update_opening",
            "openings",
            "Change an opening or its status (with `version`)",
        )
        .id(s.of::<OpeningId>())
        .body(s.of::<api::OpeningPatch>())
        .ok(s.of::<api::OpeningDetail>())
        .errors(&[Conflict]),
        Op::new(
            Post,
            paths::REGISTRATIONS_PATTERN,
            "register_for_visit",
            "openings",
            "Register a participant for a company visit",
        )
        .id(s.of::<OpeningId>())
        .body(s.of::<api::RegistrationInput>())
        .created(s.of::<api::RegistrationDetail>())
        .errors(&[Conflict]),
        // Reports and nudges.
        Op::new(
            Get,
            paths::MUNICIPALITY_REPORT_PATTERN,
            "municipality_report",
            "reports",
            "A municipality's figures over a period; every count below 5 is `<5`",
        )
        .id(s.of::<MunicipalityId>())
        .query(api::ReportQuery::into_params(|| Some(ParameterIn::Query)))
        .ok(s.of::<api::MunicipalityReport>())
        .errors(&[Validation]),
        Op::new(
            Get,
            paths::NUDGES,
            "list_nudges",
            "reports",
            "What the coordinator (region) or coach (own participants) should look at",
        )
        .ok(s.list::<api::NudgeItem>()),
        // Competences and matching.
        Op::new(
            Get,
            paths::COMPETENCES_PATTERN,
            "get_competences",
            "matching",
            "The participant's competences and wishes (version 0 while none are stored)",
        )
        .id(s.of::<ParticipantId>())
        .ok(s.of::<api::CompetencesDetail>())
        .errors(&[Forbidden]),
        Op::new(
            Put,
            paths::COMPETENCES_PATTERN,
            "put_competences",
            "matching",
            "Save the participant's competences and wishes (with `version`, 0 the first time)",
        )
        .id(s.of::<ParticipantId>())
        .body(s.of::<api::CompetencesInput>())
        .ok(s.of::<api::CompetencesDetail>())
        .errors(&[Conflict]),
        Op::new(
            Get,
            paths::PARTICIPANT_SUGGESTIONS_PATTERN,
            "list_participant_suggestions",
            "matching",
            "The open openings in the participant's municipality that fit, best first, with reasons",
        )
        .id(s.of::<ParticipantId>())
        .ok(s.of::<api::OpeningSuggestions>())
        .errors(&[Forbidden]),
        Op::new(
            Get,
            paths::OPENING_SUGGESTIONS_PATTERN,
            "list_opening_suggestions",
            "matching",
            "The participants who fit the opening, best first, with reasons",
        )
        .id(s.of::<OpeningId>())
        .ok(s.of::<api::ParticipantSuggestions>())
        .errors(&[Forbidden]),
        Op::new(
            Get,
            paths::ORGANISATION_PEOPLE_PATTERN,
            "get_organisation_people",
            "organisations",
            "The organisation's current and upcoming interns (names only with consent) and upcoming visits with the number registered",
        )
        .id(s.of::<OrganisationId>())
        .ok(s.of::<api::OrganisationPeople>())
        .errors(&[Forbidden]),
        // Expert meetings and trainings for organisations.
        Op::new(
            Get,
            paths::EVENTS,
            "list_events",
            "events",
            "The coming events for the caller's municipalities or hosted by their organisation",
        )
        .ok(s.list::<api::EventDetail>())
        .errors(&[Forbidden]),
        Op::new(
            Post,
            paths::EVENTS,
            "create_event",
            "events",
            "Publish an expert meeting or training (a company contact hosts it as their organisation)",
        )
        .body(s.of::<api::EventInput>())
        .created(s.of::<api::EventDetail>()),
        Op::new(
            Get,
            paths::EVENT_PATTERN,
            "get_event",
            "events",
            "One event with the registrations the caller may see",
        )
        .id(s.of::<EventId>())
        .ok(s.of::<api::EventDetail>())
        .errors(&[Forbidden]),
        Op::new(
            Post,
            paths::EVENT_REGISTRATIONS_PATTERN,
            "register_for_event",
            "events",
            "Register a colleague of the caller's organisation, by name and role",
        )
        .id(s.of::<EventId>())
        .body(s.of::<api::EventRegistrationInput>())
        .created(s.of::<api::EventDetail>())
        .errors(&[Conflict]),
        Op::new(
            Post,
            paths::EVENT_REGISTRATION_CANCEL_PATTERN,
            "cancel_event_registration",
            "events",
            "Cancel a registration of the caller's organisation",
        )
        .id(s.of::<EventRegistrationId>())
        .ok(s.of::<api::EventDetail>()),
        Op::new(
            Put,
            paths::EVENT_ATTENDANCE_PATTERN,
            "mark_event_attendance",
            "events",
            "The host marks who attended, on the day or after it",
        )
        .id(s.of::<EventId>())
        .body(s.list::<api::EventAttendanceLine>())
        .ok(s.of::<api::EventDetail>()),
        // The participant's rights.
        Op::new(
            Get,
            paths::PARTICIPANT_EXPORT_PATTERN,
            "export_participant",
            "rights",
            "Everything stored about the participant, as one document (audited); a coordinator's \
             includes the coaches' own notes, labelled",
        )
        .id(s.of::<ParticipantId>())
        .ok(s.of::<api::ParticipantExport>())
        .errors(&[Forbidden]),
        // Calendar feeds.
        Op::new(
            Post,
            paths::CALENDAR_FEED,
            "create_calendar_feed",
            "calendar",
            "A new personal calendar feed link, shown once; the earlier one stops working",
        )
        .created(s.of::<api::CalendarFeedCreated>())
        .errors(&[Forbidden]),
        Op::new(
            Get,
            paths::CALENDAR_FEED,
            "read_calendar_feed_status",
            "calendar",
            "Whether the account has a live calendar feed link, and since when (never the link)",
        )
        .ok(s.of::<api::CalendarFeedStatus>())
        .errors(&[Forbidden]),
        Op::new(
            Delete,
            paths::CALENDAR_FEED,
            "revoke_calendar_feed",
            "calendar",
            "Revoke the personal calendar feed link",
        )
        .errors(&[Forbidden]),
        Op::new(
            Get,
            paths::CALENDAR,
            "read_calendar_feed",
            "calendar",
            "The calendar feed of a link's token (RFC 5545, Europe/Amsterdam), without a session; \
             404 for a token unknown or revoked",
        )
        .access(Anyone)
        .query(api::CalendarQuery::into_params(|| Some(ParameterIn::Query)))
        .text(ICALENDAR)
        .errors(&[ErrorKind::NotFound]),
        // CSV downloads.
        Op::new(
            Get,
            paths::EXPORT_PARTICIPANTS,
            "export_participants_csv",
            "exports",
            "The participants of the region, as CSV (audited)",
        )
        .csv()
        .errors(&[Forbidden]),
        Op::new(
            Get,
            paths::EXPORT_ATTENDANCE_PATTERN,
            "export_attendance_csv",
            "exports",
            "The attendance of a cohort at its 8 meetings, as CSV (audited)",
        )
        .id(s.of::<CohortId>())
        .csv()
        .errors(&[Forbidden]),
        Op::new(
            Get,
            paths::EXPORT_INTERNSHIPS,
            "export_internships_csv",
            "exports",
            "The internships of the region's participants, as CSV (audited)",
        )
        .csv()
        .errors(&[Forbidden]),
        Op::new(
            Get,
            paths::EXPORT_EXPENSES,
            "export_expenses_csv",
            "exports",
            "The budget requests of the region, by status, as CSV (audited)",
        )
        .query({
            s.of::<ExpenseStatus>();
            api::ExpenseQuery::into_params(|| Some(ParameterIn::Query))
        })
        .csv()
        .errors(&[Forbidden]),
        Op::new(
            Get,
            paths::EXPORT_OPENINGS,
            "export_openings_csv",
            "exports",
            "The openings of the region, by kind and status, as CSV (audited)",
        )
        .query(s.opening_filter())
        .csv()
        .errors(&[Forbidden]),
        Op::new(
            Post,
            paths::PARTICIPANT_ERASURE_PATTERN,
            "erase_participant",
            "rights",
            "Erase a participant's personal data, confirmed with their full name; the account is \
             disabled and the records stay as anonymous facts",
        )
        .id(s.of::<ParticipantId>())
        .body(s.of::<api::ErasureInput>())
        .errors(&[Forbidden]),
        // The history of records.
        Op::new(
            Get,
            paths::PARTICIPANT_HISTORY_PATTERN,
            "participant_history",
            "history",
            "Every change to the participant's file: profile, plan, internships, budget, consents",
        )
        .id(s.of::<ParticipantId>())
        .ok(s.list::<api::HistoryEntry>())
        .errors(&[Forbidden]),
        Op::new(
            Get,
            paths::INTERNSHIP_HISTORY_PATTERN,
            "internship_history",
            "history",
            "Every change to an internship",
        )
        .id(s.of::<InternshipId>())
        .ok(s.list::<api::HistoryEntry>())
        .errors(&[Forbidden]),
        Op::new(
            Get,
            paths::ORGANISATION_HISTORY_PATTERN,
            "organisation_history",
            "history",
            "Every change to an organisation",
        )
        .id(s.of::<OrganisationId>())
        .ok(s.list::<api::HistoryEntry>())
        .errors(&[Forbidden]),
        Op::new(
            Get,
            paths::OPENING_HISTORY_PATTERN,
            "opening_history",
            "history",
            "Every change to an opening",
        )
        .id(s.of::<OpeningId>())
        .ok(s.list::<api::HistoryEntry>())
        .errors(&[Forbidden]),
        // The audit log.
        Op::new(
            Get,
            paths::AUDIT,
            "list_audit",
            "history",
            "The audit log of the coordinator's region, newest first: ids, action, outcome and \
             moment of each entry; filtered by period, action, acting account and record",
        )
        .query(api::AuditQuery::into_params(|| Some(ParameterIn::Query)))
        .ok(s.page::<api::AuditEntry>())
        .errors(&[Forbidden]),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_names_its_parameters_in_order() {
        let names: Vec<&str> = path_parameters(paths::ATTENDANCE_PATTERN).collect();
        assert_eq!(names, ["id", "n"]);
    }

    #[test]
    fn a_record_just_created_links_to_the_operations_on_it() {
        let mut schemas = Schemas::default();
        let ops = operations(&mut schemas);
        let links = links(&ops, &schemas);
        let of = |id: &str| -> Vec<&str> {
            let (_, links) = ops
                .iter()
                .zip(&links)
                .find(|(op, _)| op.operation_id == id)
                .expect("the operation");
            let mut names: Vec<&str> = links.iter().map(|(name, _)| *name).collect();
            names.sort_unstable();
            names
        };
        assert_eq!(
            of("create_cohort"),
            [
                "export_attendance_csv",
                "get_attendance",
                "get_cohort",
                "record_attendance",
                "schedule_meeting"
            ]
        );
        assert_eq!(of("create_goal"), ["create_action", "update_goal"]);
        // A list of consents, and a budget overview, name no one record.
        assert!(of("set_consent").is_empty());
        assert!(of("request_expense").is_empty());
    }

    #[test]
    fn a_link_names_its_operation_by_operation_id() {
        let json = document_json();
        let link =
            &json["paths"]["/api/v1/cohorts"]["post"]["responses"]["201"]["links"]["get_cohort"];
        assert_eq!(link["operationId"], "get_cohort");
        assert_eq!(link["parameters"]["id"], "$response.body#/id");
        assert!(link.get("operation_id").is_none());
    }

    #[test]
    fn every_operation_id_is_unique() {
        let ops = operations(&mut Schemas::default());
        let mut ids: Vec<&str> = ops.iter().map(|op| op.operation_id).collect();
        ids.sort_unstable();
        let before = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), before);
    }

    #[test]
    fn a_state_change_can_be_refused_for_its_origin_and_a_body_for_its_content() {
        let op =
            Op::new(HttpMethod::Post, "/x/{id}", "x", "x", "x").body(ObjectBuilder::new().into());
        let statuses: Vec<u16> = op.error_kinds().iter().map(|k| k.status()).collect();
        assert_eq!(statuses, [400, 401, 403, 404, 413, 422, 500, 503]);
    }
}
