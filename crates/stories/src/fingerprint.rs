//! Per-article fingerprints: the compact, comparable summary that clustering, repost detection and
//! pair similarity all work from, computed once per article in linear time.

use newsprism_core::{Article, Lang};

use crate::actors::entity_keys;
use crate::fasthash::FastMap;
use crate::text::{tokenize, Kind, Token};
use crate::translit::fold;

/// A sparse vector: `(key, weight)` sorted by key, keys unique.
pub type Sparse = Vec<(u32, f32)>;

/// Number of MinHash permutations; 64 gives a Jaccard estimate within about ±0.06.
pub const MINHASH_LEN: usize = 64;

/// Everything the comparisons need about one text.
#[derive(Clone, Debug, Default)]
pub struct Fingerprint {
    pub lang: Option<Lang>,
    /// Days since 1970-01-01 of the publication date, when known.
    pub day: Option<i32>,
    pub word_count: usize,
    /// Length of the folded text in bytes.
    pub folded_len: usize,
    /// Character 4-grams of the folded text, log-scaled counts.
    pub chars: Sparse,
    /// Word stems (folded words of 3+ letters cut to 6), log-scaled counts.
    pub words: Sparse,
    /// Named-entity keys (alias canonical names or spelling-tolerant name keys), counts.
    pub ents: Sparse,
    /// Figures (exact values), counts.
    pub nums: Sparse,
    /// Title word stems (the `title` field, or the first line when it is short).
    pub title: Sparse,
    /// MinHash signature of word 3-shingles, for near-duplicate detection.
    pub minhash: Vec<u32>,
    /// IDF weight of each name key (set by [`Fingerprint::prepare`]).
    pub ents_idf: Sparse,
    /// IDF weight of each figure (set by [`Fingerprint::prepare`]).
    pub nums_idf: Sparse,
    /// Keys of the distinctive figures (not years, at least 10), sorted: the figures that make an
    /// event recognisable across languages.
    pub figures: Vec<u32>,
    /// Figure keys in order of first appearance (at most 64): translations keep the order.
    pub num_order: Vec<u32>,
    /// Non-empty lines (paragraphs): translations keep the paragraphing.
    pub paragraphs: u32,
    /// Name keys that are rare in the collection (set by [`Fingerprint::prepare`]; see
    /// [`Idf::specific_cap`]), sorted.
    pub rare_ents: Vec<u32>,
    /// Whether [`Fingerprint::prepare`] has turned the counts into unit-length TF-IDF vectors.
    pub prepared: bool,
}

/// A fast, stable 64-bit hash (FxHash-style) with a per-field salt.
pub fn hash_str(salt: u64, s: &str) -> u64 {
    hash_bytes(salt, s.as_bytes())
}

fn hash_bytes(salt: u64, s: &[u8]) -> u64 {
    let mut h: u64 = salt.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for &b in s {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517C_C1B7_2722_0A95);
    }
    h ^ (h >> 29)
}

/// 32-bit feature key (collisions at this size only blur weights slightly, and halve memory).
#[inline]
pub fn key32(salt: u64, s: &str) -> u32 {
    let h = hash_str(salt, s);
    (h ^ (h >> 32)) as u32
}

pub(crate) const SALT_CHAR: u64 = 1;
pub(crate) const SALT_WORD: u64 = 2;
pub(crate) const SALT_ENT: u64 = 3;
pub(crate) const SALT_NUM: u64 = 4;
pub(crate) const SALT_TITLE: u64 = 5;

/// Counts keys (sorting beats hashing for a few hundred small keys) into a sparse vector of
/// raw or log-scaled counts.
fn counted(mut keys: Vec<u32>, log: bool) -> Sparse {
    keys.sort_unstable();
    let mut out: Sparse = Vec::with_capacity(keys.len());
    for k in keys {
        match out.last_mut() {
            Some((last, c)) if *last == k => *c += 1.0,
            _ => out.push((k, 1.0)),
        }
    }
    if log {
        for (_, c) in out.iter_mut() {
            *c = 1.0 + c.ln();
        }
    }
    out
}

/// The stem used for word overlap: the folded word cut to six letters, which merges most
/// inflections in all the project's languages without a stemmer per language.
pub fn stem(folded: &str) -> &str {
    let mut end = folded.len().min(6);
    while !folded.is_char_boundary(end) {
        end -= 1;
    }
    &folded[..end]
}

impl Fingerprint {
    /// Fingerprints an article (title, body, declared language, publication date).
    pub fn of_article(a: &Article) -> Fingerprint {
        let body = a.lines.join("\n");
        let title = a.title.clone().or_else(|| {
            a.lines
                .iter()
                .find(|l| !l.trim().is_empty())
                .filter(|l| l.chars().count() <= 200)
                .cloned()
        });
        let text = match (&a.title, a.title_line()) {
            (Some(t), None) => format!("{t}\n{body}"),
            _ => body,
        };
        let mut fp = Fingerprint::of_text(&text, title.as_deref());
        fp.lang = a.declared_lang.or_else(|| guess_script_lang(&text));
        fp.day = a.published.as_deref().and_then(parse_day);
        fp
    }

    /// Fingerprints raw text; `title` may be `None` (then the first short line or the text up to
    /// the first double space is used, as in scraped pairs where the title runs into the body).
    pub fn of_text(text: &str, title: Option<&str>) -> Fingerprint {
        let toks = tokenize(text);
        Fingerprint::of_tokens(text, &toks, title)
    }

    /// Fingerprints already tokenized text (lets callers share one tokenization).
    pub fn of_tokens(text: &str, toks: &[Token], title: Option<&str>) -> Fingerprint {
        let mut words: Vec<u32> = Vec::with_capacity(toks.len());
        let mut nums: Vec<u32> = Vec::new();
        let mut folded_words: Vec<&str> = Vec::with_capacity(toks.len());
        let mut figures: Vec<u32> = Vec::new();
        let mut num_order: Vec<u32> = Vec::new();
        let mut word_count = 0;
        for t in toks {
            match t.kind {
                Kind::Word => {
                    word_count += 1;
                    folded_words.push(&t.folded);
                    if t.folded.len() >= 3 {
                        words.push(key32(SALT_WORD, stem(&t.folded)));
                    }
                }
                Kind::Number { value, year_like } => {
                    word_count += 1;
                    let key = format!("{value}");
                    folded_words.push("#");
                    let k = key32(SALT_NUM, &key);
                    nums.push(k);
                    if num_order.len() < 64 && !num_order.contains(&k) {
                        num_order.push(k);
                    }
                    if !year_like && value >= 10.0 {
                        figures.push(k);
                    }
                }
                _ => {}
            }
        }
        // Character 4-grams over the folded words joined by spaces.
        let mut chars: Vec<u32> = Vec::new();
        let joined = folded_words.join(" ");
        let jb = joined.as_bytes();
        let padded_len = jb.len();
        if padded_len >= 4 {
            for w in jb.windows(4) {
                let h = hash_bytes(SALT_CHAR, w);
                chars.push((h ^ (h >> 32)) as u32);
            }
        }
        let ents = entity_keys(toks);
        let ent_keys: Vec<u32> = ents.iter().map(|k| key32(SALT_ENT, k)).collect();
        let title_text = title
            .map(str::to_string)
            .unwrap_or_else(|| implicit_title(text));
        let mut tkeys: Vec<u32> = Vec::new();
        for w in fold(&title_text).split(' ').filter(|w| w.len() >= 3) {
            tkeys.push(key32(SALT_TITLE, stem(w)));
        }
        Fingerprint {
            lang: None,
            day: None,
            word_count,
            folded_len: joined.len(),
            chars: counted(chars, true),
            words: counted(words, true),
            ents: counted(ent_keys, true),
            nums: counted(nums, false),
            title: {
                tkeys.sort_unstable();
                tkeys.dedup();
                tkeys.into_iter().map(|k| (k, 1.0)).collect()
            },
            minhash: minhash(&folded_words),
            ents_idf: Vec::new(),
            nums_idf: Vec::new(),
            rare_ents: Vec::new(),
            num_order,
            paragraphs: text.lines().filter(|l| !l.trim().is_empty()).count() as u32,
            figures: {
                figures.sort_unstable();
                figures.dedup();
                figures
            },
            prepared: false,
        }
    }
}

/// The title of scraped text without a separate title: the first line if short, else the text up
/// to the first double space, else the first 12 words.
pub fn implicit_title(text: &str) -> String {
    let t = text.trim_start();
    let first_line = t.lines().next().unwrap_or("");
    if !first_line.is_empty() && first_line.chars().count() <= 200 && t.contains('\n') {
        return first_line.to_string();
    }
    if let Some(i) = t.find("  ") {
        if t[..i].chars().count() <= 200 {
            return t[..i].to_string();
        }
    }
    t.split_whitespace().take(12).collect::<Vec<_>>().join(" ")
}

/// Language from the script alone, for articles that declare none (Cyrillic → ru, Greek → el,
/// Georgian → ka); Latin-script languages are left unknown.
pub fn guess_script_lang(text: &str) -> Option<Lang> {
    let (mut cyr, mut greek, mut geo, mut latin) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars().take(2000) {
        match c {
            'a'..='z' | 'A'..='Z' => latin += 1,
            '\u{0400}'..='\u{04FF}' => cyr += 1,
            '\u{0370}'..='\u{03FF}' => greek += 1,
            '\u{10A0}'..='\u{10FF}' => geo += 1,
            _ => {}
        }
    }
    let max = latin.max(cyr).max(greek).max(geo);
    if max == 0 || max == latin {
        None
    } else if max == cyr {
        Some(Lang::RU)
    } else if max == greek {
        Some(Lang::EL)
    } else {
        Some(Lang::KA)
    }
}

/// Days since 1970-01-01 of an ISO 8601 date or date-time (`2026-01-05`, `2026-01-05T10:00Z`).
pub fn parse_day(s: &str) -> Option<i32> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i32 = s.get(0..4)?.parse().ok()?;
    let m: u32 = s.get(5..7)?.parse().ok()?;
    let d: u32 = s.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy as i32;
    Some(era * 146_097 + doe - 719_468)
}

/// MinHash of word 3-shingles (of the words themselves, so it only sees same-language copies).
fn minhash(words: &[&str]) -> Vec<u32> {
    let mut sig = vec![u32::MAX; MINHASH_LEN];
    if words.len() < 3 {
        return sig;
    }
    for w in words.windows(3) {
        let base = hash_str(7, w[0])
            ^ hash_str(8, w[1]).rotate_left(21)
            ^ hash_str(9, w[2]).rotate_left(42);
        for (i, slot) in sig.iter_mut().enumerate() {
            let h = (base ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
                .wrapping_mul(0xBF58_476D_1CE4_E5B9);
            let v = (h >> 32) as u32;
            if v < *slot {
                *slot = v;
            }
        }
    }
    sig
}

/// Estimated Jaccard similarity of two MinHash signatures (0 when either text was too short).
pub fn minhash_jaccard(a: &[u32], b: &[u32]) -> f32 {
    if a.first() == Some(&u32::MAX) || b.first() == Some(&u32::MAX) {
        return 0.0;
    }
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f32 / a.len().max(1) as f32
}

/// Document frequencies over a collection, for IDF weighting.
#[derive(Clone, Debug, Default)]
pub struct Idf {
    pub docs: u32,
    pub df: FastMap<u32, u32>,
}

impl Idf {
    /// Counts document frequencies of every key in every field (before [`Fingerprint::prepare`]).
    pub fn fit<'a>(fps: impl IntoIterator<Item = &'a Fingerprint>) -> Idf {
        let mut idf = Idf::default();
        for fp in fps {
            idf.docs += 1;
            for v in [&fp.chars, &fp.words, &fp.ents, &fp.nums, &fp.title] {
                for (k, _) in v {
                    *idf.df.entry(*k).or_default() += 1;
                }
            }
        }
        idf
    }

    /// Most documents a key may appear in and still identify an event: 1 % of the collection, at
    /// least 50 (so "Russia" in thousands of articles is not specific, but the name of the town
    /// in every article of a small collection is).
    pub fn specific_cap(&self) -> u32 {
        (self.docs / 100).max(50)
    }

    /// Document frequency of a key.
    pub fn df(&self, key: u32) -> u32 {
        self.df.get(&key).copied().unwrap_or(0)
    }

    /// Smoothed inverse document frequency; unseen keys get the maximum.
    #[inline]
    pub fn weight(&self, key: u32) -> f32 {
        let df = self.df.get(&key).copied().unwrap_or(0);
        ((self.docs as f32 + 1.0) / (df as f32 + 1.0)).ln() + 1.0
    }
}

fn weigh(v: &mut Sparse, idf: &Idf) {
    let mut norm = 0.0f32;
    for (k, w) in v.iter_mut() {
        *w *= idf.weight(*k);
        norm += *w * *w;
    }
    let norm = norm.sqrt();
    if norm > 0.0 {
        for (_, w) in v.iter_mut() {
            *w /= norm;
        }
    }
}

impl Fingerprint {
    /// Turns counts into unit-length TF-IDF vectors so that every later comparison is a plain
    /// merge of two sorted lists. Idempotent.
    pub fn prepare(&mut self, idf: &Idf) {
        if self.prepared {
            return;
        }
        self.ents_idf = self
            .ents
            .iter()
            .map(|(k, _)| (*k, idf.weight(*k)))
            .collect();
        self.nums_idf = self
            .nums
            .iter()
            .map(|(k, _)| (*k, idf.weight(*k)))
            .collect();
        let cap = idf.specific_cap();
        self.rare_ents = self
            .ents
            .iter()
            .map(|e| e.0)
            .filter(|&k| idf.df(k) <= cap)
            .collect();
        self.figures.retain(|&k| idf.df(k) <= cap);
        for v in [
            &mut self.chars,
            &mut self.words,
            &mut self.ents,
            &mut self.title,
        ] {
            weigh(v, idf);
        }
        self.prepared = true;
    }
}

/// Cosine of two prepared (unit-length) sparse vectors.
pub fn cosine(a: &Sparse, b: &Sparse) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot.min(1.0)
}

/// Weighted overlap of two key sets whose weights are IDF values: shared weight over the
/// smaller side's weight (containment), and over the union (Jaccard).
pub fn overlap(a: &Sparse, b: &Sparse) -> (f32, f32) {
    if a.is_empty() || b.is_empty() {
        return (0.0, 0.0);
    }
    let wa: f32 = a.iter().map(|e| e.1).sum();
    let wb: f32 = b.iter().map(|e| e.1).sum();
    let (mut i, mut j, mut shared) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += a[i].1;
                i += 1;
                j += 1;
            }
        }
    }
    let contain = shared / wa.min(wb).max(1e-6);
    let jacc = shared / (wa + wb - shared).max(1e-6);
    (contain.min(1.0), jacc.min(1.0))
}

/// Prepares a batch of fingerprints with IDF fitted on the batch itself.
pub fn prepare_all(fps: &mut [Fingerprint]) -> Idf {
    use rayon::prelude::*;
    let idf = Idf::fit(fps.iter());
    fps.par_iter_mut().for_each(|f| f.prepare(&idf));
    idf
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days() {
        assert_eq!(parse_day("1970-01-01"), Some(0));
        assert_eq!(parse_day("2026-01-05T10:00:00Z"), Some(20458));
        assert_eq!(parse_day("yesterday"), None);
        assert_eq!(parse_day("2026-13-01"), None);
    }

    #[test]
    fn same_text_is_similar() {
        let a = Fingerprint::of_text(
            "Eight police officers were killed in Almaty on Tuesday.",
            None,
        );
        let b = Fingerprint::of_text(
            "Eight police officers were killed in Almaty on Tuesday.",
            None,
        );
        let c = Fingerprint::of_text("The central bank raised interest rates in Warsaw.", None);
        let mut v = vec![a, b, c];
        prepare_all(&mut v);
        let (a, b, c) = (&v[0], &v[1], &v[2]);
        assert!(cosine(&a.chars, &b.chars) > 0.99);
        assert!(cosine(&a.chars, &c.chars) < 0.3);
        assert!(minhash_jaccard(&a.minhash, &b.minhash) > 0.99);
    }
}
