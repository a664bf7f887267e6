//! Plain and SemEval-style `.txt` articles.

use newsprism_core::article::split_lines;
use newsprism_core::{Article, Lang};

use crate::decode::decode_text;
use crate::{IngestError, Problem, Source};

/// Reads a text article of the SemEval layouts (id from the file name, language from the folder).
pub(crate) fn read_text(source: &Source, name: &str, bytes: &[u8]) -> Result<Article, IngestError> {
    let id = match source {
        Source::Stdin => "stdin".to_string(),
        Source::File { path, .. } => article_id(path),
    };
    read_text_bytes(name, &id, bytes, source.lang_hint())
}

/// Reads a text article from bytes in any common encoding (BOM, else UTF-8, else detected).
///
/// Line 1 counts as the title when line 2 is empty (the task layout); the lines keep their
/// numbers either way.
pub(crate) fn read_text_bytes(
    name: &str,
    id: &str,
    bytes: &[u8],
    lang_hint: Option<Lang>,
) -> Result<Article, IngestError> {
    if looks_binary(bytes) {
        return Err(IngestError::new(name, Problem::Binary));
    }
    let text = decode_text(bytes).text;
    let lines = split_lines(&text);
    if lines.iter().all(|l| l.trim().is_empty()) {
        return Err(IngestError::new(name, Problem::Empty));
    }
    let title_is_line_1 =
        lines.len() >= 2 && lines[1].trim().is_empty() && !lines[0].trim().is_empty();
    Ok(Article {
        id: id.to_string(),
        path: name.to_string(),
        title: title_is_line_1.then(|| lines[0].trim().to_string()),
        title_is_line_1,
        lines,
        declared_lang: lang_hint,
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
