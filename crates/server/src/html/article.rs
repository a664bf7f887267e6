//! The article page: labels with confidence, and every paragraph with its techniques and cue words
//! highlighted in place.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use maud::{html, Markup};
use newsprism_core::{ParagraphAnalysis, Prediction};
use newsprism_store::StoredArticle;

use super::highlight::cue_segments;
use super::{lang_name, layout, pretty, technique_class, PageResult};
use crate::api::blocking;
use crate::error::ApiError;
use crate::query::encode;
use crate::state::AppState;

pub async fn page(State(st): State<AppState>, Path(id): Path<String>) -> PageResult {
    let store = st.store.clone();
    let a = blocking(move || Ok(store.get(&id)?))
        .await?
        .ok_or_else(|| ApiError::not_found("article"))?;
    // The story link is a convenience: use the last computed stories rather than wait for a
    // recomputation (which the server keeps running in the background after writes).
    let story = st.stories.peek().and_then(|snap| {
        snap.of_article(&a.id)
            .map(|s| (s.id, s.members.len(), s.outlets.len()))
    });
    let title = a
        .analysis
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| format!("Article {}", a.input_id));
    Ok(layout::page(&title, Some(""), render(&a, &title, story)))
}

fn pct(x: f32) -> String {
    format!("{:.0}%", (x * 100.0).clamp(0.0, 100.0))
}

/// `story`: (story id, articles, outlets) when the article belongs to a story.
fn render(a: &StoredArticle, title: &str, story: Option<(usize, usize, usize)>) -> Markup {
    let an = &a.analysis;
    let mut per_technique: BTreeMap<String, usize> = BTreeMap::new();
    for p in &an.paragraphs {
        for t in &p.techniques {
            *per_technique.entry(t.label.clone()).or_default() += 1;
        }
    }
    let mut legend: Vec<(String, usize)> = per_technique.into_iter().collect();
    legend.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    let with_tech = an
        .paragraphs
        .iter()
        .filter(|p| !p.techniques.is_empty())
        .count();
    html! {
        article.doc {
            header.doc-head {
                p.kicker {
                    @if let Some(o) = &a.outlet {
                        a href={ "/outlets/" (encode(o)) } { (o) }
                    } @else { span { "Unknown outlet" } }
                    @if let Some(p) = &an.published { span { (p) } }
                    span { (lang_name(&a.lang)) @if an.lang.code.is_some() { " (" (pct(an.lang.confidence)) ")" } }
                    span { (an.word_count) " words" }
                }
                h1 { (title) }
                @if let Some(u) = &an.url {
                    p.source-url {
                        "Source: "
                        @if u.starts_with("https://") || u.starts_with("http://") {
                            a href=(u) rel="noopener noreferrer nofollow" target="_blank" { (u) }
                        } @else {
                            span { (u) }
                        }
                    }
                }
                div.labels {
                    div.labelbox {
                        h2 { "Genre" }
                        (prediction_chip(&an.genre, "genre"))
                        @if an.genre_scores.len() > 1 {
                            ul.scores {
                                @for g in &an.genre_scores {
                                    li { span { (pretty(&g.label)) } meter min="0" max="1" value=(g.confidence) {} span.muted { (pct(g.confidence)) } }
                                }
                            }
                        }
                    }
                    div.labelbox {
                        h2 { "Frames" }
                        @if an.frames.is_empty() { p.muted { "No frame predicted." } }
                        ul.chips {
                            @for f in &an.frames { li { (prediction_chip(f, "frame")) } }
                        }
                    }
                    div.labelbox {
                        h2 { "Persuasion" }
                        p.big { (format!("{:.1}", an.technique_density())) span.unit { " techniques / 1,000 words" } }
                        p.muted { (with_tech) " of " (an.paragraphs.len()) " paragraphs use at least one technique" }
                    }
                }
                @if let Some((sid, n, outlets)) = story {
                    p.notice.story-link {
                        "Part of a story told in " (n) " articles by " (outlets) " outlets. "
                        a href={ "/stories/" (sid) } { "Compare the coverage →" }
                    }
                }
                @if let Some(att) = &an.attribution {
                    @if att.republished || att.translated || att.source.is_some() {
                        p.notice {
                            @if att.translated { "Translated" } @else if att.republished { "Republished" } @else { "Credited" }
                            @if let Some(o) = att.original_outlet.as_ref().or(att.source.as_ref()) { " from " strong { (o) } }
                            "."
                        }
                    }
                }
            }
            @if !legend.is_empty() {
                nav.legend aria-label="Techniques in this article" {
                    span.muted { "Show paragraphs with:" }
                    button.legend-item.active type="button" data-filter="" { "All" }
                    @for (t, n) in &legend {
                        button.legend-item.(technique_class(t)) type="button" data-filter=(technique_class(t)) {
                            span.swatch {} (pretty(t)) " " span.count { (n) }
                        }
                    }
                }
            }
            section.paras {
                @for p in &an.paragraphs { (paragraph(p)) }
            }
            @if !an.removed.is_empty() {
                details.removed {
                    summary { (an.removed.len()) " lines removed before analysis (site chrome)" }
                    ul {
                        @for r in &an.removed {
                            li { span.line { (r.line) } " " span.muted { "[" (r.reason) "] " } (r.text) }
                        }
                    }
                }
            }
            p.muted.small {
                "Stored as " code { (a.id) } " from " code { (an.path) } " on " (a.ingested_at) ". "
                a href={ "/api/articles/" (encode(&a.id)) } { "JSON" }
            }
        }
    }
}

fn prediction_chip(p: &Prediction, kind: &str) -> Markup {
    html! {
        span.chip.(kind) title={ "confidence " (pct(p.confidence)) } {
            (pretty(&p.label)) " " span.conf { (pct(p.confidence)) }
        }
    }
}

fn paragraph(p: &ParagraphAnalysis) -> Markup {
    let cues: Vec<(usize, &str)> = p
        .techniques
        .iter()
        .enumerate()
        .flat_map(|(i, t)| t.cues.iter().map(move |c| (i, c.as_str())))
        .collect();
    let classes: Vec<String> = p
        .techniques
        .iter()
        .map(|t| technique_class(&t.label))
        .collect();
    let data = classes.join(" ");
    html! {
        div.para.has-tech[!p.techniques.is_empty()] data-techniques=(data) {
            span.line title="Line in the source" { (p.line) }
            p.text {
                @for seg in cue_segments(&p.text, &cues) {
                    @if seg.marks.is_empty() {
                        (seg.text)
                    } @else {
                        @let first = seg.marks[0];
                        @let names: Vec<String> = seg.marks.iter().map(|&m| pretty(&p.techniques[m].label)).collect();
                        mark.cue.(classes[first]) title={ "Cue for: " (names.join(", ")) } { (seg.text) }
                    }
                }
            }
            @if !p.techniques.is_empty() {
                ul.techs {
                    @for t in &p.techniques {
                        li.tech.(technique_class(&t.label)) {
                            span.tname { (pretty(&t.label)) }
                            span.conf { (pct(t.confidence)) }
                            @if !t.cues.is_empty() {
                                span.cues { "cues: " @for (i, c) in t.cues.iter().enumerate() { @if i > 0 { ", " } q { (c) } } }
                            }
                        }
                    }
                }
            }
        }
    }
}
