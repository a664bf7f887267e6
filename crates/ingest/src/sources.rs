//! Expanding user paths into the list of things to read.

use std::io::Read;
use std::path::{Path, PathBuf};

use newsprism_core::Lang;

use crate::{IngestError, Problem, MAX_FILE_BYTES};

/// One readable input.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    Stdin,
    File {
        path: PathBuf,
        /// Language implied by the folder layout (`en/articles/...`), used as the declared language.
        lang_hint: Option<Lang>,
    },
}

impl Source {
    pub fn display(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File { path, .. } => path.display().to_string(),
        }
    }

    pub fn lang_hint(&self) -> Option<Lang> {
        match self {
            Source::Stdin => None,
            Source::File { lang_hint, .. } => *lang_hint,
        }
    }

    /// Reads the whole input, refusing anything over [`MAX_FILE_BYTES`].
    pub fn read_bytes(&self) -> Result<Vec<u8>, IngestError> {
        let name = self.display();
        let mut buf = Vec::new();
        let res = match self {
            Source::Stdin => std::io::stdin()
                .lock()
                .take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut buf),
            Source::File { path, .. } => {
                let f = std::fs::File::open(path).map_err(|e| io_problem(&name, e))?;
                let len = f.metadata().map(|m| m.len()).unwrap_or(0);
                if len > MAX_FILE_BYTES {
                    return Err(IngestError::new(
                        name,
                        Problem::TooLarge {
                            bytes: len,
                            limit: MAX_FILE_BYTES,
                        },
                    ));
                }
                f.take(MAX_FILE_BYTES + 1).read_to_end(&mut buf)
            }
        };
        res.map_err(|e| io_problem(&name, e))?;
        if buf.len() as u64 > MAX_FILE_BYTES {
            return Err(IngestError::new(
                name,
                Problem::TooLarge {
                    bytes: buf.len() as u64,
                    limit: MAX_FILE_BYTES,
                },
            ));
        }
        Ok(buf)
    }
}

fn io_problem(name: &str, e: std::io::Error) -> IngestError {
    let p = if e.kind() == std::io::ErrorKind::NotFound {
        Problem::NotFound
    } else {
        Problem::Io(e)
    };
    IngestError::new(name, p)
}

/// File extensions read during a directory walk (files named explicitly are always read).
pub const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "jsonl", "ndjson", "html", "htm", "xhtml", "html.gz", "htm.gz", "xml", "rss", "atom",
];

/// Expands paths: `-` is stdin, a file is itself, a directory is walked recursively in sorted order.
///
/// In a directory walk, the label and span files of the SemEval layout (`labels-subtask-3.txt`,
/// `train-labels-subtask-1.txt`, `spans-*.txt`, the label vocabularies next to the language folders)
/// are skipped: they are `.txt` but not articles. Returns the sources and the paths that failed.
pub fn sources(paths: &[String]) -> (Vec<Source>, Vec<IngestError>) {
    let mut out = Vec::new();
    let mut errs = Vec::new();
    for p in paths {
        if p == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let path = PathBuf::from(p);
        match std::fs::metadata(&path) {
            Err(e) => errs.push(io_problem(p, e)),
            Ok(m) if m.is_dir() => {
                let before = out.len();
                walk(&path, &mut out, &mut errs);
                if out.len() == before {
                    errs.push(IngestError::new(p.clone(), Problem::NoArticles));
                }
            }
            Ok(_) => {
                let lang_hint = lang_from_layout(&path);
                out.push(Source::File { path, lang_hint });
            }
        }
    }
    (out, errs)
}

fn walk(dir: &Path, out: &mut Vec<Source>, errs: &mut Vec<IngestError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            errs.push(io_problem(&dir.display().to_string(), e));
            return;
        }
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    let is_dataset_root = entries.iter().any(|p| p.is_dir() && has_label_files(p));
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, out, errs);
            continue;
        }
        if !is_article_file(name) || is_label_file(name) {
            continue;
        }
        if is_dataset_root && matches!(name, "frames.txt" | "genres.txt" | "techniques.txt") {
            continue;
        }
        // `.xml` is also sitemaps, configs and office files: only feeds are articles.
        if name.to_ascii_lowercase().ends_with(".xml") && !xml_is_feed(&path) {
            continue;
        }
        let lang_hint = lang_from_layout(&path);
        out.push(Source::File { path, lang_hint });
    }
}

fn xml_is_feed(path: &Path) -> bool {
    let mut head = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(2048).read_to_end(&mut head))
        .is_ok()
        && crate::feed::looks_like_feed(&head)
}

fn is_article_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    ARTICLE_EXTENSIONS
        .iter()
        .any(|ext| lower.ends_with(&format!(".{ext}")))
}

/// Label, span and template files of the SemEval layouts.
pub(crate) fn is_label_file(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.contains("labels-subtask")
        || n.starts_with("spans-")
        || n.contains("-spans-")
        || n.starts_with("template")
        || n.starts_with("readme")
}

fn has_label_files(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .any(|e| is_label_file(&e.file_name().to_string_lossy()))
        })
        .unwrap_or(false)
}

/// The language folder of the task layouts: `<lang>/articles/x.txt` or
/// `<lang>/train-articles-subtask-3/x.txt`. The original release named German and Polish `ge`/`po`.
pub fn lang_from_layout(path: &Path) -> Option<Lang> {
    let parent = path.parent()?;
    let parent_name = parent.file_name()?.to_str()?;
    if !parent_name.contains("articles") {
        return None;
    }
    let lang_dir = parent.parent()?.file_name()?.to_str()?;
    lang_from_folder(lang_dir)
}

/// Maps a task language folder name to a language.
pub fn lang_from_folder(name: &str) -> Option<Lang> {
    match name {
        "ge" => Some(Lang::DE),
        "po" => Some(Lang::PL),
        n if n.len() == 2 => Lang::parse(n),
        _ => None,
    }
}
