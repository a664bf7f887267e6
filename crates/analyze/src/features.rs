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
use crate::text::{normalize_append, normalize_into, tokenize, tokenize_append, Token};

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
    /// A word between `<` and `>`, and its character starts, for its character n-grams.
    padded: Vec<u8>,
    starts: Vec<usize>,
    /// Kept between articles so its buffers are reused (taken out while in use).
    pub prepared: PreparedLines,
}

/// An article's lines normalised, cut into words and hashed once. Without it every line is read
/// four times (its own features, the article's, and as context of the line before and the line
/// after); with it those passes copy bucket numbers. [`NgramFeaturizer::prepare`] fills it,
/// [`NgramFeaturizer::article_prepared`] and [`NgramFeaturizer::paragraph_prepared`] read it, and
/// their vectors are the ones [`Featurizer::article`] and [`Featurizer::paragraph`] give.
#[derive(Default)]
pub struct PreparedLines {
    /// Every line (clipped as [`Featurizer::paragraph`] clips it) normalised, one after another.
    norm: String,
    /// Tokens of `norm`, line after line.
    tokens: Vec<Token>,
    /// Per line: its first token and one past its last, and whether clipping cut it.
    lines: Vec<(u32, u32, bool)>,
    /// Per token: its word bucket, its context bucket, and the bucket of the bigram it starts
    /// within its line ([`NO_BIGRAM`] for a line's last token).
    word: Vec<u32>,
    ctx: Vec<u32>,
    bigram: Vec<u32>,
    /// Character n-gram buckets of all tokens; token `t`'s are `chars[char_start[t]..char_start[t + 1]]`.
    chars: Vec<u32>,
    char_start: Vec<u32>,
}

/// No bigram starts at this token inside its line.
const NO_BIGRAM: u32 = u32::MAX;

impl PreparedLines {
    fn line_tokens(&self, k: usize) -> std::ops::Range<usize> {
        let (a, b, _) = self.lines[k];
        a as usize..b as usize
    }

    fn token_bytes(&self, t: usize) -> &[u8] {
        let t = self.tokens[t];
        &self.norm.as_bytes()[t.start as usize..t.end as usize]
    }

    fn token_chars(&self, t: usize) -> &[u32] {
        &self.chars[self.char_start[t] as usize..self.char_start[t + 1] as usize]
    }
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
            norm,
            tokens,
            raw,
            padded,
            starts,
            ..
        } = s;
        let b = norm.as_bytes();
        for (i, t) in tokens.iter().enumerate() {
            self.token_chars(&b[t.start as usize..t.end as usize], padded, starts, |c| {
                raw.push((c, 1.0, i as u32))
            });
        }
    }

    /// The character n-gram buckets of one word, in the order [`Self::chars`] emits them.
    fn token_chars(
        &self,
        word: &[u8],
        padded: &mut Vec<u8>,
        starts: &mut Vec<usize>,
        mut emit: impl FnMut(u32),
    ) {
        padded.clear();
        padded.push(b'<');
        padded.extend_from_slice(word);
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
                emit(self.bucket(hash(ns, &padded[starts[k]..end])));
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

    fn shape(
        &self,
        text: &str,
        n_words: usize,
        s: &mut Scratch,
        extra: &[(&str, f32)],
        lang: Option<Lang>,
    ) {
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
        let n_words = n_words as f32;
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

    /// The words of `text` under namespace `ns` into `s.raw`, with no origin (a neighbour's
    /// context, the title): normalised and tokenised into `s.norm` and `s.tokens`.
    fn push_words(&self, text: &str, ns: u8, s: &mut Scratch) {
        normalize_into(clip(text, MAX_PARAGRAPH_BYTES), &mut s.norm);
        tokenize(&s.norm, &mut s.tokens);
        let b = s.norm.as_bytes();
        for t in &s.tokens {
            let h = hash(ns, &b[t.start as usize..t.end as usize]);
            s.raw.push((self.bucket(h), 1.0, NO_ORIGIN));
        }
    }

    /// The title's words (their own family), for the article heads.
    fn title(&self, title: Option<&str>, s: &mut Scratch) {
        if let Some(t) = title {
            self.push_words(t, NS_TITLE, s);
            self.flush_block(s, self.config.title_weight);
        }
    }

    /// Shape features of a paragraph of `n_words` words.
    fn paragraph_shape(&self, p: &ParagraphInput, n_words: usize, s: &mut Scratch) {
        let pos = if p.position < 0.15 {
            "pos:start"
        } else if p.position > 0.85 {
            "pos:end"
        } else {
            "pos:mid"
        };
        let mut extra: Vec<(&str, f32)> = vec![(pos, 1.0), ("is_title", f32::from(p.is_title))];
        extra.extend_from_slice(p.extra);
        self.shape(
            clip(p.text, MAX_PARAGRAPH_BYTES),
            n_words,
            s,
            &extra,
            p.lang,
        );
    }

    /// Shape features of an article whose body (paragraphs joined by newlines, as read) is
    /// `body`, of `n_words` words.
    fn article_shape(&self, body: &str, n_words: usize, a: &ArticleInput, s: &mut Scratch) {
        let n_par = a.paragraphs.len() as f32;
        let avg_len = if n_par > 0.0 {
            n_words as f32 / n_par
        } else {
            0.0
        };
        self.shape(
            body,
            n_words,
            s,
            &[
                ("npar", (1.0 + n_par).ln() / 3.0),
                ("avgparlen", (1.0 + avg_len).ln() / 4.0),
            ],
            a.lang,
        );
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

    /// Normalises, tokenises and hashes `lines` once into `prep`, for
    /// [`Self::article_prepared`] and [`Self::paragraph_prepared`].
    pub fn prepare(&self, lines: &[&str], s: &mut Scratch, prep: &mut PreparedLines) {
        let p = prep;
        p.norm.clear();
        p.tokens.clear();
        p.lines.clear();
        p.word.clear();
        p.ctx.clear();
        p.bigram.clear();
        p.chars.clear();
        p.char_start.clear();
        p.char_start.push(0);
        for line in lines {
            let text = clip(line, MAX_PARAGRAPH_BYTES);
            let base = p.norm.len();
            normalize_append(text, &mut p.norm);
            let first = p.tokens.len();
            tokenize_append(&p.norm[base..], base as u32, &mut p.tokens);
            p.lines
                .push((first as u32, p.tokens.len() as u32, text.len() < line.len()));
            let b = p.norm.as_bytes();
            for t in first..p.tokens.len() {
                let tok = p.tokens[t];
                let w = &b[tok.start as usize..tok.end as usize];
                p.word.push(self.bucket(hash(NS_WORD, w)));
                p.ctx.push(self.bucket(hash(NS_CTX, w)));
                // (The tokens so far end with this line's: its last token has no next one.)
                p.bigram.push(match p.tokens.get(t + 1) {
                    Some(n) => {
                        let w2 = &b[n.start as usize..n.end as usize];
                        self.bucket(hash_pair(NS_BIGRAM, w, w2))
                    }
                    None => NO_BIGRAM,
                });
                let chars = &mut p.chars;
                self.token_chars(w, &mut s.padded, &mut s.starts, |c| chars.push(c));
                p.char_start.push(p.chars.len() as u32);
            }
        }
    }

    /// [`Featurizer::article`] over lines `body` of `prep` (in order), giving the same vector;
    /// `a.paragraphs` must be those lines' texts. Falls back to reading the text when a line was
    /// clipped or the body is longer than the article pass reads.
    pub fn article_prepared(
        &self,
        a: &ArticleInput,
        body: &[usize],
        prep: &PreparedLines,
        s: &mut Scratch,
        out: &mut SparseVec,
        mut explain: Option<&mut Explain>,
    ) {
        let total: usize = a.paragraphs.iter().map(|p| p.len() + 1).sum();
        if total > MAX_ARTICLE_BYTES || body.iter().any(|&k| prep.lines[k].2) {
            return self.article(a, s, out, explain);
        }
        s.out.clear();
        s.raw.clear();
        self.title(a.title, s);
        // The body's tokens, numbered through it as one text (`g`, their origin).
        let body_tokens = || {
            body.iter()
                .flat_map(|&k| prep.line_tokens(k))
                .enumerate()
                .map(|(g, t)| (g as u32, t))
        };
        // A bigram across two lines is hashed here (the prepared ones stay inside a line).
        let mut last: Option<usize> = None;
        for (g, t) in body_tokens() {
            if let Some(l) = last {
                let b = match prep.bigram[l] {
                    NO_BIGRAM => self.bucket(hash_pair(
                        NS_BIGRAM,
                        prep.token_bytes(l),
                        prep.token_bytes(t),
                    )),
                    b => b,
                };
                s.raw.push((b, 1.0, (g - 1) | BIGRAM_ORIGIN));
            }
            s.raw.push((prep.word[t], 1.0, g));
            last = Some(t);
        }
        self.flush_block(s, self.config.word_weight);
        for (g, t) in body_tokens() {
            s.raw
                .extend(prep.token_chars(t).iter().map(|&c| (c, 1.0, g)));
        }
        self.flush_block(s, self.config.char_weight);
        let n_words = body.iter().map(|&k| prep.line_tokens(k).len()).sum();
        if let Some(e) = explain.as_deref_mut() {
            e.words.clear();
            e.words
                .extend(body_tokens().map(|(_, t)| prep.tokens[t].as_str(&prep.norm).to_string()));
        }
        let mut text = std::mem::take(&mut s.norm);
        text.clear();
        for para in a.paragraphs {
            text.push_str(para);
            text.push('\n');
        }
        self.article_shape(&text, n_words, a, s);
        s.norm = text;
        self.finish(s, out, explain);
    }

    /// [`Featurizer::paragraph`] for line `k` of `prep` (whose neighbours in `prep` are
    /// `p.prev` and `p.next`), giving the same vector.
    pub fn paragraph_prepared(
        &self,
        p: &ParagraphInput,
        k: usize,
        prep: &PreparedLines,
        s: &mut Scratch,
        out: &mut SparseVec,
        mut explain: Option<&mut Explain>,
    ) {
        s.out.clear();
        s.raw.clear();
        let neighbours = [
            k.checked_sub(1).filter(|_| p.prev.is_some()),
            Some(k + 1).filter(|_| p.next.is_some()),
        ];
        for j in neighbours.into_iter().flatten() {
            s.raw
                .extend(prep.line_tokens(j).map(|t| (prep.ctx[t], 1.0, NO_ORIGIN)));
        }
        self.flush_block(s, self.config.context_weight);
        let own = prep.line_tokens(k);
        for (i, t) in own.clone().enumerate() {
            s.raw.push((prep.word[t], 1.0, i as u32));
            if prep.bigram[t] != NO_BIGRAM {
                s.raw.push((prep.bigram[t], 1.0, i as u32 | BIGRAM_ORIGIN));
            }
        }
        self.flush_block(s, self.config.word_weight);
        for (i, t) in own.clone().enumerate() {
            s.raw
                .extend(prep.token_chars(t).iter().map(|&c| (c, 1.0, i as u32)));
        }
        self.flush_block(s, self.config.char_weight);
        if let Some(e) = explain.as_deref_mut() {
            e.words.clear();
            e.words.extend(
                own.clone()
                    .map(|t| prep.tokens[t].as_str(&prep.norm).to_string()),
            );
        }
        self.paragraph_shape(p, own.len(), s);
        self.finish(s, out, explain);
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
            self.push_words(ctx, NS_CTX, s);
        }
        self.flush_block(s, self.config.context_weight);

        let text = clip(p.text, MAX_PARAGRAPH_BYTES);
        normalize_into(text, &mut s.norm);
        self.words(s);
        self.flush_block(s, self.config.word_weight);
        self.chars(s);
        self.flush_block(s, self.config.char_weight);
        Self::record_words(s, &mut explain);
        self.paragraph_shape(p, s.tokens.len(), s);
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
        self.title(a.title, s);
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
        self.article_shape(&body, s.tokens.len(), a, s);
        self.finish(s, out, explain);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The prepared passes must give exactly the vectors (and cue words) of the plain ones, for
    /// any lines: apostrophes at a line's edge, lines without words, a title line among them,
    /// lines longer than the paragraph clip, bodies longer than the article clip.
    #[test]
    fn prepared_passes_equal_plain_ones() {
        let f = NgramFeaturizer::new(
            FeatureConfig {
                bits: 12,
                ..FeatureConfig::default()
            },
            None,
        );
        let long_line = "Rząd «ogłosił» nowe podatki, l'état aussi. ".repeat(500);
        let huge_body: Vec<String> = (0..40)
            .map(|i| format!("paragraph {i} ") + &"word ".repeat(2000))
            .collect();
        let mut cases: Vec<Vec<String>> = vec![
            vec![
                "Title: the council's vote".into(),
                "It said 'no' — and ЁЛКА stayed'".into(),
                "*** ---".into(),
                "'quoted' start and don't end".into(),
                "Последний абзац: «всё»!".into(),
            ],
            vec!["only one line".into()],
            vec![long_line.clone(), "short one".into(), long_line],
            huge_body,
        ];
        cases.push(Vec::new());
        let mut s = Scratch::default();
        let mut prep = PreparedLines::default();
        for lines in &cases {
            let texts: Vec<&str> = lines.iter().map(String::as_str).collect();
            f.prepare(&texts, &mut s, &mut prep);
            for title_line in [None, Some(0usize), Some(1)] {
                let body_idx: Vec<usize> = (0..texts.len())
                    .filter(|&k| Some(k) != title_line)
                    .collect();
                let body: Vec<&str> = body_idx.iter().map(|&k| texts[k]).collect();
                let a = ArticleInput {
                    title: title_line.and_then(|k| texts.get(k).copied()),
                    paragraphs: &body,
                    lang: Some(Lang::EN),
                };
                let (mut x1, mut x2) = (SparseVec::default(), SparseVec::default());
                let (mut e1, mut e2) = (Explain::default(), Explain::default());
                f.article(&a, &mut s, &mut x1, Some(&mut e1));
                f.article_prepared(&a, &body_idx, &prep, &mut s, &mut x2, Some(&mut e2));
                assert_eq!(x1, x2);
                assert_eq!((e1.origins, e1.words), (e2.origins, e2.words));
            }
            for k in 0..texts.len() {
                let extra = [("genre:opinion", 0.5)];
                let p = ParagraphInput {
                    text: texts[k],
                    prev: k.checked_sub(1).map(|j| texts[j]),
                    next: texts.get(k + 1).copied(),
                    is_title: k == 0,
                    position: 0.5,
                    lang: None,
                    extra: &extra,
                };
                let (mut x1, mut x2) = (SparseVec::default(), SparseVec::default());
                let (mut e1, mut e2) = (Explain::default(), Explain::default());
                f.paragraph(&p, &mut s, &mut x1, Some(&mut e1));
                f.paragraph_prepared(&p, k, &prep, &mut s, &mut x2, Some(&mut e2));
                assert!(!x1.idx.is_empty());
                assert_eq!(x1, x2);
                assert_eq!((e1.origins, e1.words), (e2.origins, e2.words));
            }
        }
    }
}
