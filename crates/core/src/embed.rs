//! Sentence embeddings as a plain capability, so the analysis and story stages can use a
//! transformer encoder without depending on one.
//!
//! The deep tier (`newsprism-encoder`, multilingual-e5-small) implements [`Embedder`]; the linear
//! tier never calls it. Analysis and stories take `&dyn Embedder`, which keeps the heavy engine
//! behind a cargo feature of the CLI and lets tests use the deterministic [`testing::HashEmbedder`].

use std::fmt;

/// Why a batch could not be embedded. A string, because the failure modes belong to the
/// implementation (missing model file, corrupt weights) and callers only report them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedError(pub String);

impl fmt::Display for EmbedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for EmbedError {}

/// Turns texts into fixed-size, L2-normalised vectors whose dot product measures similarity of
/// meaning, across languages for a multilingual encoder.
///
/// Implementations must be deterministic (the same text gives the same vector), so that models
/// trained on embeddings reproduce, and thread-safe, so callers can share one across rayon tasks.
pub trait Embedder: Send + Sync {
    /// Identifies the encoder and its weights (e.g. `"multilingual-e5-small-q4:1a2b3c4d"`).
    /// Heads trained on one encoder's vectors are meaningless on another's, so models store this
    /// and refuse a different one.
    fn id(&self) -> &str;

    /// Length of every vector.
    fn dim(&self) -> usize;

    /// Embeds each text; returns `texts.len() * dim()` floats, row-major, each row L2-normalised.
    /// Long texts are handled by the implementation (e5: 512-token windows, averaged). An empty
    /// text gets a valid (normalised) vector, never NaN.
    fn embed(&self, texts: &[&str]) -> Result<Vec<f32>, EmbedError>;
}

/// Deterministic stand-ins for tests, so code that consumes embeddings can be tested without a
/// model file. Not a substitute for the encoder: these vectors carry only lexical overlap.
pub mod testing {
    use super::{EmbedError, Embedder};

    /// Hashes lower-cased words into `dim` signed buckets and normalises: texts that share words
    /// get similar vectors. Cheap, deterministic, dependency-free.
    #[derive(Debug, Clone)]
    pub struct HashEmbedder {
        dim: usize,
    }

    impl HashEmbedder {
        /// An embedder producing `dim`-sized vectors (`dim` ≥ 1).
        pub fn new(dim: usize) -> Self {
            Self { dim: dim.max(1) }
        }
    }

    fn fnv(word: &str) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in word.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h
    }

    impl Embedder for HashEmbedder {
        fn id(&self) -> &str {
            "hash-test-embedder"
        }

        fn dim(&self) -> usize {
            self.dim
        }

        fn embed(&self, texts: &[&str]) -> Result<Vec<f32>, EmbedError> {
            let mut out = vec![0f32; texts.len() * self.dim];
            for (row, text) in out.chunks_mut(self.dim).zip(texts) {
                for word in text.split(|c: char| !c.is_alphanumeric()) {
                    if word.is_empty() {
                        continue;
                    }
                    let h = fnv(&word.to_lowercase());
                    let sign = if h >> 63 == 0 { 1.0 } else { -1.0 };
                    row[(h % self.dim as u64) as usize] += sign;
                }
                let norm = row.iter().map(|v| v * v).sum::<f32>().sqrt();
                if norm > 0.0 {
                    row.iter_mut().for_each(|v| *v /= norm);
                } else {
                    row[0] = 1.0;
                }
            }
            Ok(out)
        }
    }

    /// Wraps an embedder and counts the texts it is asked to embed, so tests can check that
    /// callers batch and deduplicate (`.1` holds the count).
    pub struct CountingEmbedder<E>(pub E, pub std::sync::atomic::AtomicUsize);

    impl<E: Embedder> CountingEmbedder<E> {
        /// Counts from zero.
        pub fn new(inner: E) -> Self {
            CountingEmbedder(inner, std::sync::atomic::AtomicUsize::new(0))
        }

        /// Texts embedded so far.
        pub fn count(&self) -> usize {
            self.1.load(std::sync::atomic::Ordering::SeqCst)
        }
    }

    impl<E: Embedder> Embedder for CountingEmbedder<E> {
        fn id(&self) -> &str {
            self.0.id()
        }
        fn dim(&self) -> usize {
            self.0.dim()
        }
        fn embed(&self, texts: &[&str]) -> Result<Vec<f32>, EmbedError> {
            self.1
                .fetch_add(texts.len(), std::sync::atomic::Ordering::SeqCst);
            self.0.embed(texts)
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn dot(a: &[f32], b: &[f32]) -> f32 {
            a.iter().zip(b).map(|(x, y)| x * y).sum()
        }

        #[test]
        fn shared_words_give_closer_vectors_and_rows_are_normalised() {
            let e = HashEmbedder::new(64);
            let v = e
                .embed(&[
                    "troops crossed the border",
                    "Troops crossed a border",
                    "",
                    "jazz",
                ])
                .unwrap();
            let rows: Vec<&[f32]> = v.chunks(64).collect();
            assert_eq!(rows.len(), 4);
            for r in &rows {
                assert!((dot(r, r) - 1.0).abs() < 1e-5);
            }
            assert!(dot(rows[0], rows[1]) > dot(rows[0], rows[3]));
        }
    }
}
