//! Grouping articles into stories without comparing all pairs.
//!
//! Candidate pairs come from inverted indexes over *rare* keys only — name keys, figures, title
//! stems and MinHash bands that occur in at least two and at most `max_postings` articles — so
//! the work per article is bounded and the whole run is near-linear. Candidates are scored with
//! the pair-similarity model ([`crate::similarity`]) and pairs judged the same story are linked
//! (single linkage, union-find).
//!
//! With embeddings (the deep tier) a second candidate source joins: nearest neighbours of each
//! article's text vector among a bounded set found by random-hyperplane hashing
//! ([`crate::neighbours`]), which links reports that share no names, figures or words, e.g. across
//! languages. The pair model still decides every link.

use rayon::prelude::*;
use std::collections::HashMap;

use crate::embedding::Embeddings;
use crate::fasthash::FastMap;
use crate::fingerprint::{hash_str, Fingerprint, MINHASH_LEN};
use crate::neighbours::{neighbours, NeighbourParams};
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
    /// Embedding nearest-neighbour candidates (used only when embeddings are given).
    pub neighbours: NeighbourParams,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            min_same_story: 0.5,
            max_day_gap: 3,
            max_postings: 100,
            max_candidates: 40,
            min_shared_keys: 2,
            neighbours: NeighbourParams::default(),
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

/// Scored same-story links between prepared fingerprints (lexical candidates only).
pub fn link(fps: &[Fingerprint], model: &PairModel, p: &Params) -> Vec<Edge> {
    link_with(fps, None, model, p)
}

/// Scored same-story links; with `emb` (row `i` for `fps[i]`) the embedding nearest neighbours
/// join the lexical candidates and a deep `model` scores pairs with their vectors.
pub fn link_with(
    fps: &[Fingerprint],
    emb: Option<&Embeddings>,
    model: &PairModel,
    p: &Params,
) -> Vec<Edge> {
    let n = fps.len();
    let emb = emb.filter(|e| e.len() == n);
    // Embedding candidates, stored with the earlier article as lexical ones are.
    let mut extra: Vec<Vec<u32>> = vec![Vec::new(); if emb.is_some() { n } else { 0 }];
    if let Some(e) = emb {
        for (a, b) in neighbours(e, &p.neighbours) {
            extra[a as usize].push(b);
        }
    }
    let mut postings: FastMap<u32, Vec<u32>> = FastMap::default();
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
                if let Some(more) = extra.get(i) {
                    for &j in more {
                        if !cands.iter().any(|&(_, c)| c == j) {
                            cands.push((0, j));
                        }
                    }
                }
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
                        let vectors = emb.map(|e| (e.get(i), e.get(j as usize)));
                        let prob = same_story(model, a, b, vectors.as_ref().map(|(x, y)| (x, y)));
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

/// Links two groups of sizes `a` and `b` need before they merge: 30 % of the possible pairs,
/// counting at most 20 partners per member of the smaller group (candidate generation scores a
/// bounded number of partners per article, so big stories are never fully linked).
fn links_needed(a: usize, b: usize) -> u32 {
    let possible = (a * b).min(20 * a.min(b)) as f64;
    ((0.3 * possible).ceil() as u32).max(1)
}

/// Stories from links: groups are merged in order of link strength, and two groups merge only
/// when enough links join them (30 % of their pairs). Plain connected components (single linkage)
/// would chain a whole topic into one "story" through a path of pairwise-similar articles; this
/// average-linkage-like rule keeps stories to articles that are similar to each other.
///
/// Returns groups sorted by index, largest first, then by first member, so output order is
/// stable.
pub fn components(n: usize, edges: &[Edge]) -> Vec<Vec<usize>> {
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut parent: Vec<usize> = (0..n).collect();
    let mut size = vec![1usize; n];
    // Links between current groups, kept for group roots only.
    let mut adj: Vec<FastMap<usize, u32>> = vec![FastMap::default(); n];
    for e in edges {
        let (a, b) = (e.a as usize, e.b as usize);
        if a == b || a >= n || b >= n {
            continue;
        }
        *adj[a].entry(b).or_default() += 1;
        *adj[b].entry(a).or_default() += 1;
    }
    let mut order: Vec<&Edge> = edges.iter().collect();
    order.sort_by(|x, y| {
        y.same_story
            .total_cmp(&x.same_story)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    // Merges can enable others (two groups gain links as they grow), so repeat a few passes.
    for _ in 0..4 {
        let mut merged = false;
        for e in &order {
            let (ra, rb) = (
                find(&mut parent, e.a as usize),
                find(&mut parent, e.b as usize),
            );
            if ra == rb {
                continue;
            }
            let links = adj[ra].get(&rb).copied().unwrap_or(0);
            if links < links_needed(size[ra], size[rb]) {
                continue;
            }
            let (big, small) = if adj[ra].len() >= adj[rb].len() {
                (ra, rb)
            } else {
                (rb, ra)
            };
            parent[small] = big;
            size[big] += size[small];
            let moved = std::mem::take(&mut adj[small]);
            adj[big].remove(&small);
            for (c, cnt) in moved {
                if c == big {
                    continue;
                }
                *adj[big].entry(c).or_default() += cnt;
                let other = &mut adj[c];
                other.remove(&small);
                *other.entry(big).or_default() += cnt;
            }
            merged = true;
        }
        if !merged {
            break;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn e(a: u32, b: u32) -> Edge {
        Edge {
            a,
            b,
            same_story: 0.9,
        }
    }

    #[test]
    fn dense_groups_merge_chains_do_not() {
        // 0-1-2-3 fully linked; 3-4-5-6-7 a chain hanging off it.
        let mut edges = vec![e(0, 1), e(0, 2), e(0, 3), e(1, 2), e(1, 3), e(2, 3)];
        edges.extend([e(3, 4), e(4, 5), e(5, 6), e(6, 7)]);
        let g = components(8, &edges);
        assert_eq!(g[0], vec![0, 1, 2, 3]);
        assert!(g.iter().all(|x| x.len() <= 4), "{g:?}");
        assert_eq!(g.iter().map(Vec::len).sum::<usize>(), 8);
        assert_eq!(components(0, &[]), Vec::<Vec<usize>>::new());
    }
}
