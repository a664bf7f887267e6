//! Sentence embeddings in story matching (the deep tier).
//!
//! Lexical signals cannot link a Greek and a Polish report of one event that share no names or
//! figures; a multilingual encoder's vectors can. This module turns articles into vectors through
//! any [`Embedder`] (each distinct text embedded once, in batches), and holds them as flat
//! arrays so 100,000 articles cost 2 × 100,000 × dim floats and nothing more.
//!
//! Two vectors per article: the text (title and body, cut to [`EMBED_CHARS`] characters) and
//! the title alone. The cut keeps the cost per article bounded and matches what the deep pair
//! model was fitted on (SemEval-2022 Task 8 texts are about 1,000 characters long): the opening
//! of a news article says which event it reports.

use std::collections::HashMap;

use newsprism_core::text::clip_chars;
use newsprism_core::{EmbedError, Embedder};

/// Characters of an article's text that are embedded (title included).
pub const EMBED_CHARS: usize = 1500;

/// Texts sent to the encoder per call: large enough for the encoder to parallelise, small enough
/// to report progress.
pub const BATCH: usize = 32;

/// Why embeddings could not be used.
#[derive(Debug, thiserror::Error)]
pub enum DeepError {
    /// The encoder failed.
    #[error("the encoder failed: {0}")]
    Embed(#[from] EmbedError),
    /// The encoder broke the [`Embedder`] contract (wrong number of floats, NaN).
    #[error("the encoder `{id}` returned {got} numbers for {texts} texts of dimension {dim}, or non-finite values")]
    BadOutput {
        id: String,
        got: usize,
        texts: usize,
        dim: usize,
    },
    /// The pair model's embedding coefficients belong to another encoder.
    #[error(
        "the pair model was fitted on embeddings of `{model}`, but this encoder is `{encoder}`; \
         its coefficients mean nothing for other vectors. Refit it with \
         `newsprism compare --pairs LABELLED.jsonl --deep --fit FILE` and pass `--pair-model FILE`"
    )]
    EmbedderMismatch { model: String, encoder: String },
    /// A lexical pair model was given where one with embedding features is needed.
    #[error(
        "the pair model has no embedding features (it is a lexical one); fit a deep one with \
         `newsprism compare --pairs LABELLED.jsonl --deep --fit FILE`"
    )]
    NotDeep,
    /// Vectors of one dimension compared with another.
    #[error("embeddings of dimension {0} cannot be used with vectors of dimension {1}")]
    Dimension(usize, usize),
}

/// The two vectors of one article, each L2-normalised.
#[derive(Clone, Copy, Debug)]
pub struct Vectors<'a> {
    /// Title and body (cut to [`EMBED_CHARS`]).
    pub text: &'a [f32],
    /// Title alone (the first short line when the article has none).
    pub title: &'a [f32],
}

impl Vectors<'_> {
    /// Cosines of the text vectors and of the title vectors.
    pub fn cosines(&self, other: &Vectors) -> (f32, f32) {
        (dot(self.text, other.text), dot(self.title, other.title))
    }
}

/// Text and title vectors of a collection, row `i` for article `i`.
#[derive(Clone, Debug)]
pub struct Embeddings {
    /// Identifier of the encoder that produced them ([`Embedder::id`]).
    pub embedder: String,
    dim: usize,
    text: Vec<f32>,
    title: Vec<f32>,
}

/// Dot product (the cosine of two normalised vectors). Eight independent sums, so the compiler
/// can use SIMD lanes (a single running sum must be added in order and cannot be vectorised).
#[inline]
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let mut acc = [0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for k in 0..8 {
            acc[k] += x[k] * y[k];
        }
    }
    let tail: f32 = ra.iter().zip(rb).map(|(x, y)| x * y).sum();
    acc.iter().sum::<f32>() + tail
}

impl Embeddings {
    /// Embeds `(text, title)` per article. Identical texts are embedded once; `progress(done,
    /// total)` is called after each batch (total counts distinct texts).
    pub fn compute(
        embedder: &dyn Embedder,
        items: &[(&str, &str)],
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Result<Embeddings, DeepError> {
        let mut all: Vec<&str> = Vec::with_capacity(items.len() * 2);
        for (text, title) in items {
            all.push(clip_chars(text, EMBED_CHARS));
            all.push(clip_chars(title, EMBED_CHARS));
        }
        let dim = embedder.dim();
        let rows = embed_distinct(embedder, &all, progress)?;
        let mut text = Vec::with_capacity(items.len() * dim);
        let mut title = Vec::with_capacity(items.len() * dim);
        for (k, row) in rows.chunks(dim).enumerate() {
            if k % 2 == 0 {
                text.extend_from_slice(row);
            } else {
                title.extend_from_slice(row);
            }
        }
        Ok(Embeddings {
            embedder: embedder.id().to_string(),
            dim,
            text,
            title,
        })
    }

    /// Builds embeddings from given rows (row-major, `dim` floats per article), e.g. for tests
    /// or vectors computed elsewhere. Rows are normalised here.
    pub fn from_rows(
        embedder: &str,
        dim: usize,
        mut text: Vec<f32>,
        mut title: Vec<f32>,
    ) -> Result<Embeddings, DeepError> {
        if dim == 0 || !text.len().is_multiple_of(dim) || text.len() != title.len() {
            return Err(DeepError::BadOutput {
                id: embedder.to_string(),
                got: text.len().max(title.len()),
                texts: text.len() / dim.max(1),
                dim,
            });
        }
        for row in text.chunks_mut(dim).chain(title.chunks_mut(dim)) {
            normalise(row);
        }
        Ok(Embeddings {
            embedder: embedder.to_string(),
            dim,
            text,
            title,
        })
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        self.text.len() / self.dim.max(1)
    }

    /// Whether there are no articles.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Vector length.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// The vectors of article `i`.
    pub fn get(&self, i: usize) -> Vectors<'_> {
        let r = i * self.dim..(i + 1) * self.dim;
        Vectors {
            text: &self.text[r.clone()],
            title: &self.title[r],
        }
    }

    /// All text vectors, row-major.
    pub fn text_rows(&self) -> &[f32] {
        &self.text
    }
}

fn normalise(row: &mut [f32]) {
    if row.iter().any(|v| !v.is_finite()) {
        row.iter_mut().for_each(|v| *v = 0.0);
    }
    let norm = dot(row, row).sqrt();
    if norm > 0.0 {
        row.iter_mut().for_each(|v| *v /= norm);
    }
}

/// Embeds texts, each distinct text once, in batches of [`BATCH`]; returns `texts.len() × dim`
/// floats in input order. Checks the encoder's output so a broken encoder gives an error, not
/// garbage or a panic.
pub fn embed_distinct(
    embedder: &dyn Embedder,
    texts: &[&str],
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Vec<f32>, DeepError> {
    let dim = embedder.dim();
    let mut slot: HashMap<&str, usize> = HashMap::with_capacity(texts.len());
    let mut distinct: Vec<&str> = Vec::new();
    let which: Vec<usize> = texts
        .iter()
        .map(|t| {
            *slot.entry(t).or_insert_with(|| {
                distinct.push(t);
                distinct.len() - 1
            })
        })
        .collect();
    let mut rows: Vec<f32> = Vec::with_capacity(distinct.len() * dim);
    for batch in distinct.chunks(BATCH) {
        let got = embedder.embed(batch)?;
        if dim == 0 || got.len() != batch.len() * dim || got.iter().any(|v| !v.is_finite()) {
            return Err(DeepError::BadOutput {
                id: embedder.id().to_string(),
                got: got.len(),
                texts: batch.len(),
                dim,
            });
        }
        rows.extend_from_slice(&got);
        progress(rows.len() / dim, distinct.len());
    }
    let mut out = Vec::with_capacity(texts.len() * dim);
    for &k in &which {
        out.extend_from_slice(&rows[k * dim..(k + 1) * dim]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsprism_core::embed::testing::HashEmbedder;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use newsprism_core::embed::testing::CountingEmbedder as Counting;

    struct Broken;
    impl Embedder for Broken {
        fn id(&self) -> &str {
            "broken"
        }
        fn dim(&self) -> usize {
            4
        }
        fn embed(&self, texts: &[&str]) -> Result<Vec<f32>, EmbedError> {
            Ok(vec![f32::NAN; texts.len() * 3])
        }
    }

    #[test]
    fn distinct_texts_are_embedded_once_and_rows_follow_input_order() {
        let e = Counting(HashEmbedder::new(16), AtomicUsize::new(0));
        let items = [
            ("troops crossed the border", "troops"),
            ("troops crossed the border", "troops"),
            ("jazz festival opens", "jazz"),
        ];
        let emb = Embeddings::compute(&e, &items, &|_, _| {}).unwrap();
        assert_eq!(e.1.load(Ordering::Relaxed), 4);
        assert_eq!(
            (emb.len(), emb.dim(), emb.embedder.as_str()),
            (3, 16, "hash-test-embedder")
        );
        let (same, _) = emb.get(0).cosines(&emb.get(1));
        let (other, _) = emb.get(0).cosines(&emb.get(2));
        assert!((same - 1.0).abs() < 1e-5 && other < 0.9, "{same} {other}");
    }

    #[test]
    fn a_broken_encoder_is_an_error_not_a_panic() {
        let err = Embeddings::compute(&Broken, &[("a", "b")], &|_, _| {}).unwrap_err();
        assert!(
            err.to_string().contains("`broken` returned 6 numbers"),
            "{err}"
        );
        assert!(Embeddings::from_rows("x", 3, vec![1.0; 4], vec![1.0; 4]).is_err());
    }
}
