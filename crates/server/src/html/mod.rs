//! Server-rendered pages. maud escapes every interpolated value, so article content can never
//! become markup; there is no `PreEscaped` of anything that comes from an article.

pub mod article;
mod chart;
mod highlight;
pub mod layout;
pub mod outlet;
pub mod search;
pub mod story;

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::html;

use crate::error::ApiError;

/// A page or an error page.
pub type PageResult = Result<Html<String>, PageError>;

/// An error shown as an HTML page with the right status.
pub struct PageError(pub ApiError);

impl From<ApiError> for PageError {
    fn from(e: ApiError) -> PageError {
        PageError(e)
    }
}

impl From<newsprism_store::StoreError> for PageError {
    fn from(e: newsprism_store::StoreError) -> PageError {
        PageError(e.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = self.0.status;
        let title = status.canonical_reason().unwrap_or("Error");
        let body = layout::page(
            title,
            Some(""),
            html! {
                section.empty {
                    h1 { (status.as_u16()) " · " (title) }
                    p { (self.0.message) }
                    p { a href="/" { "Back to search" } }
                }
            },
        );
        (status, body).into_response()
    }
}

pub async fn not_found() -> Response {
    PageError(ApiError::new(
        StatusCode::NOT_FOUND,
        "There is nothing at this address.",
    ))
    .into_response()
}

/// Human label of a task label: `Loaded_Language` → `Loaded language`.
pub fn pretty(label: &str) -> String {
    let s = label.replace(['_', '-'], " ");
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase(),
        None => s,
    }
}

/// Language name for a code, for display.
pub fn lang_name(code: &str) -> &str {
    match code {
        "en" => "English",
        "fr" => "French",
        "de" => "German",
        "it" => "Italian",
        "pl" => "Polish",
        "ru" => "Russian",
        "es" => "Spanish",
        "el" => "Greek",
        "ka" => "Georgian",
        "pt" => "Portuguese",
        "und" => "Undetermined",
        other => other,
    }
}

/// CSS class of a technique's colour (`t0`..`t22`; `t-x` for labels outside the task's set).
pub fn technique_class(label: &str) -> String {
    use newsprism_core::{Label, Technique};
    match Technique::from_name(label) {
        Some(t) => format!("t{}", t.index()),
        None => "t-x".to_string(),
    }
}
