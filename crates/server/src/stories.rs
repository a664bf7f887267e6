//! Stories over the stored archive: the same event told by different outlets.
//!
//! Stories are computed by `newsprism-stories` over every stored article (near-linear) and cached
//! until the archive grows; the first request after new articles arrive recomputes them. Story ids
//! number the stories of one computation (largest first), so they are valid for a `snapshot` (the
//! archive size it was computed at), not forever.

use std::sync::Arc;

use newsprism_core::{Article, ArticleAnalysis, RemovedLine};
use newsprism_store::{ArticleStore, StoredArticle};
use newsprism_stories::story::{build_stories, Options, Story};
use serde::Serialize;
use tokio::sync::Mutex;

use crate::error::ApiError;

/// Stories of one archive snapshot.
pub struct Snapshot {
    /// Number of stored articles the stories were computed from.
    pub articles: usize,
    /// Stories with at least two articles, largest first.
    pub stories: Vec<Story>,
}

impl Snapshot {
    pub fn get(&self, id: usize) -> Option<&Story> {
        self.stories.iter().find(|s| s.id == id)
    }
    /// The story a URL path names (`/stories/{id}`), or the 404 both the API and the UI give.
    pub fn named_in_path(&self, id: &str) -> Result<&Story, ApiError> {
        id.parse::<usize>()
            .ok()
            .and_then(|n| self.get(n))
            .ok_or_else(|| ApiError::not_found("story"))
    }
    /// The story an article belongs to, if any.
    pub fn of_article(&self, article_id: &str) -> Option<&Story> {
        self.stories
            .iter()
            .find(|s| s.members.iter().any(|m| m.id == article_id))
    }
}

/// Cache of the latest snapshot; one computation at a time.
#[derive(Default)]
pub struct StoryCache {
    latest: Mutex<Option<Arc<Snapshot>>>,
    /// The last finished snapshot, readable without waiting for a computation in progress.
    last: std::sync::RwLock<Option<Arc<Snapshot>>>,
}

impl StoryCache {
    /// The last computed snapshot, possibly behind the archive, without waiting.
    pub fn peek(&self) -> Option<Arc<Snapshot>> {
        self.last.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Brings the cache up to date in the background (at start-up and after writes), so that
    /// pages rarely wait for a computation.
    pub fn refresh_in_background(self: &Arc<Self>, store: Arc<dyn ArticleStore>) {
        let me = self.clone();
        tokio::spawn(async move {
            if let Err(e) = me.current(store).await {
                eprintln!("newsprism serve: stories not computed: {}", e.message);
            }
        });
    }

    /// The stories of the archive as it is now (recomputed if it grew since the last call).
    pub async fn current(&self, store: Arc<dyn ArticleStore>) -> Result<Arc<Snapshot>, ApiError> {
        let mut guard = self.latest.lock().await;
        let s2 = store.clone();
        let now = tokio::task::spawn_blocking(move || s2.stats())
            .await??
            .articles;
        if let Some(snap) = guard.as_ref() {
            if snap.articles == now {
                return Ok(snap.clone());
            }
        }
        let snap = tokio::task::spawn_blocking(move || -> Result<Snapshot, ApiError> {
            let stored = store.all_articles()?;
            Ok(compute(&stored))
        })
        .await??;
        let snap = Arc::new(snap);
        *guard = Some(snap.clone());
        *self.last.write().unwrap_or_else(|p| p.into_inner()) = Some(snap.clone());
        Ok(snap)
    }
}

/// Rebuilds an input article from its stored analysis (line numbers kept), with the store's id so
/// that story members link to stored articles.
fn article_of(s: &StoredArticle) -> Article {
    let a = &s.analysis;
    let last = a
        .paragraphs
        .iter()
        .map(|p| p.line as usize)
        .max()
        .unwrap_or(0);
    let mut lines = vec![String::new(); last];
    for p in &a.paragraphs {
        if let Some(slot) = lines.get_mut((p.line as usize).saturating_sub(1)) {
            slot.clone_from(&p.text);
        }
    }
    let title_is_line_1 = match (&a.title, lines.first()) {
        (Some(t), Some(l1)) => t.trim() == l1.trim(),
        _ => false,
    };
    Article {
        id: s.id.clone(),
        path: a.path.clone(),
        title: a.title.clone(),
        title_is_line_1,
        lines,
        url: a.url.clone(),
        source: s.outlet.clone(),
        declared_lang: a.lang.code,
        published: a.published.clone(),
        author: None,
        removed: Vec::<RemovedLine>::new(),
        attribution: a.attribution.clone(),
    }
}

fn compute(stored: &[StoredArticle]) -> Snapshot {
    let articles: Vec<Article> = stored.iter().map(article_of).collect();
    let analyses: Vec<ArticleAnalysis> = stored
        .iter()
        .map(|s| {
            let mut a = s.analysis.clone();
            a.id.clone_from(&s.id);
            a
        })
        .collect();
    let opts = Options {
        compare: true,
        ..Options::default()
    };
    let stories = build_stories(&articles, Some(&analyses), &opts)
        .into_iter()
        .filter(|s| s.members.len() >= 2)
        .enumerate()
        .map(|(i, mut s)| {
            s.id = i + 1;
            s
        })
        .collect();
    Snapshot {
        articles: stored.len(),
        stories,
    }
}

/// A story in the list: no members or claims, just what a list needs.
#[derive(Serialize)]
pub struct StorySummary<'a> {
    pub id: usize,
    pub label: &'a [String],
    pub title: Option<&'a str>,
    pub first_published: Option<&'a str>,
    pub last_published: Option<&'a str>,
    pub articles: usize,
    pub outlets: &'a [String],
    pub independent_outlets: &'a [String],
    pub languages: &'a [String],
}

impl<'a> From<&'a Story> for StorySummary<'a> {
    fn from(s: &'a Story) -> Self {
        StorySummary {
            id: s.id,
            label: &s.label,
            title: s.title.as_deref(),
            first_published: s.first_published.as_deref(),
            last_published: s.last_published.as_deref(),
            articles: s.members.len(),
            outlets: &s.outlets,
            independent_outlets: &s.independent_outlets,
            languages: &s.languages,
        }
    }
}
