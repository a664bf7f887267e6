//! [`EmbeddedStore`]: SQLite + tantivy in one directory, no server to run.
//!
//! Layout of the directory: `newsprism.sqlite3` (+ its WAL files), `index/` (tantivy) and
//! `write.lock` (held by the one process that may write). SQLite is the source of truth; the index
//! and the in-memory facet table are derived from it and caught up on open and after each write.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, RwLock};

use rusqlite::Connection;

use crate::error::{Result, StoreError};
use crate::facets::FacetTable;
use crate::text_index::TextIndex;
use crate::types::*;
use crate::{profile, sqlite, ArticleStore};

/// Rows read from SQLite per step when catching the index up.
const CATCH_UP_STEP: usize = 2_000;

/// How the store is opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenMode {
    /// Create if missing, take the write lock, catch the index up.
    ReadWrite,
    /// Read what is there; another process may be writing. The text index may lag the database.
    ReadOnly,
}

/// The embedded store. `Sync`: share it behind an `Arc` between request handlers.
pub struct EmbeddedStore {
    dir: PathBuf,
    mode: OpenMode,
    writer: Option<Mutex<Connection>>,
    readers: Mutex<Vec<Connection>>,
    index: TextIndex,
    facets: RwLock<FacetTable>,
    _lock: Option<File>,
}

/// Database file name inside the store directory.
pub const DB_FILE: &str = "newsprism.sqlite3";

impl EmbeddedStore {
    /// Opens the store in `dir` (created in read-write mode).
    pub fn open(dir: impl AsRef<Path>, mode: OpenMode) -> Result<EmbeddedStore> {
        let dir = dir.as_ref().to_path_buf();
        let dir_err = |e: std::io::Error| StoreError::Dir {
            path: dir.display().to_string(),
            source: e,
        };
        let writable = mode == OpenMode::ReadWrite;
        let lock = if writable {
            std::fs::create_dir_all(&dir).map_err(dir_err)?;
            let f = File::options()
                .create(true)
                .truncate(false)
                .write(true)
                .open(dir.join("write.lock"))
                .map_err(dir_err)?;
            if f.try_lock().is_err() {
                return Err(StoreError::Locked(dir.display().to_string()));
            }
            Some(f)
        } else {
            if !dir.join(DB_FILE).is_file() {
                return Err(StoreError::Dir {
                    path: dir.display().to_string(),
                    source: std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        "no newsprism store here (run `newsprism ingest ... --db DIR` first)",
                    ),
                });
            }
            None
        };
        let db = dir.join(DB_FILE);
        let writer = if writable {
            Some(Mutex::new(sqlite::open(&db, false)?))
        } else {
            None
        };
        let index = TextIndex::open(&dir.join("index"), writable)?;
        let store = EmbeddedStore {
            readers: Mutex::new(vec![sqlite::open(&db, !writable)?]),
            dir,
            mode,
            writer,
            index,
            facets: RwLock::new(FacetTable::default()),
            _lock: lock,
        };
        store.refresh()?;
        if writable {
            store.catch_up_index()?;
        } else {
            store.catch_up_if_unlocked();
        }
        Ok(store)
    }

    /// A reader that finds the index behind the database (a writer crashed before its index
    /// commit) catches it up itself when no writer is running; otherwise the running writer will.
    fn catch_up_if_unlocked(&self) {
        if self.index.indexed_seq()
            >= self
                .facets
                .read()
                .unwrap_or_else(|p| p.into_inner())
                .last_seq()
        {
            return;
        }
        let Ok(f) = File::options()
            .write(true)
            .open(self.dir.join("write.lock"))
        else {
            return;
        };
        if f.try_lock().is_err() {
            return;
        }
        let caught_up = TextIndex::open(&self.dir.join("index"), true).and_then(|w| loop {
            let after = w.indexed_seq();
            let rows = self.with_reader(|c| sqlite::rows_after(c, after, CATCH_UP_STEP, true))?;
            if rows.is_empty() {
                return Ok(());
            }
            w.add_and_commit(&rows)?;
        });
        match caught_up {
            Ok(()) => {
                let _ = self.index.reload();
            }
            Err(e) => eprintln!("newsprism: could not catch the text index up: {e}"),
        }
    }

    /// The directory this store lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn mode(&self) -> OpenMode {
        self.mode
    }

    fn with_reader<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let conn = self.readers.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let conn = match conn {
            Some(c) => c,
            None => sqlite::open(&self.dir.join(DB_FILE), self.mode == OpenMode::ReadOnly)?,
        };
        let out = f(&conn);
        let mut pool = self.readers.lock().unwrap_or_else(|p| p.into_inner());
        if pool.len() < 32 {
            pool.push(conn);
        }
        out
    }

    /// Loads rows stored since the last refresh (by this or another process) into the facet table.
    pub fn refresh(&self) -> Result<()> {
        let last = self
            .facets
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .last_seq();
        let max = self.with_reader(sqlite::max_seq)?;
        if max <= last {
            return Ok(());
        }
        let mut table = self.facets.write().unwrap_or_else(|p| p.into_inner());
        loop {
            let after = table.last_seq();
            let rows = self.with_reader(|c| sqlite::rows_after(c, after, 50_000, false))?;
            if rows.is_empty() {
                break;
            }
            table.extend(rows);
        }
        Ok(())
    }

    /// Indexes every database row the text index does not have yet.
    pub fn catch_up_index(&self) -> Result<()> {
        loop {
            let after = self.index.indexed_seq();
            let rows = self.with_reader(|c| sqlite::rows_after(c, after, CATCH_UP_STEP, true))?;
            if rows.is_empty() {
                return Ok(());
            }
            self.index.add_and_commit(&rows)?;
        }
    }

    /// Which of these input fingerprints are already stored (to skip them on a resumed ingest).
    pub fn known_inputs(&self, fingerprints: &[String]) -> Result<Vec<bool>> {
        self.with_reader(|c| sqlite::known_fingerprints(c, fingerprints))
    }
}

impl ArticleStore for EmbeddedStore {
    fn put_batch(&self, batch: &[NewArticle]) -> Result<BatchReport> {
        let Some(writer) = &self.writer else {
            return Err(StoreError::ReadOnly);
        };
        let outcomes = {
            let mut conn = writer.lock().unwrap_or_else(|p| p.into_inner());
            sqlite::insert_batch(&mut conn, batch)?
        };
        // Committed: from here on the articles are stored whatever happens to the index.
        let index_warning = self.catch_up_index().err().map(|e| e.to_string());
        self.refresh()?;
        Ok(BatchReport {
            outcomes,
            index_warning,
        })
    }

    fn get(&self, id: &str) -> Result<Option<StoredArticle>> {
        self.with_reader(|c| sqlite::get(c, id))
    }

    fn search(&self, q: &SearchQuery) -> Result<SearchResults> {
        self.refresh()?;
        let limit = if q.limit == 0 {
            20
        } else {
            q.limit.min(MAX_PAGE)
        };
        let text = q.q.trim();
        let (query, warnings) = if text.is_empty() {
            (None, Vec::new())
        } else {
            let (query, w) = self.index.parse(text);
            (Some(query), w)
        };
        let candidates = match &query {
            Some(query) => Some(self.index.matches(query.as_ref())?),
            None => None,
        };
        let table = self.facets.read().unwrap_or_else(|p| p.into_inner());
        let filter = table.compile(q).map_err(StoreError::BadQuery)?;
        let eval = table.evaluate(candidates, &filter, q.sort == SortOrder::Newest);
        let page: Vec<(usize, Option<f32>)> = eval
            .matches
            .iter()
            .skip(q.offset)
            .take(limit)
            .copied()
            .collect();
        let seqs: Vec<u64> = page.iter().map(|(i, _)| table.row(*i).seq).collect();
        let bodies = self.with_reader(|c| sqlite::bodies(c, &seqs))?;
        let langs: Vec<&str> = page
            .iter()
            .map(|(i, _)| table.lang_of(table.row(*i)))
            .collect();
        let snippets = match &query {
            Some(qq) => {
                let docs: Vec<(&str, &str)> = langs
                    .iter()
                    .copied()
                    .zip(bodies.iter().map(String::as_str))
                    .collect();
                self.index.snippets(qq.as_ref(), &docs)
            }
            None => vec![None; page.len()],
        };
        let hits = page
            .iter()
            .zip(bodies.iter().zip(snippets))
            .map(|((i, score), (body, snippet))| {
                let r = table.row(*i);
                SearchHit {
                    id: r.doc_id.to_string(),
                    title: r.title.as_deref().map(str::to_string),
                    outlet: table.outlet_of(r).map(str::to_string),
                    lang: table.lang_of(r).to_string(),
                    published: r.published.as_deref().map(str::to_string),
                    genre: table.genre_of(r).to_string(),
                    frames: table.frames_of(r),
                    techniques: table.techniques_of(r),
                    score: *score,
                    snippet: snippet.unwrap_or_else(|| lead(body, r.title.as_deref())),
                }
            })
            .collect();
        Ok(SearchResults {
            total: eval.matches.len(),
            offset: q.offset,
            limit,
            hits,
            facets: eval.facets,
            warnings,
        })
    }

    fn all_articles(&self) -> Result<Vec<StoredArticle>> {
        self.with_reader(sqlite::all)
    }

    fn outlets(&self) -> Result<Vec<OutletSummary>> {
        self.with_reader(profile::outlets)
    }

    fn outlet_profile(&self, outlet: Option<&str>) -> Result<Option<OutletProfile>> {
        self.with_reader(|c| profile::outlet_profile(c, outlet))
    }

    fn stats(&self) -> Result<StoreStats> {
        self.refresh()?;
        let outlets = self.with_reader(|c| {
            Ok(c.query_row(
                "SELECT COUNT(DISTINCT COALESCE(outlet, '')) FROM articles",
                [],
                |r| r.get::<_, i64>(0),
            )?)
        })?;
        let max = self.with_reader(sqlite::max_seq)?;
        let indexed = self.index.indexed_seq();
        let lag = if max > indexed {
            self.with_reader(|c| {
                Ok(c.query_row(
                    "SELECT COUNT(*) FROM articles WHERE seq > ?1",
                    [indexed as i64],
                    |r| r.get::<_, i64>(0),
                )?)
            })? as usize
        } else {
            0
        };
        Ok(StoreStats {
            articles: self.facets.read().unwrap_or_else(|p| p.into_inner()).len(),
            outlets: outlets as usize,
            index_lag: lag,
        })
    }
}

/// Opening lines of the body as a snippet when there is no query text to highlight.
fn lead(body: &str, title: Option<&str>) -> Snippet {
    let mut text = String::new();
    for line in body.lines() {
        let line = line.trim();
        if line.is_empty() || Some(line) == title.map(str::trim) {
            continue;
        }
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(line);
        if text.len() >= 240 {
            break;
        }
    }
    if text.len() > 240 {
        let mut cut = 240;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
        text.push('…');
    }
    Snippet {
        text,
        highlights: Vec::new(),
    }
}
