//! Article-wide repetition cues for the technique head.
//!
//! *Repetition* (the same word or phrase hammered across an article) is the seventh most
//! frequent technique in the training data, but a paragraph's own n-grams cannot show it: the
//! evidence is that its words recur in *other* paragraphs. These features measure that, per
//! line, from one pass over the article: how often the line's telling words (IDF above a
//! threshold, so function words do not count) and word pairs occur in the other lines, and
//! whether a word repeats within the line itself. Language-independent by construction.

use std::collections::HashMap;

use crate::features::{clip, MAX_PARAGRAPH_BYTES};
use crate::hash::{hash, hash_pair};
use crate::text::{normalize_into, tokenize, Token};

/// Number of repetition features per line.
pub const COUNT: usize = 4;

/// Feature names (shape features of the paragraph, scaled by the shape weight).
pub const NAMES: [&str; COUNT] = [
    // ln(1 + the most other lines any telling word of this line appears in)
    "rep:word_max",
    // ln(1 + telling words of this line found in at least two other lines)
    "rep:words_2",
    // ln(1 + word pairs of this line found in another line)
    "rep:pairs",
    // ln(1 + extra occurrences of this line's most repeated telling word within the line)
    "rep:within",
];

/// Telling words shorter than this many bytes are ignored (numbers, initials, particles).
const MIN_WORD_BYTES: usize = 3;

/// Repetition features of every line of an article (`lines` in article order, title included),
/// each scaled by `weight`; words with IDF below `min_idf` do not count. All zeros when
/// `weight` is 0, so models trained without them see nothing new.
pub fn line_features(
    lines: &[&str],
    idf: &dyn Fn(&str) -> f32,
    min_idf: f32,
    weight: f32,
) -> Vec<[f32; COUNT]> {
    let mut out = vec![[0f32; COUNT]; lines.len()];
    if weight == 0.0 || lines.len() < 2 {
        return out;
    }
    // Per line: its distinct telling words and word pairs (hashes), and the within-line maximum.
    let mut norm = String::new();
    let mut tokens: Vec<Token> = Vec::new();
    let mut telling: Vec<bool> = Vec::new();
    let mut words_of: Vec<Vec<u64>> = Vec::with_capacity(lines.len());
    let mut pairs_of: Vec<Vec<u64>> = Vec::with_capacity(lines.len());
    let mut within: Vec<u32> = Vec::with_capacity(lines.len());
    for line in lines {
        normalize_into(clip(line, MAX_PARAGRAPH_BYTES), &mut norm);
        tokenize(&norm, &mut tokens);
        // Decided once per token (an IDF lookup hashes the word): used for words and pairs.
        telling.clear();
        telling.extend(tokens.iter().map(|t| {
            let w = t.as_str(&norm);
            w.len() >= MIN_WORD_BYTES && !w.bytes().all(|b| b.is_ascii_digit()) && idf(w) >= min_idf
        }));
        let mut words: Vec<u64> = tokens
            .iter()
            .zip(&telling)
            .filter(|(_, &t)| t)
            .map(|(t, _)| hash(0, t.as_str(&norm).as_bytes()))
            .collect();
        words.sort_unstable();
        let mut max_run = 0u32;
        let mut run = 0u32;
        for (i, w) in words.iter().enumerate() {
            run = if i > 0 && words[i - 1] == *w {
                run + 1
            } else {
                0
            };
            max_run = max_run.max(run);
        }
        words.dedup();
        // A pair counts when at least one of its words is telling ("the war" yes, "of the" no).
        let mut pairs: Vec<u64> = tokens
            .windows(2)
            .zip(telling.windows(2))
            .filter(|(_, t)| t[0] || t[1])
            .map(|(p, _)| {
                hash_pair(
                    1,
                    p[0].as_str(&norm).as_bytes(),
                    p[1].as_str(&norm).as_bytes(),
                )
            })
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        words_of.push(words);
        pairs_of.push(pairs);
        within.push(max_run);
    }
    // Number of lines each word / pair occurs in.
    let mut line_freq: HashMap<u64, u32> = HashMap::new();
    for h in words_of.iter().chain(&pairs_of).flatten() {
        *line_freq.entry(*h).or_default() += 1;
    }
    let others = |h: &u64| line_freq.get(h).map_or(0, |&n| n - 1);
    for (k, o) in out.iter_mut().enumerate() {
        let word_max = words_of[k].iter().map(others).max().unwrap_or(0);
        let words_2 = words_of[k].iter().filter(|h| others(h) >= 2).count();
        let pairs = pairs_of[k].iter().filter(|h| others(h) >= 1).count();
        let f = |x: f32| (1.0 + x).ln() * weight;
        *o = [
            f(word_max as f32),
            f(words_2 as f32),
            f(pairs as f32),
            f(within[k] as f32),
        ];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feats(lines: &[&str]) -> Vec<[f32; COUNT]> {
        // Every word of 3+ bytes is telling except "the" and "and".
        let idf = |w: &str| if matches!(w, "the" | "and") { 1.0 } else { 5.0 };
        line_features(lines, &idf, 3.0, 1.0)
    }

    #[test]
    fn counts_words_and_pairs_that_recur_in_other_lines() {
        let f = feats(&[
            "Freedom is under attack.",
            "They attack freedom and the press.",
            "Freedom, freedom, freedom!",
            "The weather was mild.",
        ]);
        // "freedom" is in 3 lines: from line 0 it occurs in 2 others.
        assert!((f[0][0] - 3f32.ln()).abs() < 1e-6);
        // line 0: "freedom" is in ≥ 2 other lines, "attack" in only one.
        assert!((f[0][1] - 2f32.ln()).abs() < 1e-6);
        // line 2 repeats "freedom" twice more within itself.
        assert!((f[2][3] - 3f32.ln()).abs() < 1e-6);
        // line 3 shares nothing telling ("the" is a function word here).
        assert_eq!(f[3], [0.0; COUNT]);
    }

    #[test]
    fn shared_word_pairs_are_counted_once_per_pair() {
        let f = feats(&[
            "The rigged election was stolen.",
            "A rigged election again.",
        ]);
        // "rigged election" is shared; "election was" / "election again" are not.
        assert!((f[1][2] - 2f32.ln()).abs() < 1e-6, "{:?}", f[1]);
        assert_eq!(f[0][1], 0.0, "no word is in two other lines");
    }

    #[test]
    fn off_when_the_weight_is_zero_or_the_article_has_one_line() {
        let idf = |_: &str| 5.0;
        let lines = ["same words here", "same words here"];
        assert!(line_features(&lines, &idf, 3.0, 0.0)
            .iter()
            .all(|f| *f == [0.0; COUNT]));
        assert_eq!(
            line_features(&lines[..1], &idf, 3.0, 1.0),
            vec![[0.0; COUNT]]
        );
        assert!(line_features(&lines, &idf, 3.0, 1.0)[0][0] > 0.0);
    }
}
