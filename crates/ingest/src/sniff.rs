//! Which reader a file needs: from its extension, checked against its first bytes.

use std::io::Read;
use std::path::Path;

use newsprism_core::{Article, Lang};

use crate::decode::decode_markup;
use crate::text::looks_binary;
use crate::{feed, html, jsonl, text, IngestError, Problem, MAX_FILE_BYTES};

/// Input formats newsprism reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Jsonl,
    Html,
    /// RSS, Atom, RDF or JSON Feed.
    Feed,
}

/// The format an extension promises (`.gz` is looked through).
pub(crate) fn format_from_path(path: &Path) -> Option<Format> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit_once('.')?.1;
    match ext {
        "txt" | "text" => Some(Format::Text),
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
        // `.xml` named explicitly: a feed, or XHTML (content decides); anything else is reported
        // as not a feed rather than read as text full of tags.
        "rss" | "atom" | "xml" => Some(Format::Feed),
        _ => None,
    }
}

/// Guesses the format from the first bytes.
fn sniff(bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(4096)];
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map_or(head, |i| &head[i..]);
    let start = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(start);
    if start.first() == Some(&b'{') {
        return Format::Jsonl;
    }
    if feed::looks_like_feed(bytes) {
        return Format::Feed;
    }
    let lower: Vec<u8> = start
        .iter()
        .take(1024)
        .map(u8::to_ascii_lowercase)
        .collect();
    let has = |n: &[u8]| lower.windows(n.len()).any(|w| w == n);
    if lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || (lower.first() == Some(&b'<') && (has(b"<html") || has(b"<head") || has(b"<body")))
    {
        return Format::Html;
    }
    Format::Text
}

/// Uncompressed size allowed for a `.gz` input (a zip bomb must not fill memory).
const MAX_GUNZIP_BYTES: u64 = MAX_FILE_BYTES;

fn gunzip(name: &str, bytes: &[u8]) -> Result<Vec<u8>, IngestError> {
    let mut out = Vec::new();
    let dec = flate2::read::MultiGzDecoder::new(bytes);
    dec.take(MAX_GUNZIP_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| IngestError::new(name, Problem::Other(format!("bad gzip data: {e}"))))?;
    if out.len() as u64 > MAX_GUNZIP_BYTES {
        return Err(IngestError::new(
            name,
            Problem::TooLarge {
                bytes: out.len() as u64,
                limit: MAX_GUNZIP_BYTES,
            },
        ));
    }
    Ok(out)
}

/// Reads the bytes of one input. `hint` is the format the name promises (content wins when the
/// two clearly disagree, e.g. a page saved as `.txt`); `charset` is a declared encoding (HTTP
/// `Content-Type`); `url` is where the bytes were downloaded from.
pub fn read_bytes_as(
    name: &str,
    id: &str,
    bytes: &[u8],
    hint: Option<Format>,
    lang_hint: Option<Lang>,
    url: Option<&str>,
) -> Vec<Result<Article, IngestError>> {
    read_bytes_with_charset(name, id, bytes, hint, lang_hint, url, None)
}

/// [`read_bytes_as`] with a declared charset (e.g. from an HTTP header).
pub(crate) fn read_bytes_with_charset(
    name: &str,
    id: &str,
    bytes: &[u8],
    hint: Option<Format>,
    lang_hint: Option<Lang>,
    url: Option<&str>,
    charset: Option<&str>,
) -> Vec<Result<Article, IngestError>> {
    let owned;
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        match gunzip(name, bytes) {
            Ok(b) => {
                owned = b;
                &owned[..]
            }
            Err(e) => return vec![Err(e)],
        }
    } else {
        bytes
    };
    if bytes.is_empty() || bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return vec![Err(IngestError::new(name, Problem::Empty))];
    }
    let sniffed = sniff(bytes);
    let format = match (hint, sniffed) {
        (None, s) => s,
        // A `.txt` or an `.html` that is really a feed or a page: trust the content.
        (Some(Format::Text), s @ (Format::Html | Format::Feed)) => s,
        (Some(Format::Html), Format::Feed) => Format::Feed,
        (Some(Format::Feed), Format::Html) => Format::Html,
        (Some(h), _) => h,
    };
    match format {
        Format::Jsonl => jsonl::read_jsonl(name, bytes, lang_hint),
        Format::Feed => feed::read_feed(name, bytes),
        Format::Text => vec![text::read_text_bytes(name, id, bytes, lang_hint)],
        Format::Html => {
            if looks_binary(bytes) {
                return vec![Err(IngestError::new(name, Problem::Binary))];
            }
            let decoded = decode_markup(bytes, charset);
            let mut r = html::html_article(name, id.to_string(), &decoded.text, url);
            if let Ok(a) = &mut r {
                if a.declared_lang.is_none() {
                    a.declared_lang = lang_hint;
                }
            }
            vec![r]
        }
    }
}
