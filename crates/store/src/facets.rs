//! The in-memory table behind filters and facet counts.
//!
//! Filtering and counting facets is a linear scan over one small row per article (about 100 bytes
//! with its id and title), so it is done here rather than in SQL or the text index: a scan of a
//! million rows takes a few milliseconds, and "count per value with all the other filters applied"
//! is a single pass. Rows are loaded from SQLite on open and appended as the store grows.

use std::collections::HashMap;

use crate::identity;
use crate::sqlite::IndexRow;
use crate::types::{FacetCount, Facets, SearchQuery};

/// Most values listed per facet dimension (the most frequent first), to bound response size.
pub const MAX_FACET_VALUES: usize = 200;

/// Facet value used for articles without an outlet.
pub const UNKNOWN_OUTLET: &str = "(unknown)";

/// Interns facet values so rows hold small integers.
#[derive(Default)]
struct Interner {
    names: Vec<String>,
    ids: HashMap<String, u32>,
}

impl Interner {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.ids.get(s) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(s.to_string());
        self.ids.insert(s.to_string(), i);
        i
    }
    fn get(&self, s: &str) -> Option<u32> {
        self.ids.get(s).copied()
    }
}

/// One article, as far as filtering and result listing are concerned.
pub struct Row {
    pub seq: u64,
    pub doc_id: Box<str>,
    pub title: Option<Box<str>>,
    pub published: Option<Box<str>>,
    lang: u32,
    outlet: u32,
    genre: u32,
    /// Bit `i` = label `i` of the frame interner (labels past 64 are not filterable).
    frames: u64,
    techniques: u64,
    day: u32,
}

/// All rows plus the interned value names.
#[derive(Default)]
pub struct FacetTable {
    rows: Vec<Row>,
    langs: Interner,
    outlets: Interner,
    genres: Interner,
    frames: Interner,
    techniques: Interner,
}

/// A compiled filter: for each dimension, the accepted ids (`None` = no filter).
pub struct Filter {
    lang: Option<Vec<u32>>,
    outlet: Option<Vec<u32>>,
    genre: Option<Vec<u32>>,
    frame: Option<u64>,
    technique: Option<u64>,
    days: Option<(u32, u32)>,
}

const DIMS: usize = 6;

/// Matches of a search before paging: row indices (with scores) in result order, plus facets.
pub struct Evaluation {
    pub matches: Vec<(usize, Option<f32>)>,
    pub facets: Facets,
}

fn bits(interner: &mut Interner, labels: &[String]) -> u64 {
    labels
        .iter()
        .map(|l| interner.id(l))
        .filter(|&i| i < 64)
        .fold(0u64, |acc, i| acc | (1 << i))
}

impl FacetTable {
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn last_seq(&self) -> u64 {
        self.rows.last().map_or(0, |r| r.seq)
    }

    pub fn row(&self, i: usize) -> &Row {
        &self.rows[i]
    }

    /// Index of the row with this `seq`.
    pub fn position(&self, seq: u64) -> Option<usize> {
        self.rows.binary_search_by_key(&seq, |r| r.seq).ok()
    }

    pub fn lang_of(&self, r: &Row) -> &str {
        &self.langs.names[r.lang as usize]
    }
    pub fn outlet_of(&self, r: &Row) -> Option<&str> {
        let o = self.outlets.names[r.outlet as usize].as_str();
        (o != UNKNOWN_OUTLET).then_some(o)
    }
    pub fn genre_of(&self, r: &Row) -> &str {
        &self.genres.names[r.genre as usize]
    }
    pub fn frames_of(&self, r: &Row) -> Vec<String> {
        names_of(&self.frames, r.frames)
    }
    pub fn techniques_of(&self, r: &Row) -> Vec<String> {
        names_of(&self.techniques, r.techniques)
    }

    /// Appends rows (which must come in increasing `seq` order, after the current last one).
    pub fn extend(&mut self, rows: Vec<IndexRow>) {
        for r in rows {
            if r.seq <= self.last_seq() {
                continue;
            }
            let outlet = r.outlet.as_deref().unwrap_or(UNKNOWN_OUTLET);
            let row = Row {
                seq: r.seq,
                doc_id: r.doc_id.into(),
                title: r.title.map(Into::into),
                published: r.published.map(Into::into),
                lang: self.langs.id(&r.lang),
                outlet: self.outlets.id(outlet),
                genre: self.genres.id(&r.genre),
                frames: bits(&mut self.frames, &r.frames),
                techniques: bits(&mut self.techniques, &r.techniques),
                day: r.day.unwrap_or(0),
            };
            self.rows.push(row);
        }
    }

    /// Compiles a query's filters against the interned values. Unknown values match nothing.
    pub fn compile(&self, q: &SearchQuery) -> Result<Filter, String> {
        let ids = |i: &Interner, vals: &[String]| -> Option<Vec<u32>> {
            let vals: Vec<&String> = vals.iter().filter(|v| !v.trim().is_empty()).collect();
            (!vals.is_empty()).then(|| vals.iter().filter_map(|v| i.get(v.trim())).collect())
        };
        let mask = |i: &Interner, vals: &[String]| -> Option<u64> {
            ids(i, vals).map(|v| v.iter().filter(|&&x| x < 64).fold(0, |a, &x| a | (1 << x)))
        };
        let bound = |s: &Option<String>, end: bool| -> Result<Option<u32>, String> {
            match s.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                None => Ok(None),
                Some(v) => identity::parse_date_bound(v, end)
                    .map(Some)
                    .ok_or_else(|| format!("bad date {v:?}: use YYYY, YYYY-MM or YYYY-MM-DD")),
            }
        };
        let from = bound(&q.from, false)?;
        let to = bound(&q.to, true)?;
        let days = match (from, to) {
            (None, None) => None,
            (f, t) => Some((f.unwrap_or(0), t.unwrap_or(u32::MAX))),
        };
        Ok(Filter {
            lang: ids(&self.langs, &q.lang),
            outlet: ids(&self.outlets, &q.outlet),
            genre: ids(&self.genres, &q.genre),
            frame: mask(&self.frames, &q.frame),
            technique: mask(&self.techniques, &q.technique),
            days,
        })
    }

    fn passes(&self, r: &Row, f: &Filter) -> [bool; DIMS] {
        let one = |set: &Option<Vec<u32>>, v: u32| set.as_ref().is_none_or(|s| s.contains(&v));
        let any = |m: Option<u64>, v: u64| m.is_none_or(|m| m & v != 0);
        [
            one(&f.lang, r.lang),
            one(&f.outlet, r.outlet),
            one(&f.genre, r.genre),
            any(f.frame, r.frames),
            any(f.technique, r.techniques),
            f.days
                .is_none_or(|(lo, hi)| r.day != 0 && r.day >= lo && r.day <= hi),
        ]
    }

    /// Filters candidates (all rows when `candidates` is `None`) and counts facets.
    pub fn evaluate(
        &self,
        candidates: Option<Vec<(u64, f32)>>,
        f: &Filter,
        newest_first: bool,
    ) -> Evaluation {
        let mut counts: [Vec<usize>; 5] = [
            vec![0; self.langs.names.len()],
            vec![0; self.outlets.names.len()],
            vec![0; self.genres.names.len()],
            vec![0; self.frames.names.len()],
            vec![0; self.techniques.names.len()],
        ];
        let mut months: HashMap<u32, usize> = HashMap::new();
        let mut matches = Vec::new();
        let mut visit = |i: usize, score: Option<f32>| {
            let r = &self.rows[i];
            let p = self.passes(r, f);
            let failing = p.iter().filter(|x| !**x).count();
            if failing > 1 {
                return;
            }
            let others_ok = |d: usize| failing == 0 || !p[d];
            if others_ok(0) {
                counts[0][r.lang as usize] += 1;
            }
            if others_ok(1) {
                counts[1][r.outlet as usize] += 1;
            }
            if others_ok(2) {
                counts[2][r.genre as usize] += 1;
            }
            if others_ok(3) {
                add_bits(&mut counts[3], r.frames);
            }
            if others_ok(4) {
                add_bits(&mut counts[4], r.techniques);
            }
            if others_ok(5) {
                *months.entry(r.day / 100).or_default() += 1;
            }
            if failing == 0 {
                matches.push((i, score));
            }
        };
        match candidates {
            None => (0..self.rows.len()).for_each(|i| visit(i, None)),
            Some(c) => {
                for (seq, score) in c {
                    if let Some(i) = self.position(seq) {
                        visit(i, Some(score));
                    }
                }
            }
        }
        let by_score = matches.iter().any(|m| m.1.is_some()) && !newest_first;
        if by_score {
            matches.sort_by(|a, b| {
                b.1.unwrap_or(0.0)
                    .total_cmp(&a.1.unwrap_or(0.0))
                    .then(self.rows[b.0].seq.cmp(&self.rows[a.0].seq))
            });
        } else {
            matches.sort_by(|a, b| {
                let (ra, rb) = (&self.rows[a.0], &self.rows[b.0]);
                rb.day.cmp(&ra.day).then(rb.seq.cmp(&ra.seq))
            });
        }
        let [l, o, g, fr, t] = counts;
        let mut month: Vec<FacetCount> = months
            .into_iter()
            .map(|(m, count)| FacetCount {
                value: if m == 0 {
                    "undated".to_string()
                } else {
                    format!("{:04}-{:02}", m / 100, m % 100)
                },
                count,
            })
            .collect();
        month.sort_by(|a, b| b.value.cmp(&a.value));
        Evaluation {
            matches,
            facets: Facets {
                lang: listed(&self.langs, l),
                outlet: listed(&self.outlets, o),
                genre: listed(&self.genres, g),
                frame: listed(&self.frames, fr),
                technique: listed(&self.techniques, t),
                month,
            },
        }
    }
}

fn add_bits(counts: &mut [usize], mut bits: u64) {
    while bits != 0 {
        let i = bits.trailing_zeros() as usize;
        if i < counts.len() {
            counts[i] += 1;
        }
        bits &= bits - 1;
    }
}

fn names_of(i: &Interner, mut bits: u64) -> Vec<String> {
    let mut out = Vec::new();
    while bits != 0 {
        let b = bits.trailing_zeros() as usize;
        if let Some(n) = i.names.get(b) {
            out.push(n.clone());
        }
        bits &= bits - 1;
    }
    out
}

fn listed(i: &Interner, counts: Vec<usize>) -> Vec<FacetCount> {
    let mut v: Vec<FacetCount> = counts
        .into_iter()
        .enumerate()
        .filter(|(_, c)| *c > 0)
        .map(|(k, count)| FacetCount {
            value: i.names[k].clone(),
            count,
        })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    v.truncate(MAX_FACET_VALUES);
    v
}
