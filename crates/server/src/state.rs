//! Shared state of the request handlers.

use std::sync::Arc;

use newsprism_core::{Article, ArticleAnalysis};
use newsprism_store::ArticleStore;

use crate::stories::StoryCache;

/// Turns an article into its analysis. The CLI plugs in the trained model; tests plug in a stub,
/// so this crate does not depend on how analysis is done.
pub trait Analyzer: Send + Sync {
    fn analyze(&self, article: &Article) -> ArticleAnalysis;
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn ArticleStore>,
    /// Needed only for `POST /api/articles`.
    pub analyzer: Option<Arc<dyn Analyzer>>,
    /// Bearer token that enables writes; `None` = writes disabled.
    pub token: Option<Arc<str>>,
    /// Stories over the archive, recomputed when it grows.
    pub stories: Arc<StoryCache>,
}

impl AppState {
    pub fn new(store: Arc<dyn ArticleStore>) -> AppState {
        AppState {
            store,
            analyzer: None,
            token: None,
            stories: Arc::new(StoryCache::default()),
        }
    }

    /// Enables `POST /api/articles` for requests carrying this bearer token.
    pub fn with_writes(mut self, token: &str, analyzer: Arc<dyn Analyzer>) -> AppState {
        let token = token.trim();
        if !token.is_empty() {
            self.token = Some(token.into());
            self.analyzer = Some(analyzer);
        }
        self
    }
}
