//! Two articles side by side (`newsprism compare A B`): are they the same story, is one a copy or
//! translation of the other, and how do their claims compare.

use serde::{Deserialize, Serialize};

use newsprism_core::{Article, ArticleAnalysis};

use crate::claims::{extract, ArticleClaims};
use crate::compare::{compare, outlet_profiles, Comparison, Source};
use crate::fingerprint::{prepare_all, Fingerprint};
use crate::outlet::outlet_of;
use crate::reposts::{detect, RepostKind};
use crate::similarity::{features, same_story, PairModel};

/// One side of the comparison.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Side {
    pub id: String,
    pub path: String,
    pub outlet: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub claims: ArticleClaims,
}

/// The result of comparing two articles.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct TwoWay {
    pub a: Side,
    pub b: Side,
    /// Probability-like score that both report the same story.
    pub same_story: f64,
    /// 1 (same story) … 4 (unrelated), the SemEval-2022 Task 8 scale.
    pub similarity: f64,
    /// Set when one is a copy, translation or credited repost of the other: `"b"` is a
    /// `translation` of `"a"`, etc.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repost: Option<(String, RepostKind, String)>,
    /// Actors both name (by cross-language key), then those only one names.
    pub shared_actors: Vec<String>,
    pub only_a_actors: Vec<String>,
    pub only_b_actors: Vec<String>,
    pub comparison: Comparison,
}

/// Compares two articles; `analyses` (parallel to `[a, b]`) adds persuasion profiles.
pub fn compare_two(a: &Article, b: &Article, analyses: Option<&[ArticleAnalysis]>) -> TwoWay {
    let arts = [a.clone(), b.clone()];
    let mut fps: Vec<Fingerprint> = arts.iter().map(Fingerprint::of_article).collect();
    prepare_all(&mut fps);
    let model = PairModel::builtin();
    let x = features(&fps[0], &fps[1]);
    let outlet = |x: &Article, side: &str| {
        outlet_of(x.source.as_deref(), x.url.as_deref())
            .unwrap_or_else(|| format!("article {side}"))
    };
    let outlets = [outlet(a, "A"), outlet(b, "B")];
    let links = detect(&[0, 1], &arts, &fps, &outlets);
    let repost = links.first().map(|(r, l)| {
        let name = |i: usize| {
            if i == 0 {
                "a".to_string()
            } else {
                "b".to_string()
            }
        };
        (name(*r), l.kind, name(l.of))
    });
    let claims = [extract(a), extract(b)];
    let independent: Vec<String> = (0..2)
        .map(|i| match links.iter().find(|(r, _)| *r == i) {
            Some((_, l)) => outlets[l.of].clone(),
            None => outlets[i].clone(),
        })
        .collect();
    let langs: Vec<Option<String>> = fps.iter().map(|f| f.lang.map(|l| l.to_string())).collect();
    let sources: Vec<Source> = (0..2)
        .map(|i| Source {
            article_id: &arts[i].id,
            outlet: &outlets[i],
            independent_as: &independent[i],
            lang: langs[i].as_deref(),
            claims: &claims[i],
        })
        .collect();
    let mut comparison = compare(&sources);
    if let Some(an) = analyses {
        comparison.profiles = outlet_profiles(an);
    }
    let keys = |c: &ArticleClaims| -> Vec<(String, String)> {
        c.actors
            .iter()
            .map(|x| (x.key.clone(), x.name.clone()))
            .collect()
    };
    let (ka, kb) = (keys(&claims[0]), keys(&claims[1]));
    let shared_actors = ka
        .iter()
        .filter(|(k, _)| kb.iter().any(|(k2, _)| k2 == k))
        .map(|(_, n)| n.clone())
        .collect();
    let only = |x: &[(String, String)], y: &[(String, String)]| {
        x.iter()
            .filter(|(k, _)| !y.iter().any(|(k2, _)| k2 == k))
            .map(|(_, n)| n.clone())
            .collect::<Vec<_>>()
    };
    let side = |i: usize, art: &Article, claims: ArticleClaims| Side {
        id: art.id.clone(),
        path: art.path.clone(),
        outlet: outlets[i].clone(),
        lang: langs[i].clone(),
        published: art.published.clone(),
        title: art.title.clone(),
        claims,
    };
    let [ca, cb] = claims;
    TwoWay {
        only_a_actors: only(&ka, &kb),
        only_b_actors: only(&kb, &ka),
        shared_actors,
        same_story: same_story(model, &fps[0], &fps[1]),
        similarity: model.similarity(&x),
        repost,
        a: side(0, a, ca),
        b: side(1, b, cb),
        comparison,
    }
}
