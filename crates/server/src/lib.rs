//! The newsprism HTTP server: a JSON API (described by `/openapi.json`) and a server-rendered web
//! UI over an [`ArticleStore`](newsprism_store::ArticleStore).
//!
//! Everything an article contains is untrusted (scraped pages, partisan outlets): all HTML is
//! produced with maud, which escapes every interpolated value, and a strict Content-Security-Policy
//! forbids inline scripts as a second line of defence. Writes (`POST /api/articles`) are disabled
//! unless a bearer token is configured.
//!
//! Stories (the same event told by several outlets) are computed over the whole archive with
//! `newsprism-stories` and cached until it grows.

#![recursion_limit = "256"]

mod api;
mod auth;
mod error;
mod html;
mod openapi;
mod query;
mod state;
mod stories;

pub use state::{Analyzer, AppState};

use axum::extract::DefaultBodyLimit;
use axum::http::header::{self, HeaderValue};
use axum::routing::get;
use axum::Router;

/// Largest accepted request body (a long article as JSON is well under this).
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

/// Security headers added to every response.
async fn security_headers(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    res
}

/// The whole application: API, OpenAPI document, UI pages and static assets.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(html::search::page))
        .route("/articles/{id}", get(html::article::page))
        .route("/outlets", get(html::outlet::list_page))
        .route("/outlets/{name}", get(html::outlet::page))
        .route("/stories", get(html::story::list_page))
        .route("/stories/{id}", get(html::story::page))
        .route("/static/app.css", get(html::layout::css))
        .route("/static/app.js", get(html::layout::js))
        .route("/openapi.json", get(openapi::document))
        .route("/healthz", get(api::health))
        .route("/api/search", get(api::search))
        .route("/api/articles", axum::routing::post(api::post_article))
        .route("/api/articles/{id}", get(api::article))
        .route("/api/outlets", get(api::outlets))
        .route("/api/outlets/{name}", get(api::outlet))
        .route("/api/stats", get(api::stats))
        .route("/api/stories", get(api::stories))
        .route("/api/stories/{id}", get(api::story))
        .fallback(html::not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn(security_headers))
        .with_state(state)
}

/// Serves until Ctrl-C / SIGTERM.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    state.stories.refresh_in_background(state.store.clone());
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown_signal())
        .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
