//! Grouping articles into stories without comparing all pairs.
//!
//! Candidate pairs come from inverted indexes over *rare* keys only — name keys, figures, title
//! stems and MinHash bands that occur in at least two and at most `max_postings` articles — so
//! the work per article is bounded and the whole run is near-linear. Candidates are scored with
//! the pair-similarity model ([`crate::similarity`]) and pairs judged the same story are linked
//! (single linkage, union-find).

use rayon::prelude::*;
use std::collections::HashMap;

use crate::fingerprint::{hash_str, Fingerprint, MINHASH_LEN};
use crate::similarity::{same_story, PairModel};

/// Knobs of the clustering; the defaults suit a day or a week of news.
#[derive(Clone, Debug)]
pub struct Params {
    /// Minimum same-story probability for a link.
    pub min_same_story: f64,
    /// Articles published more than this many days apart are never linked (when both dated).
    pub max_day_gap: i32,
    /// Keys shared by more articles than this are too common to find stories with.
    pub max_postings: usize,
    /// At most this many candidates are scored per article (those sharing most rare keys).
    pub max_candidates: usize,
    /// Rare keys two articles must share before they are scored (a MinHash band counts as two).
    pub min_shared_keys: u32,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            min_same_story: 0.5,
            max_day_gap: 3,
            max_postings: 100,
            max_candidates: 40,
            min_shared_keys: 2,
        }
    }
}

/// A scored link between two articles (indexes into the input).
#[derive(Clone, Copy, Debug)]
pub struct Edge {
    pub a: u32,
    pub b: u32,
    pub same_story: f32,
}

const BANDS: usize = 8;
const ROWS: usize = MINHASH_LEN / BANDS;

/// Index keys of one fingerprint, with the weight each shared key adds to a candidate's count.
fn keys(fp: &Fingerprint, out: &mut Vec<(u32, u32)>) {
    out.clear();
    for v in [&fp.ents, &fp.nums, &fp.title] {
        out.extend(v.iter().map(|(k, _)| (*k, 1)));
    }
    if fp.minhash.first() != Some(&u32::MAX) {
        for b in 0..BANDS {
            let mut h = hash_str(100 + b as u64, "");
            for &m in &fp.minhash[b * ROWS..(b + 1) * ROWS] {
                h = (h ^ u64::from(m)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            }
            out.push(((h >> 32) as u32 ^ 0x5bd1_e995, 2));
        }
    }
    out.sort_unstable();
    out.dedup_by_key(|e| e.0);
}

/// Scored same-story links between prepared fingerprints.
pub fn link(fps: &[Fingerprint], model: &PairModel, p: &Params) -> Vec<Edge> {
    let n = fps.len();
    let mut postings: HashMap<u32, Vec<u32>> = HashMap::new();
    let mut buf = Vec::new();
    let mut per_doc: Vec<Vec<(u32, u32)>> = Vec::with_capacity(n);
    for (i, fp) in fps.iter().enumerate() {
        keys(fp, &mut buf);
        for &(k, _) in &buf {
            postings.entry(k).or_default().push(i as u32);
        }
        per_doc.push(buf.clone());
    }
    let cap = p.max_postings;
    (0..n)
        .into_par_iter()
        .map_init(
            || (vec![0u32; n], Vec::<u32>::new()),
            |(count, touched), i| {
                for &(k, w) in &per_doc[i] {
                    let Some(list) = postings.get(&k) else {
                        continue;
                    };
                    if list.len() < 2 || list.len() > cap {
                        continue;
                    }
                    // Postings are in index order: only look at later articles.
                    let from = list.partition_point(|&j| j as usize <= i);
                    for &j in &list[from..] {
                        if count[j as usize] == 0 {
                            touched.push(j);
                        }
                        count[j as usize] += w;
                    }
                }
                let mut cands: Vec<(u32, u32)> = touched
                    .iter()
                    .map(|&j| (count[j as usize], j))
                    .filter(|&(c, _)| c >= p.min_shared_keys)
                    .collect();
                for &j in touched.iter() {
                    count[j as usize] = 0;
                }
                touched.clear();
                cands.sort_unstable_by(|a, b| b.cmp(a));
                cands.truncate(p.max_candidates);
                let a = &fps[i];
                cands
                    .into_iter()
                    .filter_map(|(_, j)| {
                        let b = &fps[j as usize];
                        if let (Some(x), Some(y)) = (a.day, b.day) {
                            if (x - y).abs() > p.max_day_gap {
                                return None;
                            }
                        }
                        let prob = same_story(model, a, b);
                        (prob >= p.min_same_story).then_some(Edge {
                            a: i as u32,
                            b: j,
                            same_story: prob as f32,
                        })
                    })
                    .collect::<Vec<_>>()
            },
        )
        .flatten()
        .collect()
}

/// Connected components of the link graph, each sorted by index; largest first, then by first
/// member, so output order is stable.
pub fn components(n: usize, edges: &[Edge]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for e in edges {
        let (ra, rb) = (
            find(&mut parent, e.a as usize),
            find(&mut parent, e.b as usize),
        );
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().collect();
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    out
}
