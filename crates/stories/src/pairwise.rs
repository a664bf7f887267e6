//! Two articles side by side (`newsprism compare A B`): are they the same story, is one a copy or
//! translation of the other, and how do their claims compare.

use serde::{Deserialize, Serialize};

use newsprism_core::{Article, ArticleAnalysis};

use crate::claims::{extract, ArticleClaims};
use crate::compare::{compare, outlet_profiles, Comparison, Source};
use crate::embedding::{DeepError, Embeddings};
use crate::fingerprint::{prepare_all, Fingerprint};
use crate::outlet::outlet_of;
use crate::reposts::{detect, RepostKind};
use crate::similarity::{deep_features, features, same_story, PairModel};

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
    /// Cosine of the two articles' text embeddings (deep tier only). With multilingual-e5 on the
    /// SemEval-2022 Task 8 pairs the medians are 0.79 for random pairs, 0.85 for pairs rated
    /// different (mostly same topic) and 0.93 for pairs rated the same story.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embedding_cosine: Option<f64>,
}

/// Compares two articles; `analyses` (parallel to `[a, b]`) adds persuasion profiles.
pub fn compare_two(a: &Article, b: &Article, analyses: Option<&[ArticleAnalysis]>) -> TwoWay {
    compare_impl(a, b, analyses, None)
}

/// [`compare_two`] with embeddings: `emb` holds the two articles' vectors (from
/// [`crate::story::embed_articles`] on `[a, b]`) and the deep `model` scores the pair.
pub fn compare_two_deep(
    a: &Article,
    b: &Article,
    analyses: Option<&[ArticleAnalysis]>,
    emb: &Embeddings,
    model: &PairModel,
) -> Result<TwoWay, DeepError> {
    model.check_embedder(&emb.embedder)?;
    if emb.len() != 2 {
        return Err(DeepError::BadOutput {
            id: emb.embedder.clone(),
            got: emb.len() * emb.dim(),
            texts: 2,
            dim: emb.dim(),
        });
    }
    Ok(compare_impl(a, b, analyses, Some((emb, model))))
}

fn compare_impl(
    a: &Article,
    b: &Article,
    analyses: Option<&[ArticleAnalysis]>,
    deep: Option<(&Embeddings, &PairModel)>,
) -> TwoWay {
    let arts = [a.clone(), b.clone()];
    let mut fps: Vec<Fingerprint> = arts.iter().map(Fingerprint::of_article).collect();
    prepare_all(&mut fps);
    let (model, vectors) = match deep {
        Some((e, m)) => (m, Some((e.get(0), e.get(1)))),
        None => (PairModel::builtin(), None),
    };
    let x = match &vectors {
        Some((va, vb)) => deep_features(&fps[0], &fps[1], va, vb),
        None => features(&fps[0], &fps[1]),
    };
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
        same_story: same_story(
            model,
            &fps[0],
            &fps[1],
            vectors.as_ref().map(|(x, y)| (x, y)),
        ),
        embedding_cosine: vectors.as_ref().map(|(x, y)| f64::from(x.cosines(y).0)),
        similarity: model.similarity(&x),
        repost,
        a: side(0, a, ca),
        b: side(1, b, cb),
        comparison,
    }
}
