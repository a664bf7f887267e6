//! Plain and SemEval-style `.txt` articles.

use newsprism_core::article::split_lines;
use newsprism_core::Article;

use crate::{IngestError, Problem, Source};

/// Reads a text article. The id is the digits of `article<ID>.txt`, else the file stem.
///
/// Line 1 counts as the title when line 2 is empty (the task layout); the lines keep their
/// numbers either way.
pub(crate) fn read_text(source: &Source, name: &str, bytes: &[u8]) -> Result<Article, IngestError> {
    let text = decode_utf8(name, bytes)?;
    let id = match source {
        Source::Stdin => "stdin".to_string(),
        Source::File { path, .. } => article_id(path),
    };
    let lines = split_lines(text);
    let title_is_line_1 =
        lines.len() >= 2 && lines[1].trim().is_empty() && !lines[0].trim().is_empty();
    Ok(Article {
        id,
        path: name.to_string(),
        title: title_is_line_1.then(|| lines[0].trim().to_string()),
        title_is_line_1,
        lines,
        declared_lang: source.lang_hint(),
        ..Article::default()
    })
}

/// Article id from a file name: the digits of `article<ID>.txt`, else the file stem.
pub fn article_id(path: &std::path::Path) -> String {
    let stem = path
        .file_name()
        .and_then(|n| n.to_str())
        .map(|n| n.split('.').next().unwrap_or(n))
        .unwrap_or("article");
    if let Some(rest) = stem.strip_prefix("article") {
        if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) {
            return rest.to_string();
        }
    }
    stem.to_string()
}

/// Checks that bytes are text: rejects binary data, requires UTF-8 (a BOM is allowed).
pub(crate) fn decode_utf8<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, IngestError> {
    if looks_binary(bytes) {
        return Err(IngestError::new(name, Problem::Binary));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        IngestError::new(
            name,
            Problem::InvalidUtf8 {
                at: e.valid_up_to(),
            },
        )
    })
}

/// NUL bytes or a high share of control characters in the first 8 KiB.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let ctrl = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    ctrl * 10 > head.len()
}
