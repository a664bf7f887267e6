use std::fmt;

/// An input that could not become an article: names the item and says what is wrong with it.
#[derive(Debug, thiserror::Error)]
#[error("{item}: {problem}")]
pub struct IngestError {
    /// File path, `path:line` for a JSONL line, or `-` for stdin.
    pub item: String,
    pub problem: Problem,
}

impl IngestError {
    pub fn new(item: impl Into<String>, problem: Problem) -> Self {
        IngestError {
            item: item.into(),
            problem,
        }
    }
}

/// What was wrong with an input.
#[derive(Debug)]
pub enum Problem {
    Io(std::io::Error),
    NotFound,
    Empty,
    /// Looks like a binary file (NUL bytes or mostly control characters).
    Binary,
    /// Not UTF-8 and no charset could be determined; `at` is the first bad byte.
    InvalidUtf8 {
        at: usize,
    },
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    Json(String),
    MissingField(&'static str),
    /// A directory walk that found nothing readable.
    NoArticles,
    Other(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Io(e) => write!(f, "cannot read: {e}"),
            Problem::NotFound => f.write_str("no such file or directory"),
            Problem::Empty => f.write_str("empty input (no text)"),
            Problem::Binary => f.write_str("binary data, not a text or HTML article"),
            Problem::InvalidUtf8 { at } => {
                write!(f, "not valid UTF-8 (first bad byte at offset {at})")
            }
            Problem::TooLarge { bytes, limit } => {
                write!(f, "file too large ({bytes} bytes; limit {limit})")
            }
            Problem::Json(e) => write!(f, "malformed JSON: {e}"),
            Problem::MissingField(name) => write!(f, "missing required field `{name}`"),
            Problem::NoArticles => f.write_str("no article files found"),
            Problem::Other(s) => f.write_str(s),
        }
    }
}
