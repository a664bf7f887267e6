//! Ingest: from whatever the user points at to [`Article`]s.
//!
//! The user gives paths (files or directories, walked recursively) or `-` for stdin. [`sources`]
//! expands them into a sorted list of [`Source`]s, and [`read_source`] turns one source into
//! articles. One file can hold many articles (JSONL) and one bad line must not lose the others, so
//! reading yields a `Result` per article: batch commands report each failure and go on.
//!
//! Formats: plain text (any common encoding, detected when undeclared), the SemEval layouts,
//! JSONL (`text` or `html` field), HTML pages (`.html`, `.htm`, gzip-compressed `.html.gz`; main
//! text extracted, see [`html`]), and RSS/Atom feeds (one article per item, see [`feed`]). The
//! format comes from the extension and, when that is missing or ambiguous (stdin, `.xml`, a
//! `.txt` that is really a saved page), from the content.
//!
//! [`dataset`] reads labelled SemEval-2023 Task 3 folders for training and evaluation.

pub mod dataset;
pub mod decode;
mod error;
pub mod feed;
#[cfg(feature = "fetch")]
pub mod fetch;
mod gaps;
pub mod html;
mod jsonl;
mod loose;
mod marked;
mod markup;
mod sniff;
mod sources;
mod standfirst;
mod text;

pub use error::{IngestError, Problem};
pub use html::{extract_html, html_article, Extracted};
pub use jsonl::JsonlRecord;
pub use sniff::{read_bytes_as, Format};
pub use sources::{sources, Source, ARTICLE_EXTENSIONS};

use newsprism_core::Article;

/// Largest input file read whole; beyond it the file is reported, not read.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Reads every article from one source.
///
/// A source that cannot be read at all gives a single `Err`; a JSONL file or a feed gives one item
/// per record, so a malformed record is one `Err` among the good articles.
pub fn read_source(source: &Source) -> Vec<Result<Article, IngestError>> {
    let bytes = match source.read_bytes() {
        Ok(b) => b,
        Err(e) => return vec![Err(e)],
    };
    let name = source.display();
    let path = match source {
        Source::Stdin => None,
        Source::File { path, .. } => Some(path.as_path()),
    };
    let id = match source {
        Source::Stdin => "stdin".to_string(),
        Source::File { path, .. } => text::article_id(path),
    };
    let hint = path.and_then(sniff::format_from_path);
    read_bytes_as(&name, &id, &bytes, hint, source.lang_hint(), None)
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
