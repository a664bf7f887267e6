//! What the articles of a story claim, side by side: figures and quotes corroborated by at least
//! two independent outlets, claims only one outlet makes, conflicting figures for the same
//! quantity, and each outlet's persuasion profile.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use newsprism_core::{ArticleAnalysis, Label, Technique};

use crate::claims::ArticleClaims;
use crate::numbers::Hedge;
use crate::outlet::outlet_of;
use crate::translit::fold;

/// One article's claims with the outlet it counts for.
#[derive(Clone, Debug)]
pub struct Source<'a> {
    pub article_id: &'a str,
    /// The article's own outlet.
    pub outlet: &'a str,
    /// The outlet it counts for when counting independent sources: the original's outlet for a
    /// repost or translation, else its own.
    pub independent_as: &'a str,
    pub lang: Option<&'a str>,
    pub claims: &'a ArticleClaims,
}

/// Where a claim was found.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Evidence {
    pub outlet: String,
    pub article_id: String,
    pub line: u32,
    /// The claim as written.
    pub text: String,
}

/// A claim and the outlets that make it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Claim {
    /// `figure` or `quote`.
    pub kind: String,
    /// Human-readable claim: `killed/police = 8`, `Tokayev: "…"`.
    pub claim: String,
    /// Independent outlets making it.
    pub outlets: Vec<String>,
    pub evidence: Vec<Evidence>,
}

/// One of the values reported for a quantity in a conflict.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ReportedValue {
    pub value: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hedge: Option<Hedge>,
    pub outlets: Vec<String>,
    pub evidence: Vec<Evidence>,
}

/// Outlets giving incompatible figures for the same quantity.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Conflict {
    /// `killed`, `injured/police`, ….
    pub quantity: String,
    pub values: Vec<ReportedValue>,
}

/// A story's claims compared across outlets.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Comparison {
    pub corroborated: Vec<Claim>,
    pub single_source: Vec<Claim>,
    pub conflicts: Vec<Conflict>,
    /// Actors named by only one independent outlet.
    pub single_source_actors: Vec<(String, String)>,
    /// Persuasion profile of each outlet (empty when no analyses were given).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profiles: Vec<OutletProfile>,
}

fn fmt_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn hedge_word(h: Option<Hedge>) -> &'static str {
    match h {
        Some(Hedge::AtLeast) => "≥ ",
        Some(Hedge::AtMost) => "≤ ",
        Some(Hedge::About) => "~",
        None => "",
    }
}

/// Whether two reported figures can both be true given their hedges.
fn compatible(a: (f64, Option<Hedge>), b: (f64, Option<Hedge>)) -> bool {
    let ((lo, lh), (hi, hh)) = if a.0 <= b.0 { (a, b) } else { (b, a) };
    if lo == hi {
        return true;
    }
    if lh == Some(Hedge::AtLeast) || hh == Some(Hedge::AtMost) {
        return true;
    }
    let about = lh == Some(Hedge::About) || hh == Some(Hedge::About);
    about && (hi - lo) <= 0.15 * hi
}

fn evidence(s: &Source, line: u32, text: &str) -> Evidence {
    Evidence {
        outlet: s.outlet.to_string(),
        article_id: s.article_id.to_string(),
        line,
        text: text.to_string(),
    }
}

/// Folded word stems of a quote, for matching quotes within a language.
fn quote_stems(q: &str) -> BTreeSet<String> {
    fold(q)
        .split(' ')
        .filter(|w| w.len() >= 4)
        .map(|w| crate::fingerprint::stem(w).to_string())
        .collect()
}

/// Value, hedge, outlets and evidence of one reported figure.
type ValueReports = (f64, Option<Hedge>, BTreeSet<String>, Vec<Evidence>);

/// Compares the claims of a story's articles.
pub fn compare(sources: &[Source]) -> Comparison {
    let mut out = Comparison::default();

    // Figures: group by (quantity, value).
    let mut by_value: BTreeMap<(String, String), ValueReports> = BTreeMap::new();
    for s in sources {
        for f in &s.claims.figures {
            let e = by_value
                .entry((f.key(), fmt_value(f.value)))
                .or_insert_with(|| (f.value, f.hedge, BTreeSet::new(), Vec::new()));
            e.2.insert(s.independent_as.to_string());
            if e.1.is_none() {
                e.1 = f.hedge;
            }
            e.3.push(evidence(s, f.line, &f.text));
        }
    }
    let mut by_quantity: BTreeMap<String, Vec<ReportedValue>> = BTreeMap::new();
    for ((quantity, value), (v, hedge, outlets, ev)) in &by_value {
        let claim = Claim {
            kind: "figure".into(),
            claim: format!("{quantity} = {}{value}", hedge_word(*hedge)),
            outlets: outlets.iter().cloned().collect(),
            evidence: ev.clone(),
        };
        if outlets.len() >= 2 {
            out.corroborated.push(claim);
        } else {
            out.single_source.push(claim);
        }
        by_quantity
            .entry(quantity.clone())
            .or_default()
            .push(ReportedValue {
                value: *v,
                hedge: *hedge,
                outlets: outlets.iter().cloned().collect(),
                evidence: ev.clone(),
            });
    }
    for (quantity, values) in by_quantity {
        // A conflict needs two outlets whose reports cannot both hold.
        let clash = values.iter().enumerate().any(|(i, a)| {
            values[i + 1..].iter().any(|b| {
                !compatible((a.value, a.hedge), (b.value, b.hedge))
                    && a.outlets.iter().any(|o| !b.outlets.contains(o))
                    && b.outlets.iter().any(|o| !a.outlets.contains(o))
            })
        });
        if clash {
            out.conflicts.push(Conflict { quantity, values });
        }
    }

    // Quotes: same speaker, and (same language) overlapping words or (other language) the speaker
    // alone — a translated quote cannot be matched word for word.
    struct Q<'a> {
        key: String,
        speaker: String,
        stems: BTreeSet<String>,
        lang: Option<&'a str>,
        src: &'a Source<'a>,
        line: u32,
        text: String,
    }
    let mut quotes: Vec<Q> = Vec::new();
    for s in sources {
        for q in &s.claims.quotes {
            let (Some(key), Some(speaker)) = (&q.speaker_key, &q.speaker) else {
                continue;
            };
            quotes.push(Q {
                key: key.clone(),
                speaker: speaker.clone(),
                stems: quote_stems(&q.quote),
                lang: s.lang,
                src: s,
                line: q.line,
                text: q.quote.clone(),
            });
        }
    }
    let mut used = vec![false; quotes.len()];
    for i in 0..quotes.len() {
        if used[i] {
            continue;
        }
        used[i] = true;
        let mut group = vec![i];
        for j in i + 1..quotes.len() {
            if used[j] || quotes[j].key != quotes[i].key {
                continue;
            }
            let same_lang = quotes[i].lang.is_some() && quotes[i].lang == quotes[j].lang;
            let matches = if same_lang {
                let inter = quotes[i].stems.intersection(&quotes[j].stems).count();
                let uni = quotes[i].stems.union(&quotes[j].stems).count().max(1);
                inter as f32 / uni as f32 >= 0.25
            } else {
                true
            };
            if matches {
                used[j] = true;
                group.push(j);
            }
        }
        let outlets: BTreeSet<String> = group
            .iter()
            .map(|&g| quotes[g].src.independent_as.to_string())
            .collect();
        let first = &quotes[i];
        let short: String = first.text.chars().take(120).collect();
        let claim = Claim {
            kind: "quote".into(),
            claim: format!(
                "{}: «{}{}»",
                first.speaker,
                short,
                if short.len() < first.text.len() {
                    "…"
                } else {
                    ""
                }
            ),
            outlets: outlets.iter().cloned().collect(),
            evidence: group
                .iter()
                .map(|&g| evidence(quotes[g].src, quotes[g].line, &quotes[g].text))
                .collect(),
        };
        if outlets.len() >= 2 {
            out.corroborated.push(claim);
        } else {
            out.single_source.push(claim);
        }
    }

    // Actors named by one independent outlet only (when the story has several outlets).
    let independent: BTreeSet<&str> = sources.iter().map(|s| s.independent_as).collect();
    if independent.len() >= 2 {
        let mut actor_outlets: HashMap<&str, (BTreeSet<&str>, &str)> = HashMap::new();
        for s in sources {
            for a in &s.claims.actors {
                let e = actor_outlets
                    .entry(&a.key)
                    .or_insert_with(|| (BTreeSet::new(), &a.name));
                e.0.insert(s.independent_as);
            }
        }
        let mut single: Vec<(String, String)> = actor_outlets
            .into_values()
            .filter(|(o, _)| o.len() == 1)
            .filter_map(|(o, name)| {
                o.into_iter()
                    .next()
                    .map(|o| (name.to_string(), o.to_string()))
            })
            .collect();
        single.sort();
        out.single_source_actors = single;
    }
    out
}

/// An outlet's persuasion profile over its articles in a story.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct OutletProfile {
    pub outlet: String,
    pub articles: usize,
    /// Most frequent predicted genre.
    pub genre: String,
    /// Persuasion techniques per 1,000 words over all its articles.
    pub techniques_per_1000_words: f32,
    /// Most frequent techniques with their paragraph counts.
    pub top_techniques: Vec<(String, usize)>,
    /// Frames predicted most often, with mean confidence.
    pub top_frames: Vec<(String, f32)>,
}

/// Outlet profiles from analyses (outlet = `source`, else URL host, else `path`).
pub fn outlet_profiles(analyses: &[ArticleAnalysis]) -> Vec<OutletProfile> {
    let mut by_outlet: BTreeMap<String, Vec<&ArticleAnalysis>> = BTreeMap::new();
    for a in analyses {
        let o = outlet_of(a.source.as_deref(), a.url.as_deref()).unwrap_or_else(|| a.path.clone());
        by_outlet.entry(o).or_default().push(a);
    }
    by_outlet
        .into_iter()
        .map(|(outlet, list)| {
            let mut genres: BTreeMap<&str, usize> = BTreeMap::new();
            let mut techs: BTreeMap<String, usize> = BTreeMap::new();
            let mut frames: BTreeMap<String, (f32, usize)> = BTreeMap::new();
            let (mut words, mut n_tech) = (0usize, 0usize);
            for a in &list {
                *genres.entry(&a.genre.label).or_default() += 1;
                words += a.word_count;
                for p in &a.paragraphs {
                    for t in &p.techniques {
                        n_tech += 1;
                        let name = Technique::from_name(&t.label)
                            .map_or_else(|| t.label.clone(), |t| t.display_name());
                        *techs.entry(name).or_default() += 1;
                    }
                }
                for f in &a.frames {
                    let e = frames.entry(f.label.clone()).or_default();
                    e.0 += f.confidence;
                    e.1 += 1;
                }
            }
            let genre = genres
                .iter()
                .max_by_key(|(g, c)| (**c, std::cmp::Reverse(**g)))
                .map_or_else(String::new, |(g, _)| g.to_string());
            let mut top_techniques: Vec<(String, usize)> = techs.into_iter().collect();
            top_techniques.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            top_techniques.truncate(3);
            let mut top_frames: Vec<(String, f32, usize)> = frames
                .into_iter()
                .map(|(f, (c, n))| (f, c / n as f32, n))
                .collect();
            top_frames.sort_by(|a, b| b.2.cmp(&a.2).then(b.1.total_cmp(&a.1)));
            OutletProfile {
                outlet,
                articles: list.len(),
                genre,
                techniques_per_1000_words: if words == 0 {
                    0.0
                } else {
                    n_tech as f32 * 1000.0 / words as f32
                },
                top_techniques,
                top_frames: top_frames
                    .into_iter()
                    .take(3)
                    .map(|(f, c, _)| (f, c))
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hedges_decide_conflicts() {
        assert!(compatible((200.0, Some(Hedge::AtLeast)), (225.0, None)));
        assert!(!compatible((200.0, None), (225.0, None)));
        assert!(compatible((200.0, Some(Hedge::About)), (210.0, None)));
        assert!(!compatible((1200.0, None), (2000.0, Some(Hedge::AtLeast))));
        assert!(compatible((50.0, None), (100.0, Some(Hedge::AtMost))));
        assert_eq!(fmt_value(1200.0), "1200");
        assert_eq!(fmt_value(1.5), "1.5");
    }
}
