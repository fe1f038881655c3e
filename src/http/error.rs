//! Every error answer, in one place: one JSON shape
//! `{"error": {"code": "...", "message": "..."}}` with the right status.
//! Domain errors are mapped here once; handlers return [`ApiError`].

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use serde::Serialize;

/// An error answer.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The body is not valid JSON of the expected shape.
    #[error("{0}")]
    InvalidJson(String),
    /// The check's input was refused (missing or over-long query, a bad
    /// locale, country, session or surface).
    #[error(transparent)]
    Input(#[from] crate::check::InputError),
    /// The body or a parameter is not valid UTF-8.
    #[error("{0} is not valid UTF-8")]
    InvalidUtf8(&'static str),
    /// A parameter has a value it cannot have.
    #[error("{0}")]
    InvalidParameter(String),
    /// The body is larger than the configured limit.
    #[error("the request body is larger than {limit} bytes")]
    BodyTooLarge {
        /// The configured limit.
        limit: usize,
    },
    /// The body is not `application/json`.
    #[error("send the body as application/json")]
    UnsupportedMediaType,
    /// Nothing is served at this path.
    #[error("nothing is served at this path; see /openapi.json")]
    NotFound,
    /// The path exists but not for this method.
    #[error("this path does not answer {method}; it answers {allowed}")]
    MethodNotAllowed {
        /// The method used.
        method: String,
        /// The methods the path answers.
        allowed: &'static str,
    },
    /// No or a wrong bearer token.
    #[error("{0}")]
    Unauthorized(&'static str),
    /// The route is switched off by configuration.
    #[error("{0}")]
    Forbidden(String),
    /// The event token is forged, altered, expired or malformed.
    #[error("{0}")]
    InvalidToken(String),
    /// A reload was refused; the previous lists and content keep serving.
    #[error("{0}")]
    ReloadRefused(String),
    /// A store the route needs is off or unreachable.
    #[error("{0}")]
    Unavailable(String),
    /// Something on our side failed.
    #[error("{0}")]
    Internal(String),
}

impl ApiError {
    /// The stable machine-readable code of the error.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::InvalidJson(_) => "invalid_json",
            ApiError::Input(crate::check::InputError::MissingQuery) => "missing_query",
            ApiError::Input(crate::check::InputError::QueryTooLong { .. }) => "query_too_long",
            ApiError::Input(crate::check::InputError::MissingItems) => "missing_items",
            ApiError::Input(crate::check::InputError::TooManyItems { .. }) => "too_many_items",
            ApiError::Input(crate::check::InputError::ItemTooLong { .. }) => "item_too_long",
            ApiError::Input(_) => "invalid_parameter",
            ApiError::InvalidUtf8(_) => "invalid_utf8",
            ApiError::InvalidParameter(_) => "invalid_parameter",
            ApiError::BodyTooLarge { .. } => "body_too_large",
            ApiError::UnsupportedMediaType => "unsupported_media_type",
            ApiError::NotFound => "not_found",
            ApiError::MethodNotAllowed { .. } => "method_not_allowed",
            ApiError::Unauthorized(_) => "unauthorized",
            ApiError::Forbidden(_) => "forbidden",
            ApiError::InvalidToken(_) => "invalid_token",
            ApiError::ReloadRefused(_) => "reload_refused",
            ApiError::Unavailable(_) => "unavailable",
            ApiError::Internal(_) => "internal",
        }
    }
}

/// The JSON body of every error answer.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// What went wrong.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Stable code: `invalid_json`, `missing_query`, `invalid_utf8`,
    /// `invalid_parameter`, `query_too_long`, `missing_items`,
    /// `too_many_items`, `item_too_long`, `body_too_large`,
    /// `unsupported_media_type`, `not_found`, `method_not_allowed`,
    /// `unauthorized`, `forbidden`, `invalid_token`, `reload_refused`, `unavailable`, `internal`.
    pub code: &'static str,
    /// What went wrong and what to do, in words.
    pub message: String,
}

impl From<crate::analytics::export::ExportError> for ApiError {
    /// A store that cannot be read is 503; every other refusal of an export
    /// is the request's (400).
    fn from(error: crate::analytics::export::ExportError) -> Self {
        match error {
            crate::analytics::export::ExportError::Store(store) => ApiError::Unavailable(store.to_string()),
            other => ApiError::InvalidParameter(other.to_string()),
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::Input(
                crate::check::InputError::QueryTooLong { .. }
                | crate::check::InputError::TooManyItems { .. }
                | crate::check::InputError::ItemTooLong { .. },
            )
            | ApiError::BodyTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::InvalidJson(_)
            | ApiError::Input(_)
            | ApiError::InvalidUtf8(_)
            | ApiError::InvalidParameter(_)
            | ApiError::InvalidToken(_) => StatusCode::BAD_REQUEST,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::ReloadRefused(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status_code());
        if let ApiError::MethodNotAllowed { allowed, .. } = self {
            response.insert_header((header::ALLOW, HeaderValue::from_static(allowed)));
        }
        if let ApiError::Unauthorized(_) = self {
            response.insert_header((header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer")));
        }
        response.insert_header((header::CACHE_CONTROL, HeaderValue::from_static("no-store")));
        response.json(ErrorBody { error: ErrorDetail { code: self.code(), message: self.to_string() } })
    }
}

/// The default service: 404 in JSON.
pub async fn not_found() -> Result<HttpResponse, ApiError> {
    Err(ApiError::NotFound)
}

/// A default service for a resource that answers only `allowed`.
pub fn method_not_allowed(
    allowed: &'static str,
) -> impl Fn(HttpRequest) -> std::future::Ready<Result<HttpResponse, ApiError>> + Clone {
    move |request: HttpRequest| {
        std::future::ready(Err(ApiError::MethodNotAllowed { method: request.method().to_string(), allowed }))
    }
}
