//! Where analysed articles are kept, searched and profiled.
//!
//! [`ArticleStore`] is the interface the CLI and the HTTP server use. [`EmbeddedStore`] implements
//! it with SQLite (the source of truth, WAL mode, batches committed in one transaction) and a
//! tantivy index with per-language stemming (derived from SQLite, caught up on open), in one
//! directory, with nothing to install or run. A PostgreSQL backend (for teams sharing one archive
//! across machines) would be a second implementation of the trait: the types in [`types`] are the
//! contract, and nothing outside this crate touches SQLite or tantivy. It is not implemented yet.
//!
//! Guarantees of the embedded store:
//! - **Idempotent**: the same article (same normalised URL, or same outlet and text) is stored
//!   once; storing it again reports [`PutOutcome::Duplicate`] with the existing id.
//! - **Crash-safe**: `put_batch` returns only after the SQLite transaction has committed
//!   (`synchronous=FULL`), so whatever it reported stored survives `kill -9` or power loss; the
//!   index records which rows it holds and catches up on the next open.

mod embedded;
mod error;
mod facets;
pub mod identity;
mod profile;
mod sqlite;
mod text_index;
pub mod types;

pub use embedded::{EmbeddedStore, OpenMode, DB_FILE};
pub use error::{Result, StoreError};
pub use facets::{MAX_FACET_VALUES, UNKNOWN_OUTLET};
pub use types::*;

/// A store of analysed articles. Implementations must be usable from many threads at once.
pub trait ArticleStore: Send + Sync {
    /// Stores a batch atomically. Returns after the batch is durable; outcomes are in input order.
    fn put_batch(&self, batch: &[NewArticle]) -> Result<BatchReport>;
    /// One article by public id.
    fn get(&self, id: &str) -> Result<Option<StoredArticle>>;
    /// Full text plus filters, with facet counts.
    fn search(&self, q: &SearchQuery) -> Result<SearchResults>;
    /// Every outlet with its size, most articles first.
    fn outlets(&self) -> Result<Vec<OutletSummary>>;
    /// One outlet's persuasion profile (`None` = articles without a known outlet).
    fn outlet_profile(&self, outlet: Option<&str>) -> Result<Option<OutletProfile>>;
    /// Counts, including how far the text index lags the database.
    fn stats(&self) -> Result<StoreStats>;
    /// Every article, in storage order: for computations over the whole archive (stories). Loads
    /// everything into memory; fine to a few hundred thousand articles.
    fn all_articles(&self) -> Result<Vec<StoredArticle>>;
}
