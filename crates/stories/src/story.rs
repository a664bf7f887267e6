//! The whole pipeline behind `newsprism stories`: fingerprints → links → stories with labels,
//! time spans, outlets, languages, reposts and (optionally) claim comparisons.

use std::collections::{BTreeSet, HashMap};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use newsprism_core::{Article, ArticleAnalysis};

use crate::actors::{actors, Actor};
use crate::claims::{extract, ArticleClaims};
use newsprism_core::Embedder;

use crate::cluster::{components, link_with, Params};
use crate::compare::{compare, outlet_profiles, Comparison, Source};
use crate::embedding::{DeepError, Embeddings};
use crate::fingerprint::{prepare_all, Fingerprint};
use crate::outlet::outlet_of;
use crate::reposts::{detect, RepostKind};
use crate::similarity::PairModel;
use crate::text::tokenize;

/// How one article relates to an earlier one of its story.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Repost {
    /// Id of the likely original.
    pub of: String,
    pub of_outlet: String,
    pub kind: RepostKind,
    pub score: f32,
}

/// One article of a story.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Member {
    /// Index in the input order.
    pub index: usize,
    pub id: String,
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub outlet: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Set when the article is a repost or translation; it then does not count as independent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repost: Option<Repost>,
}

/// A group of articles reporting the same event.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Story {
    /// 1-based, in output order (largest story first).
    pub id: usize,
    /// Key names shared by most of its articles.
    pub label: Vec<String>,
    /// Title of its earliest article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_published: Option<String>,
    pub outlets: Vec<String>,
    /// Outlets with original (not reposted) coverage.
    pub independent_outlets: Vec<String>,
    pub languages: Vec<String>,
    /// Members in publication order.
    pub members: Vec<Member>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Comparison>,
}

/// Options of [`build_stories`].
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub params: Params,
    /// Extract and compare claims for stories with two or more independent outlets.
    pub compare: bool,
}

/// Per-article data computed in one pass.
struct Prepared {
    fp: Fingerprint,
    actors: Vec<Actor>,
}

fn prepare(a: &Article) -> Prepared {
    let mut text = String::new();
    if let (Some(t), None) = (&a.title, a.title_line()) {
        text.push_str(t);
        text.push('\n');
    }
    text.push_str(&a.lines.join("\n"));
    let toks = tokenize(&text);
    let title = a.title.clone().or_else(|| {
        a.lines
            .iter()
            .find(|l| !l.trim().is_empty())
            .filter(|l| l.chars().count() <= 200)
            .cloned()
    });
    let mut fp = Fingerprint::of_tokens(&text, &toks, title.as_deref());
    fp.lang = a
        .declared_lang
        .or_else(|| crate::fingerprint::guess_script_lang(&text));
    fp.day = a
        .published
        .as_deref()
        .and_then(crate::fingerprint::parse_day);
    Prepared {
        fp,
        actors: actors(&toks, &text),
    }
}

fn outlet(a: &Article) -> String {
    outlet_of(a.source.as_deref(), a.url.as_deref()).unwrap_or_else(|| format!("unknown:{}", a.id))
}

/// Groups articles into stories. `analyses`, when given, must be parallel to `articles` and adds
/// outlet persuasion profiles to the comparisons.
pub fn build_stories(
    articles: &[Article],
    analyses: Option<&[ArticleAnalysis]>,
    opts: &Options,
) -> Vec<Story> {
    build(articles, analyses, opts, None)
}

/// What an article contributes to its embeddings: (title + text, title).
fn embedding_input(a: &Article) -> (String, String) {
    let body = a.lines.join("\n");
    let body = newsprism_core::text::clip_chars(&body, crate::embedding::EMBED_CHARS);
    let title = a
        .title
        .clone()
        .unwrap_or_else(|| crate::fingerprint::implicit_title(body));
    let text = match (&a.title, a.title_line()) {
        (Some(t), None) => format!("{t}\n{body}"),
        _ => body.to_string(),
    };
    (text, title)
}

/// Embeds every article for [`build_stories_deep`] (title + opening text, and title); each
/// distinct text once. `progress(done, total)` follows the batches.
pub fn embed_articles(
    articles: &[Article],
    embedder: &dyn Embedder,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Embeddings, DeepError> {
    let inputs: Vec<(String, String)> = articles.par_iter().map(embedding_input).collect();
    let items: Vec<(&str, &str)> = inputs
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    Embeddings::compute(embedder, &items, progress)
}

/// Groups articles into stories with embeddings as well (the deep tier): nearest neighbours of
/// the vectors join the candidate pairs, and the deep pair `model` (fitted on the same encoder's
/// vectors, see [`PairModel::check_embedder`]) decides each link. `emb` must come from
/// [`embed_articles`] on the same articles.
pub fn build_stories_deep(
    articles: &[Article],
    analyses: Option<&[ArticleAnalysis]>,
    opts: &Options,
    emb: &Embeddings,
    model: &PairModel,
) -> Result<Vec<Story>, DeepError> {
    model.check_embedder(&emb.embedder)?;
    if emb.len() != articles.len() {
        return Err(DeepError::BadOutput {
            id: emb.embedder.clone(),
            got: emb.len() * emb.dim(),
            texts: articles.len(),
            dim: emb.dim(),
        });
    }
    Ok(build(articles, analyses, opts, Some((emb, model))))
}

fn build(
    articles: &[Article],
    analyses: Option<&[ArticleAnalysis]>,
    opts: &Options,
    deep: Option<(&Embeddings, &PairModel)>,
) -> Vec<Story> {
    let prepared: Vec<Prepared> = articles.par_iter().map(prepare).collect();
    let (mut fps, actor_lists): (Vec<Fingerprint>, Vec<Vec<Actor>>) =
        prepared.into_iter().map(|p| (p.fp, p.actors)).unzip();
    prepare_all(&mut fps);
    let (emb, model) = match deep {
        Some((e, m)) => (Some(e), m),
        None => (None, PairModel::builtin()),
    };
    let edges = link_with(&fps, emb, model, &opts.params);
    let groups = components(articles.len(), &edges);
    let outlets: Vec<String> = articles.iter().map(outlet).collect();
    let built: Vec<Story> = groups
        .par_iter()
        .map(|g| story_of(g, articles, &fps, &outlets, &actor_lists, analyses, opts))
        .collect();
    built
        .into_iter()
        .enumerate()
        .map(|(i, mut s)| {
            s.id = i + 1;
            s
        })
        .collect()
}

fn story_of(
    group: &[usize],
    articles: &[Article],
    fps: &[Fingerprint],
    outlets: &[String],
    actor_lists: &[Vec<Actor>],
    analyses: Option<&[ArticleAnalysis]>,
    opts: &Options,
) -> Story {
    let links = if group.len() > 1 {
        detect(group, articles, fps, outlets)
    } else {
        Vec::new()
    };
    let link_of: HashMap<usize, _> = links.into_iter().collect();
    let mut order = group.to_vec();
    order.sort_by_key(|&i| {
        let p = articles[i].published.clone();
        (p.is_none(), p, i)
    });
    // The outlet each member counts for: the original's for reposts; an attributed origin
    // outside the story ("Source: AFP") for declared republications.
    let independent_as = |i: usize| -> String {
        if let Some(l) = link_of.get(&i) {
            return outlets[l.of].clone();
        }
        match &articles[i].attribution {
            Some(att) if att.republished || att.translated => att
                .original_outlet
                .clone()
                .or_else(|| att.source.clone())
                .unwrap_or_else(|| outlets[i].clone()),
            _ => outlets[i].clone(),
        }
    };
    let members: Vec<Member> = order
        .iter()
        .map(|&i| {
            let a = &articles[i];
            Member {
                index: i,
                id: a.id.clone(),
                path: a.path.clone(),
                title: a.title.clone().or_else(|| {
                    a.lines
                        .iter()
                        .find(|l| !l.trim().is_empty())
                        .map(|l| l.chars().take(120).collect())
                }),
                outlet: outlets[i].clone(),
                lang: fps[i].lang.map(|l| l.to_string()),
                published: a.published.clone(),
                repost: link_of.get(&i).map(|l| Repost {
                    of: articles[l.of].id.clone(),
                    of_outlet: outlets[l.of].clone(),
                    kind: l.kind,
                    score: l.score,
                }),
            }
        })
        .collect();
    let outlet_set: BTreeSet<String> = order.iter().map(|&i| outlets[i].clone()).collect();
    let independent: BTreeSet<String> = order
        .iter()
        .filter(|i| !link_of.contains_key(i))
        .map(|&i| independent_as(i))
        .collect();
    let languages: BTreeSet<String> = members.iter().filter_map(|m| m.lang.clone()).collect();
    let dated: Vec<&String> = members
        .iter()
        .filter_map(|m| m.published.as_ref())
        .collect();
    // Label: names mentioned by the most member articles.
    let mut df: HashMap<&str, (usize, u32, &str)> = HashMap::new();
    for &i in group {
        for a in &actor_lists[i] {
            let e = df.entry(&a.key).or_insert((0, 0, &a.name));
            e.0 += 1;
            e.1 += a.mentions;
        }
    }
    let mut label: Vec<(&str, (usize, u32, &str))> = df.into_iter().collect();
    label.sort_by(|a, b| (b.1 .0, b.1 .1).cmp(&(a.1 .0, a.1 .1)).then(a.0.cmp(b.0)));
    let label: Vec<String> = label
        .into_iter()
        .take(4)
        .map(|(_, (_, _, n))| n.to_string())
        .collect();
    let comparison = (opts.compare && independent.len() >= 2).then(|| {
        let claims: Vec<ArticleClaims> = order.iter().map(|&i| extract(&articles[i])).collect();
        let indep: Vec<String> = order.iter().map(|&i| independent_as(i)).collect();
        let sources: Vec<Source> = order
            .iter()
            .enumerate()
            .map(|(k, &i)| Source {
                article_id: &articles[i].id,
                outlet: &outlets[i],
                independent_as: &indep[k],
                lang: members[k].lang.as_deref(),
                claims: &claims[k],
            })
            .collect();
        let mut c = compare(&sources);
        if let Some(an) = analyses {
            let mine: Vec<ArticleAnalysis> =
                order.iter().filter_map(|&i| an.get(i).cloned()).collect();
            c.profiles = outlet_profiles(&mine);
        }
        c
    });
    Story {
        id: 0,
        label,
        title: members.first().and_then(|m| m.title.clone()),
        first_published: dated.first().map(|s| s.to_string()),
        last_published: dated.last().map(|s| s.to_string()),
        outlets: outlet_set.into_iter().collect(),
        independent_outlets: independent.into_iter().collect(),
        languages: languages.into_iter().collect(),
        members,
        comparison,
    }
}
