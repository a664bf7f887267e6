//! Outlet pages: the list of outlets, and one outlet's persuasion profile as charts.

use axum::extract::{Path, State};
use maud::{html, Markup};
use newsprism_store::{OutletProfile, OutletSummary, UNKNOWN_OUTLET};

use super::chart::{bars, NARROW, WIDE};
use super::{lang_name, layout, technique_class, PageResult};
use crate::api::{blocking, outlet_key};
use crate::error::ApiError;
use crate::query::encode;
use crate::state::AppState;

fn outlet_name(o: &Option<String>) -> &str {
    o.as_deref().unwrap_or(UNKNOWN_OUTLET)
}

pub async fn list_page(State(st): State<AppState>) -> PageResult {
    let outlets = blocking(move || Ok(st.store.outlets()?)).await?;
    Ok(layout::page("Outlets", Some(""), render_list(&outlets)))
}

fn render_list(outlets: &[OutletSummary]) -> Markup {
    let max_density = outlets
        .iter()
        .map(|o| o.technique_density)
        .fold(0.0f64, f64::max)
        .max(1e-9);
    html! {
        section.panel {
            h1 { "Outlets" }
            p.muted { "Technique density is persuasion techniques per 1,000 words over all the outlet's stored articles." }
            @if outlets.is_empty() {
                p { "No articles stored yet." }
            } @else {
                table.grid {
                    thead { tr { th { "Outlet" } th.num { "Articles" } th.num { "Words" } th { "Languages" } th { "Technique density" } } }
                    tbody {
                        @for o in outlets {
                            tr {
                                td { a href={ "/outlets/" (encode(outlet_name(&o.outlet))) } { (outlet_name(&o.outlet)) } }
                                td.num { (o.articles) }
                                td.num { (o.words) }
                                td { @for (i, l) in o.languages.iter().enumerate() { @if i > 0 { ", " } (lang_name(&l.value)) " " span.muted { (l.count) } } }
                                td {
                                    svg.spark viewBox="0 0 120 12" width="120" height="12" role="img" aria-label="density" {
                                        rect.track x="0" y="1" width="120" height="10" rx="2" {}
                                        rect.bar.neutral x="0" y="1" width=(format!("{:.1}", (o.technique_density / max_density * 120.0).max(1.0))) height="10" rx="2" {}
                                    }
                                    " " (format!("{:.1}", o.technique_density))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

pub async fn page(State(st): State<AppState>, Path(name): Path<String>) -> PageResult {
    let n2 = name.clone();
    let p = blocking(move || Ok(st.store.outlet_profile(outlet_key(&n2))?))
        .await?
        .ok_or_else(|| ApiError::not_found("outlet"))?;
    Ok(layout::page(&name, Some(""), render(&name, &p)))
}

fn render(name: &str, p: &OutletProfile) -> Markup {
    let s = &p.summary;
    let ratio = if p.archive_technique_density > 0.0 {
        s.technique_density / p.archive_technique_density
    } else {
        0.0
    };
    html! {
        section.panel {
            p.kicker { a href="/outlets" { "Outlets" } }
            h1 { (name) }
            div.stats {
                div.stat { span.k { "Articles" } span.v { (s.articles) } }
                div.stat { span.k { "Words" } span.v { (s.words) } }
                div.stat { span.k { "Paragraphs" } span.v { (p.paragraphs) } }
                div.stat {
                    span.k { "Techniques / 1,000 words" }
                    span.v { (format!("{:.1}", s.technique_density)) }
                    span.muted { "archive " (format!("{:.1}", p.archive_technique_density))
                        @if ratio > 0.0 { " · " (format!("{ratio:.2}×")) } }
                }
                div.stat {
                    span.k { "Published" }
                    @let day = |d: &Option<String>| d.as_deref().map(|d| d.get(..10).unwrap_or(d).to_string());
                    span.v.small {
                        @match (day(&p.first_published), day(&p.last_published)) {
                            (Some(a), Some(b)) if a == b => { (a) }
                            (Some(a), Some(b)) => { (a) " to " (b) }
                            _ => { "undated" }
                        }
                    }
                }
            }
            p {
                a.button href={ "/?outlet=" (encode(name)) } { "Search this outlet's articles →" }
            }
            @if p.techniques.is_empty() {
                p.muted { "No persuasion techniques detected in this outlet's articles." }
            } @else {
                (bars("Share of paragraphs using each technique", &p.techniques, WIDE, technique_class))
            }
            div.two {
                @if !p.frames.is_empty() {
                    (bars("Share of articles with each frame", &p.frames, NARROW, |_| "neutral".to_string()))
                }
                @if !p.genres.is_empty() {
                    (bars("Genre of articles", &p.genres, NARROW, |_| "neutral".to_string()))
                }
            }
        }
    }
}
