//! The SQLite side: the source of truth. Every article is one row in `articles` (its full analysis
//! as JSON plus the columns that queries need) and a few rows in `labels` (frames and techniques,
//! for profiles). WAL mode lets the server read while an ingest writes.

use std::path::Path;
use std::time::Duration;

use newsprism_core::ArticleAnalysis;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};

use crate::error::{Result, StoreError};
use crate::identity;
use crate::types::{NewArticle, PutOutcome, StoredArticle};

/// Schema version written to `meta`; bump with a migration when columns change.
pub const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL UNIQUE,
    url TEXT UNIQUE,
    content_hash TEXT NOT NULL,
    fingerprint TEXT,
    input_id TEXT NOT NULL,
    path TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    lang TEXT NOT NULL,
    published TEXT,
    day INTEGER,
    genre TEXT NOT NULL,
    word_count INTEGER NOT NULL,
    paragraphs INTEGER NOT NULL,
    technique_count INTEGER NOT NULL,
    body TEXT NOT NULL,
    analysis TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_content ON articles(content_hash);
CREATE INDEX IF NOT EXISTS articles_fingerprint ON articles(fingerprint);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);
CREATE TABLE IF NOT EXISTS labels (
    seq INTEGER NOT NULL REFERENCES articles(seq),
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (seq, kind, label)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS labels_kind ON labels(kind, label);
CREATE TABLE IF NOT EXISTS seen_inputs (
    fingerprint TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL
) WITHOUT ROWID;
";

/// Opens (creating if needed) the database file with the pragmas the store relies on.
pub fn open(path: &Path, read_only: bool) -> Result<Connection> {
    let flags = if read_only {
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
    };
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(Duration::from_secs(10))?;
    if !read_only {
        // WAL: readers never block the writer; FULL: a commit survives power loss, not only a crash.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.execute_batch(SCHEMA)?;
        conn.execute(
            "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?1)",
            params![SCHEMA_VERSION.to_string()],
        )?;
    }
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

/// Inputs already stored, by fingerprint (to skip re-analysis on resume).
pub fn known_fingerprints(conn: &Connection, fps: &[String]) -> Result<Vec<bool>> {
    // Inputs that were stored, and inputs that turned out to duplicate a stored article.
    let mut stmt = conn.prepare_cached(
        "SELECT 1 FROM articles WHERE fingerprint = ?1 \
         UNION ALL SELECT 1 FROM seen_inputs WHERE fingerprint = ?1 LIMIT 1",
    )?;
    fps.iter().map(|fp| Ok(stmt.exists(params![fp])?)).collect()
}

fn lang_code(a: &ArticleAnalysis) -> String {
    a.lang
        .code
        .map(|l| l.as_str().to_string())
        .unwrap_or_else(|| "und".to_string())
}

/// Body text used for snippets and full-text indexing: paragraph texts, one per line.
pub fn body_text(a: &ArticleAnalysis) -> String {
    let mut s = String::new();
    for p in &a.paragraphs {
        if !s.is_empty() {
            s.push('\n');
        }
        s.push_str(&p.text);
    }
    s
}

fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    // Civil-from-days (Howard Hinnant), to avoid a date crate for one timestamp.
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Writes a batch in one transaction. Returns the outcomes and the highest new `seq`.
/// Nothing is visible (or reported stored) until the transaction commits.
pub fn insert_batch(conn: &mut Connection, batch: &[NewArticle]) -> Result<Vec<PutOutcome>> {
    let tx = conn.transaction()?;
    let mut out = Vec::with_capacity(batch.len());
    {
        let mut find = tx.prepare_cached(
            "SELECT doc_id FROM articles WHERE doc_id = ?1 OR (url IS NOT NULL AND url = ?2) \
             OR (?2 IS NULL AND url IS NULL AND content_hash = ?3) LIMIT 1",
        )?;
        let mut ins = tx.prepare_cached(
            "INSERT INTO articles (doc_id, url, content_hash, fingerprint, input_id, path, title, \
             outlet, lang, published, day, genre, word_count, paragraphs, technique_count, body, \
             analysis, ingested_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18)",
        )?;
        let mut lab =
            tx.prepare_cached("INSERT INTO labels (seq, kind, label, n) VALUES (?1, ?2, ?3, ?4)")?;
        let mut seen = tx.prepare_cached(
            "INSERT OR IGNORE INTO seen_inputs (fingerprint, doc_id) VALUES (?1, ?2)",
        )?;
        let now = now_rfc3339();
        for item in batch {
            let a = &item.analysis;
            let (url, content, id) = identity::identity(a);
            if let Some(existing) = find
                .query_row(params![id, url, content], |r| r.get::<_, String>(0))
                .optional()?
            {
                if let Some(fp) = &item.fingerprint {
                    seen.execute(params![fp, existing])?;
                }
                out.push(PutOutcome::Duplicate { id: existing });
                continue;
            }
            let json = serde_json::to_string(a).map_err(|e| StoreError::Corrupt {
                id: id.clone(),
                problem: e.to_string(),
            })?;
            let techniques: usize = a.paragraphs.iter().map(|p| p.techniques.len()).sum();
            let day = a.published.as_deref().and_then(identity::day_number);
            ins.execute(params![
                id,
                url,
                content,
                item.fingerprint,
                a.id,
                a.path,
                a.title,
                a.source.as_deref().map(str::trim).filter(|s| !s.is_empty()),
                lang_code(a),
                a.published,
                day,
                a.genre.label,
                a.word_count as i64,
                a.paragraphs.len() as i64,
                techniques as i64,
                body_text(a),
                json,
                now,
            ])?;
            let seq = tx.last_insert_rowid();
            for f in &a.frames {
                lab.execute(params![seq, "frame", f.label, 1])?;
            }
            let mut per_tech: std::collections::BTreeMap<&str, i64> = Default::default();
            for p in &a.paragraphs {
                for t in &p.techniques {
                    *per_tech.entry(t.label.as_str()).or_default() += 1;
                }
            }
            for (t, n) in per_tech {
                lab.execute(params![seq, "technique", t, n])?;
            }
            out.push(PutOutcome::Stored { id });
        }
    }
    tx.commit()?;
    Ok(out)
}

/// Highest `seq` stored (0 when empty).
pub fn max_seq(conn: &Connection) -> Result<u64> {
    let v: Option<i64> = conn.query_row("SELECT MAX(seq) FROM articles", [], |r| r.get(0))?;
    Ok(v.unwrap_or(0) as u64)
}

/// The columns the in-memory facet table and the text index need, for rows after `after_seq`.
pub struct IndexRow {
    pub seq: u64,
    pub doc_id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub lang: String,
    pub published: Option<String>,
    pub day: Option<u32>,
    pub genre: String,
    pub frames: Vec<String>,
    pub techniques: Vec<String>,
    pub body: Option<String>,
}

/// Reads rows with `seq > after_seq` in `seq` order, at most `limit` of them; `with_body` also
/// loads the text (for indexing).
pub fn rows_after(
    conn: &Connection,
    after_seq: u64,
    limit: usize,
    with_body: bool,
) -> Result<Vec<IndexRow>> {
    let sql = if with_body {
        "SELECT seq, doc_id, title, outlet, lang, published, day, genre, body FROM articles \
         WHERE seq > ?1 ORDER BY seq LIMIT ?2"
    } else {
        "SELECT seq, doc_id, title, outlet, lang, published, day, genre, NULL FROM articles \
         WHERE seq > ?1 ORDER BY seq LIMIT ?2"
    };
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows: Vec<IndexRow> = stmt
        .query_map(params![after_seq as i64, limit as i64], |r| {
            Ok(IndexRow {
                seq: r.get::<_, i64>(0)? as u64,
                doc_id: r.get(1)?,
                title: r.get(2)?,
                outlet: r.get(3)?,
                lang: r.get(4)?,
                published: r.get(5)?,
                day: r.get::<_, Option<i64>>(6)?.map(|d| d as u32),
                genre: r.get(7)?,
                frames: Vec::new(),
                techniques: Vec::new(),
                body: r.get(8)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    if let (Some(first), Some(last)) = (rows.first(), rows.last()) {
        let (lo, hi) = (first.seq as i64, last.seq as i64);
        let mut lab = conn.prepare_cached(
            "SELECT seq, kind, label FROM labels WHERE seq BETWEEN ?1 AND ?2 ORDER BY seq",
        )?;
        let mut it = lab.query(params![lo, hi])?;
        let mut idx = 0usize;
        while let Some(r) = it.next()? {
            let seq = r.get::<_, i64>(0)? as u64;
            let kind: String = r.get(1)?;
            let label: String = r.get(2)?;
            while idx < rows.len() && rows[idx].seq < seq {
                idx += 1;
            }
            if idx < rows.len() && rows[idx].seq == seq {
                if kind == "frame" {
                    rows[idx].frames.push(label);
                } else {
                    rows[idx].techniques.push(label);
                }
            }
        }
    }
    Ok(rows)
}

/// One stored article by public id.
pub fn get(conn: &Connection, id: &str) -> Result<Option<StoredArticle>> {
    let mut stmt = conn.prepare_cached(
        "SELECT doc_id, input_id, outlet, lang, ingested_at, analysis FROM articles WHERE doc_id = ?1",
    )?;
    match stmt.query_row(params![id], raw_row).optional()? {
        Some(raw) => stored(raw).map(Some),
        None => Ok(None),
    }
}

/// The columns `SELECT doc_id, input_id, outlet, lang, ingested_at, analysis` returns.
type RawRow = (String, String, Option<String>, String, String, String);

fn raw_row(r: &rusqlite::Row) -> rusqlite::Result<RawRow> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
    ))
}

/// Decodes a row; a stored analysis that no longer parses is reported as corruption.
fn stored((id, input_id, outlet, lang, ingested_at, json): RawRow) -> Result<StoredArticle> {
    let analysis: ArticleAnalysis =
        serde_json::from_str(&json).map_err(|e| StoreError::Corrupt {
            id: id.clone(),
            problem: e.to_string(),
        })?;
    Ok(StoredArticle {
        id,
        input_id,
        outlet,
        lang,
        ingested_at,
        analysis,
    })
}

/// Every stored article in storage order (for whole-archive computations such as stories).
pub fn all(conn: &Connection) -> Result<Vec<StoredArticle>> {
    let mut stmt = conn.prepare_cached(
        "SELECT doc_id, input_id, outlet, lang, ingested_at, analysis FROM articles ORDER BY seq",
    )?;
    let rows = stmt.query_map([], raw_row)?;
    rows.map(|row| stored(row?)).collect()
}

/// Bodies of the given rows, for snippets.
pub fn bodies(conn: &Connection, seqs: &[u64]) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT body FROM articles WHERE seq = ?1")?;
    seqs.iter()
        .map(|s| {
            Ok(stmt
                .query_row(params![*s as i64], |r| r.get::<_, String>(0))
                .optional()?
                .unwrap_or_default())
        })
        .collect()
}
