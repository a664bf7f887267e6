//! The tantivy full-text index: a derived, rebuildable copy of the database's text.
//!
//! Each article's text goes into one field per language (`text_en`, `text_fr`, ...) whose analyzer
//! lower-cases and stems with that language's Snowball stemmer; languages without a stemmer in
//! tantivy (Polish, Georgian, unknown) go to `text_other`, which lower-cases and folds diacritics.
//! A query is parsed against all fields, each with its own analyzer, so "elections" finds
//! "election" in English and "élections" finds "élection" in French.
//!
//! The index records, as its commit payload, the highest database `seq` it contains. On open it
//! indexes every row after that, so a crash between a database commit and an index commit loses
//! nothing; an index that cannot be opened is deleted and rebuilt from the database.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::directory::MmapDirectory;
use tantivy::query::{Query, QueryParser};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};
use tantivy::{
    DocId, Index, IndexReader, IndexWriter, ReloadPolicy, Score, SegmentOrdinal, SegmentReader,
    TantivyDocument, TantivyError,
};

use crate::error::{Result, StoreError};
use crate::sqlite::IndexRow;
use crate::types::Snippet;

/// Languages with a stemmed field of their own.
const STEMMED: &[(&str, Language)] = &[
    ("en", Language::English),
    ("fr", Language::French),
    ("de", Language::German),
    ("it", Language::Italian),
    ("ru", Language::Russian),
    ("es", Language::Spanish),
    ("el", Language::Greek),
    ("pt", Language::Portuguese),
    ("nl", Language::Dutch),
];

/// Version of the index layout; a different version in the payload forces a rebuild.
const LAYOUT: u32 = 1;

/// The field handles of the schema.
#[derive(Clone)]
struct Fields {
    seq: Field,
    title: Field,
    /// Per-language text fields in `STEMMED` order, then `text_other`.
    text: Vec<Field>,
}

impl Fields {
    fn for_lang(&self, lang: &str) -> Field {
        let i = STEMMED
            .iter()
            .position(|(code, _)| *code == lang)
            .unwrap_or(STEMMED.len());
        self.text[i]
    }
}

fn build_schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let seq = b.add_u64_field("seq", FAST);
    let opts = |tok: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tok)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let title = b.add_text_field("title", opts("np_other"));
    let mut text = Vec::new();
    for (code, _) in STEMMED {
        text.push(b.add_text_field(&format!("text_{code}"), opts(&format!("np_{code}"))));
    }
    text.push(b.add_text_field("text_other", opts("np_other")));
    (b.build(), Fields { seq, title, text })
}

fn register_analyzers(index: &Index) {
    let mgr = index.tokenizers();
    for (code, lang) in STEMMED {
        mgr.register(
            &format!("np_{code}"),
            TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(40))
                .filter(LowerCaser)
                .filter(Stemmer::new(*lang))
                .build(),
        );
    }
    mgr.register(
        "np_other",
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build(),
    );
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Payload {
    layout: u32,
    seq: u64,
}

/// The index plus, in read-write mode, its single writer.
pub struct TextIndex {
    index: Index,
    reader: IndexReader,
    writer: Option<Mutex<IndexWriter>>,
    fields: Fields,
    parser: QueryParser,
}

fn open_index(dir: &Path, schema: &Schema) -> tantivy::Result<Index> {
    let d = MmapDirectory::open(dir).map_err(|e| TantivyError::SystemError(e.to_string()))?;
    Index::open_or_create(d, schema.clone())
}

impl TextIndex {
    /// Opens or creates the index in `dir`. In read-write mode a damaged or outdated index is
    /// deleted and recreated empty (the caller then catches it up from the database).
    pub fn open(dir: &Path, writable: bool) -> Result<TextIndex> {
        let (schema, fields) = build_schema();
        std::fs::create_dir_all(dir).map_err(|e| dir_err(dir, e))?;
        let index = match open_index(dir, &schema) {
            Ok(i) => {
                let current = is_empty(&i) || payload_of(&i).is_some_and(|p| p.layout == LAYOUT);
                if current || !writable {
                    i
                } else {
                    drop(i);
                    wipe(dir)?;
                    open_index(dir, &schema)?
                }
            }
            Err(_) if writable => {
                wipe(dir)?;
                open_index(dir, &schema)?
            }
            Err(e) => return Err(e.into()),
        };
        register_analyzers(&index);
        let writer = if writable {
            let w: IndexWriter =
                index
                    .writer_with_num_threads(1, 64_000_000)
                    .map_err(|e| match e {
                        TantivyError::LockFailure(..) => {
                            StoreError::Locked(dir.display().to_string())
                        }
                        e => e.into(),
                    })?;
            Some(Mutex::new(w))
        } else {
            None
        };
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        let mut parser = QueryParser::for_index(
            &index,
            std::iter::once(fields.title)
                .chain(fields.text.iter().copied())
                .collect(),
        );
        parser.set_conjunction_by_default();
        parser.set_field_boost(fields.title, 2.0);
        Ok(TextIndex {
            index,
            reader,
            writer,
            fields,
            parser,
        })
    }

    /// Picks up commits made by another writer now rather than after the reload delay.
    pub fn reload(&self) -> Result<()> {
        Ok(self.reader.reload()?)
    }

    /// Highest database `seq` the committed index contains.
    pub fn indexed_seq(&self) -> u64 {
        payload_of(&self.index).map_or(0, |p| p.seq)
    }

    /// Adds rows (in `seq` order) and commits, recording the last `seq`. Idempotent per row:
    /// rows at or below the committed `seq` are skipped.
    pub fn add_and_commit(&self, rows: &[IndexRow]) -> Result<()> {
        let Some(writer) = &self.writer else {
            return Err(StoreError::ReadOnly);
        };
        let mut w = writer.lock().unwrap_or_else(|p| p.into_inner());
        let done = self.indexed_seq();
        let mut last = done;
        for r in rows.iter().filter(|r| r.seq > done) {
            let mut doc = TantivyDocument::default();
            doc.add_u64(self.fields.seq, r.seq);
            if let Some(t) = &r.title {
                doc.add_text(self.fields.title, t);
            }
            if let Some(b) = &r.body {
                doc.add_text(self.fields.for_lang(&r.lang), b);
            }
            w.add_document(doc)?;
            last = last.max(r.seq);
        }
        if last == done {
            return Ok(());
        }
        let payload = serde_json::to_string(&Payload {
            layout: LAYOUT,
            seq: last,
        })
        .unwrap_or_default();
        let mut prepared = w.prepare_commit()?;
        prepared.set_payload(&payload);
        prepared.commit()?;
        drop(w);
        self.reader.reload()?;
        Ok(())
    }

    /// Parses query text leniently; returns the query and any parse warnings.
    pub fn parse(&self, q: &str) -> (Box<dyn Query>, Vec<String>) {
        let (query, errs) = self.parser.parse_query_lenient(q);
        (query, errs.into_iter().map(|e| e.to_string()).collect())
    }

    /// All matching `(seq, score)` pairs.
    pub fn matches(&self, query: &dyn Query) -> Result<Vec<(u64, f32)>> {
        let searcher = self.reader.searcher();
        Ok(searcher.search(query, &AllSeqs { field: "seq" })?)
    }

    /// Highlighted excerpts for `(lang, text)` pairs (one snippet generator per language, since
    /// each language's text lives in its own field).
    pub fn snippets(&self, query: &dyn Query, docs: &[(&str, &str)]) -> Vec<Option<Snippet>> {
        let searcher = self.reader.searcher();
        let mut gens: HashMap<Field, Option<SnippetGenerator>> = HashMap::new();
        docs.iter()
            .map(|(lang, text)| {
                let field = self.fields.for_lang(lang);
                let gen = gens.entry(field).or_insert_with(|| {
                    let mut g = SnippetGenerator::create(&searcher, query, field).ok()?;
                    g.set_max_num_chars(240);
                    Some(g)
                });
                let gen = gen.as_ref()?;
                // Paragraph by paragraph, stopping at the first with a match: matches are
                // usually in the title or lead, and tokenising whole articles for every hit
                // would dominate the cost of a search.
                text.split('\n')
                    .filter(|p| !p.trim().is_empty())
                    .map(|p| gen.snippet(p))
                    .find(|s| !s.highlighted().is_empty())
                    .map(|s| Snippet {
                        text: s.fragment().to_string(),
                        highlights: s.highlighted().iter().map(|r| [r.start, r.end]).collect(),
                    })
            })
            .collect()
    }
}

fn dir_err(dir: &Path, e: std::io::Error) -> StoreError {
    StoreError::Dir {
        path: dir.display().to_string(),
        source: e,
    }
}

fn payload_of(index: &Index) -> Option<Payload> {
    let metas = index.load_metas().ok()?;
    serde_json::from_str(metas.payload.as_deref()?).ok()
}

fn is_empty(index: &Index) -> bool {
    index
        .load_metas()
        .map(|m| m.segments.is_empty())
        .unwrap_or(false)
}

/// Removes the index files (only files tantivy writes: `*.idx`, `*.pos`, ... and `meta.json`).
fn wipe(dir: &Path) -> Result<()> {
    let tmp: PathBuf = dir.with_extension("old");
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::rename(dir, &tmp).map_err(|e| dir_err(dir, e))?;
    std::fs::create_dir_all(dir).map_err(|e| dir_err(dir, e))?;
    let _ = std::fs::remove_dir_all(&tmp);
    Ok(())
}

/// Collects every matching document's `seq` fast field with its score.
struct AllSeqs {
    field: &'static str,
}

struct SegmentSeqs {
    column: Column<u64>,
    out: Vec<(u64, f32)>,
}

impl Collector for AllSeqs {
    type Fruit = Vec<(u64, f32)>;
    type Child = SegmentSeqs;

    fn for_segment(
        &self,
        _ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentSeqs> {
        Ok(SegmentSeqs {
            column: segment.fast_fields().u64(self.field)?,
            out: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<(u64, f32)>>) -> tantivy::Result<Vec<(u64, f32)>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for SegmentSeqs {
    type Fruit = Vec<(u64, f32)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some(seq) = self.column.first(doc) {
            self.out.push((seq, score));
        }
    }

    fn harvest(self) -> Vec<(u64, f32)> {
        self.out
    }
}
