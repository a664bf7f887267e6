//! Errors of the store. Library code returns these; the CLI and server turn them into messages.

/// Something went wrong reading or writing the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot use store directory {path}: {source}")]
    Dir {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("full-text index error: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error(
        "the store at {0} is open for writing by another newsprism process (ingest, or serve with a token); \
         stop it or open this one read-only"
    )]
    Locked(String),
    #[error("stored record {id} is damaged: {problem}")]
    Corrupt { id: String, problem: String },
    #[error("the store was opened read-only; writing needs a read-write open")]
    ReadOnly,
    #[error("bad search: {0}")]
    BadQuery(String),
}

/// Shorthand used throughout the crate.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
