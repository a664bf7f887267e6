//! Ingest: from whatever the user points at to [`Article`]s.
//!
//! The user gives paths (files or directories, walked recursively) or `-` for stdin. [`sources`]
//! expands them into a sorted list of [`Source`]s, and [`read_source`] turns one source into
//! articles. One file can hold many articles (JSONL) and one bad line must not lose the others, so
//! reading yields a `Result` per article: batch commands report each failure and go on.
//!
//! [`dataset`] reads labelled SemEval-2023 Task 3 folders for training and evaluation.

pub mod dataset;
mod error;
mod jsonl;
mod sources;
mod text;

pub use error::{IngestError, Problem};
pub use jsonl::JsonlRecord;
pub use sources::{sources, Source};

use newsprism_core::Article;

/// Largest input file read whole; beyond it the file is reported, not read.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Reads every article from one source.
///
/// A source that cannot be read at all gives a single `Err`; a JSONL file gives one item per
/// non-empty line, so a malformed line is one `Err` among the good articles.
pub fn read_source(source: &Source) -> Vec<Result<Article, IngestError>> {
    let bytes = match source.read_bytes() {
        Ok(b) => b,
        Err(e) => return vec![Err(e)],
    };
    let name = source.display();
    if bytes.is_empty() || bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return vec![Err(IngestError::new(name, Problem::Empty))];
    }
    let is_jsonl = match source {
        Source::Stdin => bytes
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|&b| b == b'{'),
        Source::File { path, .. } => path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson")),
    };
    if is_jsonl {
        return jsonl::read_jsonl(&name, &bytes, source.lang_hint());
    }
    vec![text::read_text(source, &name, &bytes)]
}

/// Convenience: expand paths and read everything, in order.
pub fn read_all(paths: &[String]) -> Vec<Result<Article, IngestError>> {
    let (srcs, mut errs) = sources(paths);
    let mut out: Vec<Result<Article, IngestError>> = errs.drain(..).map(Err).collect();
    for s in &srcs {
        out.extend(read_source(s));
    }
    out
}
