//! JSON API handlers. Store calls run on the blocking pool (SQLite and tantivy are synchronous).

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use newsprism_ingest::JsonlRecord;
use newsprism_store::{NewArticle, PutOutcome, UNKNOWN_OUTLET};

use crate::auth::check_write;
use crate::error::ApiError;
use crate::query;
use crate::state::AppState;
use crate::stories::StorySummary;

/// Runs a store call off the async runtime.
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f).await?
}

pub async fn health() -> &'static str {
    "ok"
}

pub async fn search(
    State(st): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<impl IntoResponse, ApiError> {
    let q = query::search_query(&query::pairs(raw.as_deref()), 20)
        .map_err(|m| ApiError::new(StatusCode::BAD_REQUEST, m))?;
    let res = blocking(move || Ok(st.store.search(&q)?)).await?;
    Ok(Json(res))
}

pub async fn article(
    State(st): State<AppState>,
    Path(id): Path<String>,
) -> Result<impl IntoResponse, ApiError> {
    let a = blocking(move || Ok(st.store.get(&id)?)).await?;
    a.map(Json).ok_or_else(|| ApiError::not_found("article"))
}

pub async fn outlets(State(st): State<AppState>) -> Result<impl IntoResponse, ApiError> {
    Ok(Json(blocking(move || Ok(st.store.outlets()?)).await?))
}

/// `name` is the outlet as shown in the facets; `(unknown)` is the articles without one.
pub fn outlet_key(name: &str) -> Option<&str> {
    (name != UNKNOWN_OUTLET).then_some(name)
}

pub async fn outlet(
    State(st): State<AppState>,
    Path(name): Path<String>,
) -> Result<impl IntoResponse, ApiError> {
    let p = blocking(move || Ok(st.store.outlet_profile(outlet_key(&name))?)).await?;
    p.map(Json).ok_or_else(|| ApiError::not_found("outlet"))
}

/// `GET /api/stories`: stories of the current archive (at least two articles each).
pub async fn stories(State(st): State<AppState>) -> Result<impl IntoResponse, ApiError> {
    let snap = st.stories.current(st.store.clone()).await?;
    let list: Vec<StorySummary> = snap.stories.iter().map(StorySummary::from).collect();
    Ok(Json(
        serde_json::json!({ "snapshot": snap.articles, "stories": list }),
    ))
}

/// `GET /api/stories/{id}`: one story with its members, reposts and claim comparison.
pub async fn story(
    State(st): State<AppState>,
    Path(id): Path<String>,
) -> Result<impl IntoResponse, ApiError> {
    let snap = st.stories.current(st.store.clone()).await?;
    let story = snap.named_in_path(&id)?;
    Ok(Json(
        serde_json::json!({ "snapshot": snap.articles, "story": story }),
    ))
}

pub async fn stats(State(st): State<AppState>) -> Result<impl IntoResponse, ApiError> {
    Ok(Json(blocking(move || Ok(st.store.stats()?)).await?))
}

/// `POST /api/articles`: body as one JSONL input record; analyses and stores it.
pub async fn post_article(
    State(st): State<AppState>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<impl IntoResponse, ApiError> {
    check_write(st.token.as_deref(), &headers)?;
    let st2 = st.clone();
    let Some(analyzer) = st.analyzer.clone() else {
        return Err(ApiError::new(StatusCode::FORBIDDEN, "writes are disabled"));
    };
    let rec: JsonlRecord = serde_json::from_slice(&body)
        .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, format!("malformed JSON: {e}")))?;
    let fallback = "posted".to_string();
    let article = rec
        .into_article("request body", fallback, None)
        .map_err(|e| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
    let outcome = blocking(move || {
        let analysis = analyzer.analyze(&article);
        let new = NewArticle::from_input(&article, analysis);
        let report = st.store.put_batch(std::slice::from_ref(&new))?;
        if let Some(w) = report.index_warning {
            eprintln!("newsprism serve: text index lags: {w}");
        }
        report
            .outcomes
            .into_iter()
            .next()
            .ok_or_else(|| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "nothing stored"))
    })
    .await?;
    let (status, code) = match &outcome {
        PutOutcome::Stored { .. } => {
            st2.stories.refresh_in_background(st2.store.clone());
            (StatusCode::CREATED, "stored")
        }
        PutOutcome::Duplicate { .. } => (StatusCode::OK, "duplicate"),
    };
    let id = outcome.id().to_string();
    let body = serde_json::json!({
        "id": id,
        "status": code,
        "href": format!("/api/articles/{id}"),
        "page": format!("/articles/{id}"),
    });
    Ok((status, Json(body)))
}
