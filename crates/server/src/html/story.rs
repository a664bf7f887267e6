//! Story pages: the list of stories, and one story with its outlets, reposts and claims.

use axum::extract::{Path, State};
use maud::{html, Markup};
use newsprism_stories::compare::{Claim, Comparison};
use newsprism_stories::reposts::RepostKind;
use newsprism_stories::story::Story;

use super::{lang_name, layout, pretty, PageResult};
use crate::query::encode;
use crate::state::AppState;

fn day(s: &str) -> &str {
    s.get(..10).unwrap_or(s)
}

fn span(s: &Story) -> String {
    match (s.first_published.as_deref(), s.last_published.as_deref()) {
        (Some(a), Some(b)) if day(a) != day(b) => format!("{} to {}", day(a), day(b)),
        (Some(a), _) => day(a).to_string(),
        _ => "undated".to_string(),
    }
}

fn heading(s: &Story) -> String {
    s.title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| {
            if s.label.is_empty() {
                format!("Story {}", s.id)
            } else {
                s.label.join(", ")
            }
        })
}

pub async fn list_page(State(st): State<AppState>) -> PageResult {
    let snap = st.stories.current(st.store.clone()).await?;
    let body = html! {
        section.panel {
            h1 { "Stories" }
            p.muted {
                "Groups of stored articles that report the same event, across outlets and languages. "
                "Computed over all " (snap.articles) " stored articles; reposts and translations do not count as independent coverage."
            }
            @if snap.stories.is_empty() {
                p { "No two stored articles report the same event yet." }
            } @else {
                ol.stories {
                    @for s in &snap.stories {
                        li.story-item {
                            a.hit-title href={ "/stories/" (s.id) } { (heading(s)) }
                            div.meta {
                                span { (s.members.len()) " articles" }
                                span { (s.independent_outlets.len()) " independent of " (s.outlets.len()) " outlets" }
                                span { (s.languages.iter().map(|l| lang_name(l)).collect::<Vec<_>>().join(", ")) }
                                span { (span(s)) }
                            }
                            @if !s.label.is_empty() {
                                ul.chips { @for l in &s.label { li.chip.frame { (l) } } }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(layout::page("Stories", Some(""), body))
}

pub async fn page(State(st): State<AppState>, Path(id): Path<String>) -> PageResult {
    let snap = st.stories.current(st.store.clone()).await?;
    let story = snap.named_in_path(&id)?;
    let title = heading(story);
    Ok(layout::page(&title, Some(""), render(story, &title)))
}

fn render(s: &Story, title: &str) -> Markup {
    html! {
        section.panel {
            p.kicker { a href="/stories" { "Stories" } span { (span(s)) } }
            h1 { (title) }
            div.stats {
                div.stat { span.k { "Articles" } span.v { (s.members.len()) } }
                div.stat { span.k { "Outlets" } span.v { (s.outlets.len()) } }
                div.stat { span.k { "Independent outlets" } span.v { (s.independent_outlets.len()) } }
                div.stat { span.k { "Languages" } span.v.small { (s.languages.iter().map(|l| lang_name(l)).collect::<Vec<_>>().join(", ")) } }
            }
            h2 { "Coverage" }
            table.grid {
                thead { tr { th { "Published" } th { "Language" } th { "Outlet" } th { "Article" } th { "Independence" } } }
                tbody {
                    @for m in &s.members {
                        tr {
                            td { (m.published.as_deref().map(day).unwrap_or("—")) }
                            td { (m.lang.as_deref().map(lang_name).unwrap_or("?")) }
                            td { a href={ "/outlets/" (encode(&m.outlet)) } { (m.outlet) } }
                            td { a href={ "/articles/" (encode(&m.id)) } { (m.title.as_deref().unwrap_or(&m.id)) } }
                            td {
                                @match &m.repost {
                                    Some(r) => {
                                        span.chip.t-x {
                                            (match r.kind {
                                                RepostKind::Duplicate => "Copy",
                                                RepostKind::Translation => "Translation",
                                                RepostKind::Attributed => "Credited repost",
                                            })
                                            " of " (r.of_outlet)
                                        }
                                    }
                                    None => span.muted { "original" }
                                }
                            }
                        }
                    }
                }
            }
            @if let Some(c) = &s.comparison { (comparison(c)) }
        }
    }
}

fn claims(title: &str, note: &str, list: &[Claim]) -> Markup {
    html! {
        @if !list.is_empty() {
            h3 { (title) " " span.count { (list.len()) } }
            p.muted.small { (note) }
            ul.claims {
                @for c in list.iter().take(30) {
                    li {
                        span.chip.frame { (c.kind) }
                        " " strong { (c.claim) }
                        span.muted { " — " (c.outlets.join(", ")) }
                        @if let Some(e) = c.evidence.first() {
                            blockquote { (e.text) }
                        }
                    }
                }
            }
        }
    }
}

fn comparison(c: &Comparison) -> Markup {
    html! {
        h2 { "What the outlets say" }
        @if !c.conflicts.is_empty() {
            h3 { "Conflicting figures " span.count { (c.conflicts.len()) } }
            ul.claims {
                @for k in &c.conflicts {
                    li {
                        strong { (k.quantity) } ": "
                        @for (i, v) in k.values.iter().enumerate() {
                            @if i > 0 { " vs " }
                            span.chip.t-x { (v.value) } " " span.muted { "(" (v.outlets.join(", ")) ")" }
                        }
                    }
                }
            }
        }
        (claims("Corroborated", "Made by two or more independent outlets.", &c.corroborated))
        (claims("Single source", "Made by one outlet only: check before repeating.", &c.single_source))
        @if !c.profiles.is_empty() {
            h3 { "How each outlet tells it" }
            table.grid {
                thead { tr { th { "Outlet" } th.num { "Articles" } th { "Genre" } th.num { "Techniques / 1,000 words" } th { "Main techniques" } } }
                tbody {
                    @for p in &c.profiles {
                        tr {
                            td { a href={ "/outlets/" (encode(&p.outlet)) } { (p.outlet) } }
                            td.num { (p.articles) }
                            td { (pretty(&p.genre)) }
                            td.num { (format!("{:.1}", p.techniques_per_1000_words)) }
                            td { (p.top_techniques.iter().map(|(t, n)| format!("{} ({n})", pretty(t))).collect::<Vec<_>>().join(", ")) }
                        }
                    }
                }
            }
        }
    }
}
