//! The values that go in and out of an [`ArticleStore`](crate::ArticleStore): what the CLI prints,
//! what the HTTP API serialises, and what a future PostgreSQL backend must produce too.

use newsprism_core::{Article, ArticleAnalysis};
use serde::{Deserialize, Serialize};

/// One article to store: its analysis plus, when it came from an input file, a fingerprint of the
/// input so that an interrupted ingest can skip what it already stored without re-analysing it.
#[derive(Clone, Debug)]
pub struct NewArticle {
    pub analysis: ArticleAnalysis,
    pub fingerprint: Option<String>,
}

impl NewArticle {
    /// Pairs an analysis with the fingerprint of the input it came from.
    pub fn from_input(article: &Article, analysis: ArticleAnalysis) -> NewArticle {
        NewArticle {
            analysis,
            fingerprint: Some(crate::identity::input_fingerprint(article)),
        }
    }
}

/// What happened to one article of a batch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum PutOutcome {
    /// Newly stored (committed to the database when this is returned).
    Stored { id: String },
    /// Already in the store (same URL or same outlet and text); nothing written.
    Duplicate { id: String },
}

impl PutOutcome {
    pub fn id(&self) -> &str {
        match self {
            PutOutcome::Stored { id } | PutOutcome::Duplicate { id } => id,
        }
    }
}

/// Result of a batch write: per-article outcomes in input order, and whether the text index kept
/// up. An index failure does not lose anything (the database is the source of truth and the index
/// catches up on the next open), so it is a warning, not an error.
#[derive(Clone, Debug, Default)]
pub struct BatchReport {
    pub outcomes: Vec<PutOutcome>,
    pub index_warning: Option<String>,
}

/// An article as kept in the store.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StoredArticle {
    /// Public id (16 hex digits), stable across re-ingests.
    pub id: String,
    /// The id the input gave (`article123`, JSONL `id`).
    pub input_id: String,
    /// Outlet, when known.
    pub outlet: Option<String>,
    /// Detected (or declared) language code; `und` when unknown.
    pub lang: String,
    /// When it was stored (UTC, RFC 3339).
    pub ingested_at: String,
    pub analysis: ArticleAnalysis,
}

/// Sort order of search results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    /// By text relevance when there is a query, otherwise newest first.
    #[default]
    Relevance,
    /// Newest publication date first (undated last), then most recently stored.
    Newest,
}

/// A search: free text plus filters. Within one filter the values are alternatives (any of);
/// different filters must all hold.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchQuery {
    /// Free text in tantivy's query syntax (`word`, `"a phrase"`, `-excluded`); all words must
    /// match by default. Empty means "everything that passes the filters".
    pub q: String,
    pub lang: Vec<String>,
    pub outlet: Vec<String>,
    pub genre: Vec<String>,
    pub frame: Vec<String>,
    pub technique: Vec<String>,
    /// Earliest publication date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), inclusive.
    pub from: Option<String>,
    /// Latest publication date, inclusive.
    pub to: Option<String>,
    pub sort: SortOrder,
    pub offset: usize,
    /// Page size; capped at [`MAX_PAGE`].
    pub limit: usize,
}

/// Largest page of search results.
pub const MAX_PAGE: usize = 200;

/// A highlighted excerpt: plain text plus byte ranges to emphasise (the caller escapes and marks
/// up, so no HTML ever comes out of the store).
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<[usize; 2]>,
}

/// One search result.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SearchHit {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub lang: String,
    pub published: Option<String>,
    pub genre: String,
    pub frames: Vec<String>,
    pub techniques: Vec<String>,
    /// Relevance score, when the query had text.
    pub score: Option<f32>,
    pub snippet: Snippet,
}

/// A facet value and how many matching articles have it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct FacetCount {
    pub value: String,
    pub count: usize,
}

/// Counts per facet. Each dimension is counted with all the *other* filters applied, so choosing a
/// language still shows how many articles the other languages would give. At most
/// [`MAX_FACET_VALUES`](crate::MAX_FACET_VALUES) values per dimension, most frequent first.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Facets {
    pub lang: Vec<FacetCount>,
    pub outlet: Vec<FacetCount>,
    pub genre: Vec<FacetCount>,
    pub frame: Vec<FacetCount>,
    pub technique: Vec<FacetCount>,
    /// Publication month (`YYYY-MM`, or `undated`).
    pub month: Vec<FacetCount>,
}

/// A page of search results with facet counts.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct SearchResults {
    pub total: usize,
    pub offset: usize,
    pub limit: usize,
    pub hits: Vec<SearchHit>,
    pub facets: Facets,
    /// Problems with the query text that were worked around (lenient parsing).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// An outlet in the list of outlets.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct OutletSummary {
    /// `None` for articles whose outlet is unknown.
    pub outlet: Option<String>,
    pub articles: usize,
    pub words: u64,
    /// Techniques per 1,000 words over all its articles.
    pub technique_density: f64,
    pub languages: Vec<FacetCount>,
}

/// Share of an outlet's output with one label, next to the archive-wide figure for comparison.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LabelShare {
    pub label: String,
    /// Articles (genre, frame) or paragraphs (technique) with the label.
    pub count: usize,
    /// `count` over the outlet's articles (or paragraphs), in `[0, 1]`.
    pub share: f64,
    /// The same share over the whole archive.
    pub archive_share: f64,
}

/// An outlet's persuasion profile.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct OutletProfile {
    pub summary: OutletSummary,
    pub paragraphs: usize,
    /// Techniques per 1,000 words over the whole archive, for comparison.
    pub archive_technique_density: f64,
    pub genres: Vec<LabelShare>,
    pub frames: Vec<LabelShare>,
    pub techniques: Vec<LabelShare>,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
}

/// Size of the store.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct StoreStats {
    pub articles: usize,
    pub outlets: usize,
    /// Articles in the database that the text index has not caught up with yet.
    pub index_lag: usize,
}
