//! JSONL input: one article object per line.

use newsprism_core::article::split_lines;
use newsprism_core::{Article, Lang};
use serde::Deserialize;

use crate::html::html_article;
use crate::{IngestError, Problem};

/// One line of JSONL input. Only `text` (or `html`) is required.
#[derive(Debug, Deserialize)]
pub struct JsonlRecord {
    #[serde(default)]
    pub id: Option<serde_json::Value>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub html: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub author: Option<String>,
}

impl JsonlRecord {
    /// Turns a record into an article; `fallback_id` is used when the record has no `id`.
    pub fn into_article(
        self,
        item: &str,
        fallback_id: String,
        lang_hint: Option<Lang>,
    ) -> Result<Article, IngestError> {
        let id = match self.id {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            None | Some(serde_json::Value::Null) => fallback_id,
            Some(other) => {
                return Err(IngestError::new(
                    item,
                    Problem::Json(format!("`id` must be a string or number, got {other}")),
                ))
            }
        };
        let text = match (self.text, self.html) {
            (Some(t), _) if !t.trim().is_empty() => t,
            (_, Some(h)) if !h.trim().is_empty() => {
                // A scraped page: extract its main text; the record's own fields win over the
                // page's metadata.
                let mut a = html_article(item, id, &h, self.url.as_deref())?;
                if let Some(t) = self
                    .title
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty())
                {
                    a.title_is_line_1 = a.lines.first().is_some_and(|l| l.trim() == t);
                    a.title = Some(t);
                }
                a.url = self.url.or(a.url);
                a.source = self.source.or(a.source);
                a.declared_lang = self
                    .lang
                    .as_deref()
                    .and_then(Lang::parse)
                    .or(a.declared_lang)
                    .or(lang_hint);
                a.published = self.published.or(a.published);
                a.author = self.author.or(a.author);
                return Ok(a);
            }
            (Some(_), _) | (None, Some(_)) => return Err(IngestError::new(item, Problem::Empty)),
            (None, None) => return Err(IngestError::new(item, Problem::MissingField("text"))),
        };
        Ok(Article {
            id,
            path: item.to_string(),
            title: self
                .title
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty()),
            title_is_line_1: false,
            lines: split_lines(&text),
            url: self.url,
            source: self.source,
            declared_lang: self.lang.as_deref().and_then(Lang::parse).or(lang_hint),
            published: self.published,
            author: self.author,
            ..Article::default()
        })
    }
}

pub(crate) fn read_jsonl(
    name: &str,
    bytes: &[u8],
    lang_hint: Option<Lang>,
) -> Vec<Result<Article, IngestError>> {
    let stem = std::path::Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("stdin")
        .to_string();
    let mut out = Vec::new();
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let lineno = i + 1;
        let item = format!("{name}:{lineno}");
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if raw.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let line = match std::str::from_utf8(raw) {
            Ok(l) => l,
            Err(e) => {
                out.push(Err(IngestError::new(
                    item,
                    Problem::InvalidUtf8 {
                        at: e.valid_up_to(),
                    },
                )));
                continue;
            }
        };
        let rec: JsonlRecord = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                out.push(Err(IngestError::new(item, Problem::Json(e.to_string()))));
                continue;
            }
        };
        out.push(rec.into_article(&item, format!("{stem}-{lineno}"), lang_hint));
    }
    if out.is_empty() {
        out.push(Err(IngestError::new(name, Problem::Empty)));
    }
    out
}
