//! The deep tier's inputs: sentence embeddings of an article's paragraphs, computed in batches by
//! any [`Embedder`], and turned into dense feature slots that join the hashed n-gram features.
//!
//! Every non-empty line of an article (the lines [`ArticleView`] numbers, title line included) is
//! embedded once. From those vectors:
//! - the **article vector** (genre, frames) is their mean, renormalised, so an article is never
//!   embedded a second time as a whole;
//! - each **paragraph** (techniques) gets its own vector, the mean of its neighbours' vectors
//!   (context) and the article vector.
//!
//! Each block is L2-normalised and scaled by its weight, like the hashed feature families, and
//! placed after the hashed buckets (indices `2^bits ..`), so one linear head is trained jointly
//! over both. The trained weights of these slots are kept in full precision (see `model.rs`).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

use newsprism_core::{Article, EmbedError, Embedder};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::features::SparseVec;
use crate::model::ArticleView;

/// Dense blocks per example: own vector, neighbour context, article vector.
pub const BLOCKS: usize = 3;

/// Texts per call to the embedder: large enough to amortise per-call work, small enough that
/// rayon can spread batches over cores.
pub const BATCH: usize = 64;

/// Weights of the dense blocks (stored in the deep model's header).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct DeepOptions {
    /// Paragraph's own embedding, in technique features.
    pub paragraph_weight: f32,
    /// Mean embedding of the previous and next paragraphs, in technique features.
    pub context_weight: f32,
    /// Article vector in technique features.
    pub article_context_weight: f32,
    /// Article vector in genre and frame features.
    pub article_weight: f32,
    /// Encoder layers (1-based) whose mean-pooled states follow the final layer's in every
    /// paragraph vector: the final layer is tuned for similarity of meaning, a middle one keeps
    /// more of the wording that techniques live in. Technique features use the whole vector;
    /// genre and frames only the final layer's part (the extra layers lowered genre in CV).
    /// Empty in models trained before this option.
    #[serde(default)]
    pub extra_layers: Vec<usize>,
}

impl Default for DeepOptions {
    fn default() -> Self {
        // Chosen by 5-fold CV on the shared training split (docs/analysis.md): the dense blocks
        // need more weight than a hashed family to move the scores as much as they can.
        DeepOptions {
            paragraph_weight: 4.0,
            context_weight: 2.0,
            article_context_weight: 2.0,
            article_weight: 4.0,
            extra_layers: vec![6, 9],
        }
    }
}

/// What a deep model records about the encoder whose vectors it was trained on.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct DeepMeta {
    /// [`Embedder::id`] at training time; a different encoder is refused.
    pub embedder_id: String,
    /// [`Embedder::dim`] at training time.
    pub dim: usize,
    pub options: DeepOptions,
}

impl DeepMeta {
    /// Feature slots the dense blocks occupy after the hashed buckets.
    pub fn slots(&self) -> usize {
        BLOCKS * self.dim
    }

    /// Leading components of each vector that come from the encoder's final layer (all of them
    /// without extra layers): what the article-level block holds.
    pub fn final_layer_dims(&self) -> usize {
        self.dim / (1 + self.options.extra_layers.len())
    }
}

/// One vector per non-empty line of an article (the lines of [`ArticleView::lines`], in order).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParagraphVectors {
    pub dim: usize,
    /// Row-major, `lines × dim`.
    pub rows: Vec<f32>,
}

impl ParagraphVectors {
    pub fn len(&self) -> usize {
        self.rows.len().checked_div(self.dim).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn row(&self, k: usize) -> &[f32] {
        &self.rows[k * self.dim..(k + 1) * self.dim]
    }

    /// The article vector: mean of the rows, renormalised (zero for an article with no lines).
    pub fn mean(&self) -> Vec<f32> {
        self.mean_of(0..self.len())
    }

    /// Mean of the given rows, renormalised: the vector of a part of the article.
    pub fn mean_of(&self, rows: impl IntoIterator<Item = usize>) -> Vec<f32> {
        let mut m = vec![0f32; self.dim];
        for k in rows.into_iter().filter(|&k| k < self.len()) {
            m.iter_mut().zip(self.row(k)).for_each(|(a, b)| *a += b);
        }
        normalize(&mut m);
        m
    }

    /// Mean of the neighbours of line `k`, renormalised (zero when it has none).
    pub fn context(&self, k: usize) -> Vec<f32> {
        let mut m = vec![0f32; self.dim];
        for j in [k.checked_sub(1), Some(k + 1)].into_iter().flatten() {
            if j < self.len() {
                m.iter_mut().zip(self.row(j)).for_each(|(a, b)| *a += b);
            }
        }
        normalize(&mut m);
        m
    }
}

fn normalize(v: &mut [f32]) {
    let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if n > 0.0 && n.is_finite() {
        v.iter_mut().for_each(|x| *x /= n);
    } else {
        v.iter_mut().for_each(|x| *x = 0.0);
    }
}

/// Appends `v × weight` as slots `base ..` of `out` (nothing when the weight is 0).
fn push_block(out: &mut SparseVec, base: u32, v: &[f32], weight: f32) {
    if weight == 0.0 {
        return;
    }
    for (i, &x) in v.iter().enumerate() {
        if x != 0.0 {
            out.idx.push(base + i as u32);
            out.val.push(x * weight);
        }
    }
}

/// Appends the article-level dense block (the article vector) to the hashed features `out`.
pub fn article_dense(meta: &DeepMeta, base: usize, pv: &ParagraphVectors, out: &mut SparseVec) {
    part_dense(meta, base, pv, 0..pv.len(), out);
}

/// Appends the dense block of a part of an article (the mean of its `rows`' vectors, final
/// layer only), in the article block's slots: what [`article_dense`] gives for an article made
/// of those lines.
pub fn part_dense(
    meta: &DeepMeta,
    base: usize,
    pv: &ParagraphVectors,
    rows: impl IntoIterator<Item = usize>,
    out: &mut SparseVec,
) {
    let mut m = pv.mean_of(rows);
    m.truncate(meta.final_layer_dims());
    normalize(&mut m);
    push_block(out, base as u32, &m, meta.options.article_weight);
}

/// Appends line `k`'s dense blocks (own, context, article `mean`) to the hashed features `out`.
pub fn paragraph_dense(
    meta: &DeepMeta,
    base: usize,
    pv: &ParagraphVectors,
    mean: &[f32],
    k: usize,
    out: &mut SparseVec,
) {
    let o = &meta.options;
    let d = meta.dim as u32;
    let base = base as u32;
    if k < pv.len() {
        push_block(out, base, pv.row(k), o.paragraph_weight);
        if o.context_weight != 0.0 {
            push_block(out, base + d, &pv.context(k), o.context_weight);
        }
    }
    push_block(out, base + 2 * d, mean, o.article_context_weight);
}

/// Embeds the non-empty lines of many articles together, so the encoder sees full batches, and
/// every distinct text only once (boilerplate lines repeat across an outlet's articles).
/// Returns one [`ParagraphVectors`] per article, in order.
pub fn embed_articles(
    embedder: &dyn Embedder,
    articles: &[&Article],
    progress: &(dyn Fn(usize) + Sync),
) -> Result<Vec<ParagraphVectors>, EmbedError> {
    let dim = embedder.dim();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut texts: Vec<&str> = Vec::new();
    let per_article: Vec<Vec<usize>> = articles
        .iter()
        .map(|a| {
            ArticleView::new(a)
                .lines
                .iter()
                .map(|&(_, t)| {
                    *index.entry(t).or_insert_with(|| {
                        texts.push(t);
                        texts.len() - 1
                    })
                })
                .collect()
        })
        .collect();
    let chunks: Vec<Vec<f32>> = texts
        .par_chunks(BATCH)
        .map(|c| {
            let v = embedder.embed(c)?;
            if v.len() != c.len() * dim {
                return Err(EmbedError(format!(
                    "embedder returned {} floats for {} texts of dimension {dim}",
                    v.len(),
                    c.len()
                )));
            }
            progress(c.len());
            Ok(v)
        })
        .collect::<Result<_, _>>()?;
    let all: Vec<f32> = chunks.concat();
    Ok(per_article
        .into_iter()
        .map(|rows| ParagraphVectors {
            dim,
            rows: rows
                .iter()
                .flat_map(|&r| all[r * dim..(r + 1) * dim].iter().copied())
                .collect(),
        })
        .collect())
}

/// An [`Embedder`] that remembers vectors by text in a file, so repeated training runs and
/// evaluations (experiments) embed each text once. Keys are a 128-bit hash of the text; the file
/// records the inner embedder's id, and a file made with another encoder is ignored.
pub struct CachedEmbedder<'a> {
    inner: &'a dyn Embedder,
    map: Mutex<HashMap<u128, Box<[f32]>>>,
}

const CACHE_MAGIC: &[u8; 8] = b"NPEMBC1\0";

impl<'a> CachedEmbedder<'a> {
    /// Wraps `inner`, starting from the vectors stored at `path` when it holds a cache of the same
    /// encoder (a missing file is an empty cache; an unreadable or foreign one is an error).
    pub fn open(inner: &'a dyn Embedder, path: &Path) -> Result<Self, EmbedError> {
        let mut map = HashMap::new();
        match std::fs::read(path) {
            Ok(b) => {
                map = parse_cache(&b, inner)
                    .map_err(|w| EmbedError(format!("{}: {w}", path.display())))?
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(EmbedError(format!("{}: {e}", path.display()))),
        }
        Ok(CachedEmbedder {
            inner,
            map: Mutex::new(map),
        })
    }

    /// Number of cached vectors.
    pub fn len(&self) -> usize {
        self.map.lock().map(|m| m.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Writes the cache (whole file, replaced atomically; see
    /// [`newsprism_core::files::write_replacing`] for the paths
    /// that are written in place instead).
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let map = self
            .map
            .lock()
            .map_err(|_| std::io::Error::other("cache lock poisoned"))?;
        let id = self.inner.id().as_bytes();
        let mut out = Vec::with_capacity(32 + map.len() * (16 + 4 * self.inner.dim()));
        out.extend_from_slice(CACHE_MAGIC);
        out.extend_from_slice(&(id.len() as u32).to_le_bytes());
        out.extend_from_slice(id);
        out.extend_from_slice(&(self.inner.dim() as u32).to_le_bytes());
        for (k, v) in map.iter() {
            out.extend_from_slice(&k.to_le_bytes());
            for x in v.iter() {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        newsprism_core::files::write_replacing(path, &out)
    }
}

fn parse_cache(b: &[u8], inner: &dyn Embedder) -> Result<HashMap<u128, Box<[f32]>>, String> {
    let bad = || "not an embedding cache (or truncated)".to_string();
    if b.len() < 12 || &b[..8] != CACHE_MAGIC {
        return Err(bad());
    }
    let idlen = u32::from_le_bytes(b[8..12].try_into().map_err(|_| bad())?) as usize;
    let id = b.get(12..12 + idlen).ok_or_else(bad)?;
    let mut pos = 12 + idlen;
    let dim = u32::from_le_bytes(
        b.get(pos..pos + 4)
            .ok_or_else(bad)?
            .try_into()
            .map_err(|_| bad())?,
    ) as usize;
    pos += 4;
    let mut map = HashMap::new();
    if id != inner.id().as_bytes() || dim != inner.dim() {
        return Ok(map); // another encoder's vectors: start afresh
    }
    let rec = 16 + 4 * dim;
    if !(b.len() - pos).is_multiple_of(rec) {
        return Err(bad());
    }
    for r in b[pos..].chunks_exact(rec) {
        let key = u128::from_le_bytes(r[..16].try_into().map_err(|_| bad())?);
        let v: Box<[f32]> = r[16..]
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        map.insert(key, v);
    }
    Ok(map)
}

fn text_key(t: &str) -> u128 {
    let a = crate::hash::hash(0xE5, t.as_bytes()) as u128;
    let b = crate::hash::hash(0x5E, t.as_bytes()) as u128;
    (a << 64) | b
}

impl Embedder for CachedEmbedder<'_> {
    fn id(&self) -> &str {
        self.inner.id()
    }

    fn dim(&self) -> usize {
        self.inner.dim()
    }

    fn embed(&self, texts: &[&str]) -> Result<Vec<f32>, EmbedError> {
        let dim = self.dim();
        let keys: Vec<u128> = texts.iter().map(|t| text_key(t)).collect();
        let mut out = vec![0f32; texts.len() * dim];
        let mut missing: Vec<usize> = Vec::new();
        {
            let map = self
                .map
                .lock()
                .map_err(|_| EmbedError("cache lock poisoned".into()))?;
            for (i, k) in keys.iter().enumerate() {
                match map.get(k) {
                    Some(v) => out[i * dim..(i + 1) * dim].copy_from_slice(v),
                    None => missing.push(i),
                }
            }
        }
        if missing.is_empty() {
            return Ok(out);
        }
        let todo: Vec<&str> = missing.iter().map(|&i| texts[i]).collect();
        let v = self.inner.embed(&todo)?;
        let mut map = self
            .map
            .lock()
            .map_err(|_| EmbedError("cache lock poisoned".into()))?;
        for (j, &i) in missing.iter().enumerate() {
            let row = v.get(j * dim..(j + 1) * dim).ok_or_else(|| {
                EmbedError(format!(
                    "embedder returned {} floats for {} texts",
                    v.len(),
                    todo.len()
                ))
            })?;
            out[i * dim..(i + 1) * dim].copy_from_slice(row);
            map.insert(keys[i], row.into());
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsprism_core::embed::testing::HashEmbedder;

    fn article(lines: &[&str]) -> Article {
        let mut a = Article::from_text("x", "x", "");
        a.lines = lines.iter().map(|s| s.to_string()).collect();
        a.title_is_line_1 = false;
        a
    }

    #[test]
    fn one_row_per_non_empty_line_and_repeats_embedded_once() {
        use newsprism_core::embed::testing::CountingEmbedder as Counting;
        let e = Counting(HashEmbedder::new(16), Default::default());
        let a = article(&["Title here", "", "Same line", "other words"]);
        let b = article(&["Same line", "  "]);
        let v = embed_articles(&e, &[&a, &b], &|_| {}).unwrap();
        assert_eq!(v[0].len(), 3);
        assert_eq!(v[1].len(), 1);
        assert_eq!(v[0].row(1), v[1].row(0));
        assert_eq!(e.1.load(std::sync::atomic::Ordering::SeqCst), 3);
        let m = v[0].mean();
        assert!((m.iter().map(|x| x * x).sum::<f32>() - 1.0).abs() < 1e-4);
        // First line's context is its one neighbour.
        let c = v[0].context(0);
        assert!(c.iter().zip(v[0].row(1)).all(|(a, b)| (a - b).abs() < 1e-6));
    }

    #[test]
    fn cache_round_trip_and_foreign_cache_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.bin");
        let e = HashEmbedder::new(8);
        let c = CachedEmbedder::open(&e, &p).unwrap();
        let want = e.embed(&["a b", "c"]).unwrap();
        assert_eq!(c.embed(&["a b", "c"]).unwrap(), want);
        c.save(&p).unwrap();
        let c2 = CachedEmbedder::open(&e, &p).unwrap();
        assert_eq!(c2.len(), 2);
        assert_eq!(c2.embed(&["c", "a b"]).unwrap()[..8], want[8..]);
        // Different dimension: the stored vectors are not used.
        let e16 = HashEmbedder::new(16);
        assert!(CachedEmbedder::open(&e16, &p).unwrap().is_empty());
        std::fs::write(&p, b"garbage").unwrap();
        assert!(CachedEmbedder::open(&e, &p).is_err());
    }

    #[test]
    fn article_block_holds_the_final_layer_part_and_paragraphs_the_whole_vector() {
        let meta = DeepMeta {
            embedder_id: "t".into(),
            dim: 4,
            options: DeepOptions {
                extra_layers: vec![1],
                ..DeepOptions::default()
            },
        };
        assert_eq!(meta.final_layer_dims(), 2);
        // Two lines; each vector is [final layer part | layer-1 part].
        let pv = ParagraphVectors {
            dim: 4,
            rows: vec![0.6, 0.0, 0.0, 0.8, 0.0, 0.6, 0.8, 0.0],
        };
        let mut art = SparseVec::default();
        article_dense(&meta, 100, &pv, &mut art);
        assert_eq!(art.idx, vec![100, 101]);
        let w = meta.options.article_weight;
        let h = std::f32::consts::FRAC_1_SQRT_2 * w;
        assert!(
            art.val.iter().all(|v| (v - h).abs() < 1e-5),
            "{:?}",
            art.val
        );
        let mut para = SparseVec::default();
        paragraph_dense(&meta, 100, &pv, &pv.mean(), 0, &mut para);
        // The own block carries the whole vector (its non-zero slots 0 and 3), then context and
        // article blocks follow.
        assert_eq!(&para.idx[..2], &[100, 103]);
        assert!(para.idx.iter().any(|&i| (104..108).contains(&i)));
        assert!(para.idx.iter().any(|&i| (108..112).contains(&i)));
    }
}
