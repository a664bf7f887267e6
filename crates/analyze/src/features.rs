//! Hashed sparse features for paragraphs and whole articles.
//!
//! Features are hashed into `2^bits` buckets so the model needs no vocabulary file and handles any
//! language and script alike. Each feature family is weighted sub-linearly (`1 + ln tf`), scaled by
//! inverse document frequency, and L2-normalised on its own, so that long articles, short titles and
//! the different families contribute on comparable scales:
//!
//! - own words and word bigrams (the wording of the paragraph);
//! - character 3–5-grams inside words (morphology: inflected forms, compounds, cross-lingual stems);
//! - context: the words of the neighbouring paragraphs (techniques such as Repetition or
//!   Whataboutism show in the surroundings), and for articles the title;
//! - shape: punctuation, quotes, length and position, and the language (a per-language bias).
//!
//! [`Featurizer`] is the seam for other tiers: an encoder tier can append dense embedding features
//! into the same [`SparseVec`] under its own index range.

use newsprism_core::Lang;

use crate::hash::{hash, hash_pair};
use crate::linear::{prefetch_row, PREFETCH_AHEAD};
use crate::text::{normalize_into, tokenize, Token};

const NS_WORD: u8 = 1;
const NS_BIGRAM: u8 = 2;
const NS_CHAR: u8 = 3;
const NS_CTX: u8 = 4;
const NS_TITLE: u8 = 5;
const NS_SHAPE: u8 = 6;

/// Longest prefix of a paragraph (and of each neighbour) that is featurised. Real paragraphs are far
/// shorter; the cap bounds time and memory on pathological input (a 50 MB file on one line).
pub const MAX_PARAGRAPH_BYTES: usize = 16 * 1024;
/// Longest prefix of an article body used for the article-level heads.
pub const MAX_ARTICLE_BYTES: usize = 256 * 1024;

pub use newsprism_core::text::clip;

/// Marks a feature that does not come from one token of the text (shape, context).
pub const NO_ORIGIN: u32 = u32::MAX;
/// Set on an origin that names the first token of a bigram.
pub const BIGRAM_ORIGIN: u32 = 1 << 31;

/// A sparse vector with unique indices (in no particular order).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SparseVec {
    pub idx: Vec<u32>,
    pub val: Vec<f32>,
}

impl SparseVec {
    pub fn nnz(&self) -> usize {
        self.idx.len()
    }
}

/// Tunable weights of the feature families (stored in the model header).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize, PartialEq)]
#[serde(default)]
pub struct FeatureConfig {
    /// log2 of the number of hash buckets.
    pub bits: u32,
    pub word_weight: f32,
    pub char_weight: f32,
    pub context_weight: f32,
    pub title_weight: f32,
    pub shape_weight: f32,
    pub char_min: usize,
    pub char_max: usize,
    /// Also emit each shape feature conjoined with the language, so that e.g. how paragraph
    /// length relates to technique count can differ per language.
    pub shape_by_lang: bool,
    /// Scale of the article-wide repetition cues of each paragraph ([`crate::repeats`]); 0 =
    /// off, which is also what model files written before them mean.
    #[serde(default)]
    pub repeat_weight: f32,
    /// Words below this IDF (function words) do not count as repeated.
    pub repeat_min_idf: f32,
}

impl Default for FeatureConfig {
    fn default() -> Self {
        FeatureConfig {
            bits: 18,
            word_weight: 1.0,
            char_weight: 1.0,
            context_weight: 0.35,
            title_weight: 0.5,
            shape_weight: 0.3,
            char_min: 3,
            char_max: 5,
            shape_by_lang: false,
            repeat_weight: 2.0,
            repeat_min_idf: 3.0,
        }
    }
}

/// A paragraph with what surrounds it.
pub struct ParagraphInput<'a> {
    pub text: &'a str,
    pub prev: Option<&'a str>,
    pub next: Option<&'a str>,
    pub is_title: bool,
    /// Relative position in the article, 0 = first paragraph, 1 = last.
    pub position: f32,
    pub lang: Option<Lang>,
    /// Named dense features from earlier stages (e.g. the article's genre probabilities).
    pub extra: &'a [(&'static str, f32)],
}

/// A whole article for the article-level heads (genre, frames).
pub struct ArticleInput<'a> {
    pub title: Option<&'a str>,
    /// Body paragraphs (title excluded).
    pub paragraphs: &'a [&'a str],
    pub lang: Option<Lang>,
}

/// Per-thread buffers, reused across calls to avoid allocating in the hot loop.
#[derive(Default)]
pub struct Scratch {
    norm: String,
    tokens: Vec<Token>,
    /// (bucket, raw count, origin) before merging.
    raw: Vec<(u32, f32, u32)>,
    block: Vec<(u32, f32, u32)>,
    out: Vec<(u32, f32, u32)>,
    /// Bucket → position in the vector being merged (`u32::MAX` = absent); always reset to
    /// all-absent after use, so merging is linear instead of a sort per family.
    slot: Vec<u32>,
}

/// Sums entries with the same bucket (keeping the first origin) from `src` into `dst`, in order
/// of first appearance.
fn merge_duplicates(
    slot: &mut Vec<u32>,
    dim: usize,
    src: &[(u32, f32, u32)],
    dst: &mut Vec<(u32, f32, u32)>,
) {
    if slot.len() != dim {
        *slot = vec![u32::MAX; dim];
    }
    dst.clear();
    for (j, &(i, v, o)) in src.iter().enumerate() {
        // (The slots are scattered over a megabyte: each is asked for a few features ahead.)
        if let Some(&(ahead, _, _)) = src.get(j + PREFETCH_AHEAD) {
            prefetch_row(slot, ahead as usize, 1);
        }
        let s = &mut slot[i as usize];
        if *s == u32::MAX {
            *s = dst.len() as u32;
            dst.push((i, v, o));
        } else {
            dst[*s as usize].1 += v;
        }
    }
    for e in dst.iter() {
        slot[e.0 as usize] = u32::MAX;
    }
}

/// Something that turns paragraphs and articles into feature vectors.
pub trait Featurizer: Sync {
    fn dim(&self) -> usize;
    /// Features of one paragraph. When `origins` is given it receives, per output feature, the
    /// index of the token it came from (see [`NO_ORIGIN`], [`BIGRAM_ORIGIN`]) and `tokens` the
    /// normalised tokens, so predictions can be explained by words.
    fn paragraph(
        &self,
        p: &ParagraphInput,
        s: &mut Scratch,
        out: &mut SparseVec,
        explain: Option<&mut Explain>,
    );
    fn article(
        &self,
        a: &ArticleInput,
        s: &mut Scratch,
        out: &mut SparseVec,
        explain: Option<&mut Explain>,
    );
}

/// What a featurizer records so that cue terms can be named.
#[derive(Default, Debug)]
pub struct Explain {
    /// Parallel to the output's `idx`.
    pub origins: Vec<u32>,
    /// Normalised words of the text, indexed by origin.
    pub words: Vec<String>,
}

impl Explain {
    /// The human-readable term for an origin, if it names one.
    pub fn term(&self, origin: u32) -> Option<String> {
        if origin == NO_ORIGIN {
            return None;
        }
        if origin & BIGRAM_ORIGIN != 0 {
            let i = (origin & !BIGRAM_ORIGIN) as usize;
            return Some(format!("{} {}", self.words.get(i)?, self.words.get(i + 1)?));
        }
        self.words.get(origin as usize).cloned()
    }
}

/// The n-gram featurizer described in the module docs.
pub struct NgramFeaturizer {
    pub config: FeatureConfig,
    /// Inverse document frequency per bucket (1.0 everywhere until fitted).
    pub idf: Vec<f32>,
    mask: u32,
}

impl NgramFeaturizer {
    pub fn new(config: FeatureConfig, idf: Option<Vec<f32>>) -> Self {
        let dim = 1usize << config.bits;
        let idf = idf
            .filter(|v| v.len() == dim)
            .unwrap_or_else(|| vec![1.0; dim]);
        NgramFeaturizer {
            mask: (dim - 1) as u32,
            config,
            idf,
        }
    }

    /// IDF of a (normalised) word's unigram feature: how telling the word is in general.
    pub fn word_idf(&self, word: &str) -> f32 {
        self.idf[self.bucket(hash(NS_WORD, word.as_bytes())) as usize]
    }

    #[inline]
    fn bucket(&self, h: u64) -> u32 {
        (h as u32) & self.mask
    }

    /// Words and word bigrams of `s.norm` into `s.raw` (origins = token indices); cuts `s.tokens`.
    fn words(&self, s: &mut Scratch) {
        let Scratch {
            norm, tokens, raw, ..
        } = s;
        tokenize(norm, tokens);
        let b = norm.as_bytes();
        for (i, t) in tokens.iter().enumerate() {
            let w = &b[t.start as usize..t.end as usize];
            raw.push((self.bucket(hash(NS_WORD, w)), 1.0, i as u32));
            if let Some(n) = tokens.get(i + 1) {
                let w2 = &b[n.start as usize..n.end as usize];
                raw.push((
                    self.bucket(hash_pair(NS_BIGRAM, w, w2)),
                    1.0,
                    i as u32 | BIGRAM_ORIGIN,
                ));
            }
        }
    }

    /// Character n-grams of the tokens cut by [`Self::words`], over `<word>` so that prefixes and
    /// suffixes are features of their own.
    fn chars(&self, s: &mut Scratch) {
        let Scratch {
            norm, tokens, raw, ..
        } = s;
        let b = norm.as_bytes();
        let mut padded: Vec<u8> = Vec::with_capacity(64);
        let mut starts: Vec<usize> = Vec::with_capacity(64);
        for (i, t) in tokens.iter().enumerate() {
            padded.clear();
            padded.push(b'<');
            padded.extend_from_slice(&b[t.start as usize..t.end as usize]);
            padded.push(b'>');
            starts.clear();
            // Char boundaries: bytes that are not UTF-8 continuation bytes.
            starts.extend((0..padded.len()).filter(|&k| (padded[k] & 0xC0) != 0x80));
            let nchars = starts.len();
            for n in self.config.char_min..=self.config.char_max {
                if nchars < n {
                    break;
                }
                let ns = NS_CHAR | ((n as u8) << 4);
                for k in 0..=(nchars - n) {
                    let end = if k + n < nchars {
                        starts[k + n]
                    } else {
                        padded.len()
                    };
                    raw.push((
                        self.bucket(hash(ns, &padded[starts[k]..end])),
                        1.0,
                        i as u32,
                    ));
                }
            }
        }
    }

    /// Merges `s.raw` entries of one family into `s.out`: sublinear tf × idf, L2-normalised, × weight.
    fn flush_block(&self, s: &mut Scratch, weight: f32) {
        let Scratch {
            raw,
            block,
            out,
            slot,
            ..
        } = s;
        if raw.is_empty() {
            return;
        }
        merge_duplicates(slot, self.dim(), raw, block);
        raw.clear();
        let mut norm = 0f32;
        for j in 0..block.len() {
            if let Some(&(ahead, _, _)) = block.get(j + PREFETCH_AHEAD) {
                prefetch_row(&self.idf, ahead as usize, 1);
            }
            let e = &mut block[j];
            e.1 = (1.0 + e.1.ln()) * self.idf[e.0 as usize];
            norm += e.1 * e.1;
        }
        let scale = if norm > 0.0 {
            weight / norm.sqrt()
        } else {
            0.0
        };
        for e in block.iter() {
            out.push((e.0, e.1 * scale, e.2));
        }
    }

    fn shape(&self, text: &str, s: &mut Scratch, extra: &[(&str, f32)], lang: Option<Lang>) {
        let w = self.config.shape_weight;
        let lang_tag = lang.filter(|_| self.config.shape_by_lang);
        let push = |s: &mut Scratch, name: &str, v: f32| {
            if v != 0.0 {
                let b = self.bucket(hash(NS_SHAPE, name.as_bytes()));
                s.out.push((b, v * w, NO_ORIGIN));
                if let Some(l) = lang_tag {
                    let h = hash_pair(NS_SHAPE, name.as_bytes(), l.as_str().as_bytes());
                    s.out.push((self.bucket(h), v * w, NO_ORIGIN));
                }
            }
        };
        let n_words = s.tokens.len() as f32;
        let excl = text.matches('!').count() as f32;
        let quest = text.matches('?').count() as f32;
        let quotes = text
            .chars()
            .filter(|c| matches!(c, '"' | '«' | '»' | '“' | '”' | '„'))
            .count() as f32;
        let caps = text
            .split_whitespace()
            .filter(|w| w.chars().count() > 2 && w.chars().all(|c| c.is_uppercase()))
            .count() as f32;
        push(s, "bias", 1.0);
        push(s, "excl", (1.0 + excl).ln());
        push(s, "quest", (1.0 + quest).ln());
        push(s, "quotes", (1.0 + quotes).ln());
        push(s, "caps", (1.0 + caps).ln());
        push(
            s,
            "digits",
            f32::from(text.chars().any(|c| c.is_ascii_digit())),
        );
        push(s, "colon", f32::from(text.contains(':')));
        let len_bin = match n_words as u32 {
            0..=5 => "len:0-5",
            6..=15 => "len:6-15",
            16..=30 => "len:16-30",
            31..=60 => "len:31-60",
            61..=120 => "len:61-120",
            _ => "len:121+",
        };
        push(s, len_bin, 1.0);
        push(s, "loglen", (1.0 + n_words).ln() / 5.0);
        for (name, v) in extra {
            push(s, name, *v);
        }
        if let Some(l) = lang {
            push(s, &format!("lang:{l}"), 1.0);
        }
    }

    /// Sorts and merges `s.out` into the final vector (and origins when explaining).
    fn finish(&self, s: &mut Scratch, out: &mut SparseVec, explain: Option<&mut Explain>) {
        merge_duplicates(&mut s.slot, self.dim(), &s.out, &mut s.block);
        s.out.clear();
        out.idx.clear();
        out.val.clear();
        let mut origins = Vec::with_capacity(s.block.len());
        for &(i, v, o) in &s.block {
            out.idx.push(i);
            out.val.push(v);
            origins.push(o);
        }
        if let Some(e) = explain {
            e.origins = origins;
        }
    }

    fn record_words(s: &Scratch, explain: &mut Option<&mut Explain>) {
        if let Some(e) = explain.as_deref_mut() {
            e.words = s
                .tokens
                .iter()
                .map(|t| t.as_str(&s.norm).to_string())
                .collect();
        }
    }
}

impl Featurizer for NgramFeaturizer {
    fn dim(&self) -> usize {
        1 << self.config.bits
    }

    fn paragraph(
        &self,
        p: &ParagraphInput,
        s: &mut Scratch,
        out: &mut SparseVec,
        mut explain: Option<&mut Explain>,
    ) {
        s.out.clear();
        s.raw.clear();
        // Context first, so that `s.tokens` ends up holding the paragraph's own tokens.
        for ctx in [p.prev, p.next].into_iter().flatten() {
            normalize_into(clip(ctx, MAX_PARAGRAPH_BYTES), &mut s.norm);
            tokenize(&s.norm, &mut s.tokens);
            let b = s.norm.as_bytes();
            for t in &s.tokens {
                let h = hash(NS_CTX, &b[t.start as usize..t.end as usize]);
                s.raw.push((self.bucket(h), 1.0, NO_ORIGIN));
            }
        }
        self.flush_block(s, self.config.context_weight);

        let text = clip(p.text, MAX_PARAGRAPH_BYTES);
        normalize_into(text, &mut s.norm);
        self.words(s);
        self.flush_block(s, self.config.word_weight);
        self.chars(s);
        self.flush_block(s, self.config.char_weight);
        Self::record_words(s, &mut explain);
        let pos = if p.position < 0.15 {
            "pos:start"
        } else if p.position > 0.85 {
            "pos:end"
        } else {
            "pos:mid"
        };
        let mut extra: Vec<(&str, f32)> = vec![(pos, 1.0), ("is_title", f32::from(p.is_title))];
        extra.extend_from_slice(p.extra);
        self.shape(text, s, &extra, p.lang);
        self.finish(s, out, explain);
    }

    fn article(
        &self,
        a: &ArticleInput,
        s: &mut Scratch,
        out: &mut SparseVec,
        mut explain: Option<&mut Explain>,
    ) {
        s.out.clear();
        s.raw.clear();
        if let Some(t) = a.title {
            normalize_into(clip(t, MAX_PARAGRAPH_BYTES), &mut s.norm);
            tokenize(&s.norm, &mut s.tokens);
            let b = s.norm.as_bytes();
            for t in &s.tokens {
                let h = hash(NS_TITLE, &b[t.start as usize..t.end as usize]);
                s.raw.push((self.bucket(h), 1.0, NO_ORIGIN));
            }
            self.flush_block(s, self.config.title_weight);
        }
        let mut body = String::new();
        for para in a.paragraphs {
            if body.len() >= MAX_ARTICLE_BYTES {
                break;
            }
            body.push_str(clip(para, MAX_ARTICLE_BYTES - body.len()));
            body.push('\n');
        }
        normalize_into(&body, &mut s.norm);
        self.words(s);
        self.flush_block(s, self.config.word_weight);
        self.chars(s);
        self.flush_block(s, self.config.char_weight);
        Self::record_words(s, &mut explain);
        let n_par = a.paragraphs.len() as f32;
        let avg_len = if n_par > 0.0 {
            s.tokens.len() as f32 / n_par
        } else {
            0.0
        };
        self.shape(
            &body,
            s,
            &[
                ("npar", (1.0 + n_par).ln() / 3.0),
                ("avgparlen", (1.0 + avg_len).ln() / 4.0),
            ],
            a.lang,
        );
        self.finish(s, out, explain);
    }
}
