//! Reposts and translations inside a story, linked to the likely original so that they do not
//! count as independent sources.
//!
//! - **Duplicate**: same language and near-identical wording (MinHash Jaccard of word 3-shingles
//!   ≥ 0.5, or character 4-gram cosine ≥ 0.85).
//! - **Translation**: different languages but the same figures (at least two, ≥ 80 % of the
//!   smaller set shared), the same names (≥ 60 % IDF-weighted containment) and a similar length.
//! - **Attributed**: the article's [`Attribution`](newsprism_core::Attribution) names another
//!   outlet of the story as its origin.
//!
//! The original is the earliest published of the matching articles (input order breaks ties);
//! an attribution wins over timing.

use serde::{Deserialize, Serialize};

use newsprism_core::Article;

use crate::fingerprint::{cosine, minhash_jaccard, overlap, Fingerprint};
use crate::outlet::same_outlet;

/// How a repost was recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RepostKind {
    Duplicate,
    Translation,
    Attributed,
}

/// A link from a repost to its likely original (indexes into the article list).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RepostLink {
    pub of: usize,
    pub kind: RepostKind,
    /// Strength of the evidence in `[0, 1]` (1 for an attribution).
    pub score: f32,
}

/// Whether `b` reads as a near-duplicate of `a`, with a score.
pub fn duplicate(a: &Fingerprint, b: &Fingerprint) -> Option<f32> {
    if a.lang.is_some() && b.lang.is_some() && a.lang != b.lang {
        return None;
    }
    let mh = minhash_jaccard(&a.minhash, &b.minhash);
    let c4 = cosine(&a.chars, &b.chars);
    (mh >= 0.5 || c4 >= 0.85).then_some(mh.max(c4))
}

/// Whether `b` reads as a translation of `a` (same figures, names and length), with a score.
pub fn translation(a: &Fingerprint, b: &Fingerprint) -> Option<f32> {
    let (Some(la), Some(lb)) = (a.lang, b.lang) else {
        return None;
    };
    if la == lb {
        return None;
    }
    let shared_nums = a
        .nums
        .iter()
        .filter(|(k, _)| b.nums.binary_search_by_key(k, |e| e.0).is_ok())
        .count();
    let smaller = a.nums.len().min(b.nums.len());
    if shared_nums < 2 || (shared_nums as f32) < 0.8 * smaller as f32 {
        return None;
    }
    let (ents, _) = overlap(&a.ents_idf, &b.ents_idf);
    let (wa, wb) = (a.word_count.max(1) as f32, b.word_count.max(1) as f32);
    let ratio = wa.min(wb) / wa.max(wb);
    // Structure: the shared figures come in the same order, and the paragraphing is kept.
    let order = same_order(&a.num_order, &b.num_order);
    let (pa, pb) = (a.paragraphs.max(1), b.paragraphs.max(1));
    let paragraphs_kept = pa.abs_diff(pb) <= 1 || pa.min(pb) as f32 / pa.max(pb) as f32 >= 0.75;
    (ents >= 0.6 && ratio >= 0.6 && order >= 0.8 && paragraphs_kept)
        .then_some((ents + ratio + order) / 3.0)
}

/// Share of the figures common to both lists that appear in the same relative order (longest
/// common subsequence over the common figures).
fn same_order(a: &[u32], b: &[u32]) -> f32 {
    let a: Vec<u32> = a.iter().copied().filter(|k| b.contains(k)).collect();
    let b: Vec<u32> = b.iter().copied().filter(|k| a.contains(k)).collect();
    if a.is_empty() {
        return 0.0;
    }
    let mut dp = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in 0..a.len() {
        for j in 0..b.len() {
            dp[i + 1][j + 1] = if a[i] == b[j] {
                dp[i][j] + 1
            } else {
                dp[i][j + 1].max(dp[i + 1][j])
            };
        }
    }
    dp[a.len()][b.len()] as f32 / a.len() as f32
}

/// Sort key for "earliest": the publication string when it looks like ISO 8601 (which sorts
/// chronologically as text), undated articles last, then input order.
fn time_key(a: &Article, index: usize) -> (bool, String, usize) {
    let p = a.published.as_deref().map(str::trim).unwrap_or("");
    let iso = p.len() >= 10 && p.as_bytes()[4] == b'-';
    (!iso, if iso { p.to_string() } else { String::new() }, index)
}

/// Finds reposts among `members` (indexes into `articles`/`fps`/`outlets`). Returns one link per
/// repost, pointing at an original that is not itself a repost.
pub fn detect(
    members: &[usize],
    articles: &[Article],
    fps: &[Fingerprint],
    outlets: &[String],
) -> Vec<(usize, RepostLink)> {
    let mut order: Vec<usize> = members.to_vec();
    order.sort_by_key(|&i| time_key(&articles[i], i));
    let mut links: Vec<(usize, RepostLink)> = Vec::new();
    let original_of = |links: &[(usize, RepostLink)], i: usize| {
        links.iter().find(|(r, _)| *r == i).map_or(i, |(_, l)| l.of)
    };
    // Bounded: very large stories compare each article with the 300 earliest only.
    for (pos, &m) in order.iter().enumerate() {
        // Attribution naming another outlet of the story.
        if let Some(att) = &articles[m].attribution {
            let named = [att.original_outlet.as_deref(), att.source.as_deref()];
            let target = order.iter().copied().find(|&o| {
                o != m
                    && !same_outlet(&outlets[o], &outlets[m])
                    && named.iter().flatten().any(|n| same_outlet(n, &outlets[o]))
            });
            if let Some(o) = target {
                let of = original_of(&links, o);
                links.push((
                    m,
                    RepostLink {
                        of,
                        kind: RepostKind::Attributed,
                        score: 1.0,
                    },
                ));
                continue;
            }
        }
        let earlier = &order[..pos.min(300)];
        let found = earlier.iter().find_map(|&e| {
            duplicate(&fps[e], &fps[m])
                .map(|s| (e, RepostKind::Duplicate, s))
                .or_else(|| translation(&fps[e], &fps[m]).map(|s| (e, RepostKind::Translation, s)))
        });
        if let Some((e, kind, score)) = found {
            let of = original_of(&links, e);
            links.push((m, RepostLink { of, kind, score }));
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint::prepare_all;
    use newsprism_core::Lang;

    fn fp(text: &str, lang: Lang) -> Fingerprint {
        let mut f = Fingerprint::of_text(text, None);
        f.lang = Some(lang);
        f
    }

    #[test]
    fn translation_needs_same_figures_in_the_same_order() {
        let en = "Police in Korvask said 317 people were hurt and 1,200 detained.\nMinister Aldan Serik spoke in Talvoria.";
        let fr = "À Korvask, la police fait état de 317 blessés et 1 200 interpellations.\nLe ministre Aldan Serik a parlé en Talvorie.";
        let ru = "В Корваске задержаны 1200 человек, ранены 317, сообщила полиция.\nМинистр Алдан Серик выступил в Талвории.";
        let mut v = vec![fp(en, Lang::EN), fp(fr, Lang::FR), fp(ru, Lang::RU)];
        prepare_all(&mut v);
        assert!(translation(&v[0], &v[1]).is_some());
        assert!(
            translation(&v[0], &v[2]).is_none(),
            "figures in another order"
        );
        assert!(duplicate(&v[0], &v[1]).is_none());
        assert_eq!(same_order(&[1, 2, 3], &[1, 2, 3]), 1.0);
        assert_eq!(same_order(&[1, 2], &[2, 1]), 0.5);
        assert_eq!(same_order(&[1], &[2]), 0.0);
    }
}
