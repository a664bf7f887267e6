//! The search page: query box, facets with counts, results with highlighted snippets.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use maud::{html, Markup};
use newsprism_store::{FacetCount, SearchHit, SearchQuery, SearchResults, SortOrder};

use super::highlight::snippet_segments;
use super::{lang_name, layout, pretty, technique_class, PageResult};
use crate::api::blocking;
use crate::error::ApiError;
use crate::query::{self, encode};
use crate::state::AppState;

const PAGE_SIZE: usize = 20;
/// Facet values shown before "more".
const SHOWN: usize = 8;

pub async fn page(State(st): State<AppState>, RawQuery(raw): RawQuery) -> PageResult {
    let pairs = query::pairs(raw.as_deref());
    let q = query::search_query(&pairs, PAGE_SIZE)
        .map_err(|m| ApiError::new(StatusCode::BAD_REQUEST, m))?;
    let q2 = q.clone();
    let (res, total_articles) = blocking(move || {
        let res = st.store.search(&q2)?;
        let stats = st.store.stats()?;
        Ok((res, stats.articles))
    })
    .await?;
    let title = if q.q.is_empty() {
        "Search".to_string()
    } else {
        format!("{} — search", q.q)
    };
    Ok(layout::page(&title, None, render(&q, &res, total_articles)))
}

fn render(q: &SearchQuery, res: &SearchResults, total_articles: usize) -> Markup {
    let f = &res.facets;
    let filtered = !(q.lang.is_empty()
        && q.outlet.is_empty()
        && q.genre.is_empty()
        && q.frame.is_empty()
        && q.technique.is_empty()
        && q.from.is_none()
        && q.to.is_none());
    html! {
        form #search.search action="/" method="get" role="search" {
            div.searchbar {
                input #q type="search" name="q" value=(q.q) autofocus[q.q.is_empty()]
                    placeholder="Words, \"exact phrases\", -excluded words" aria-label="Search articles"
                    autocomplete="off";
                select name="sort" aria-label="Sort order" data-autosubmit {
                    option value="relevance" selected[q.sort == SortOrder::Relevance] { "Most relevant" }
                    option value="newest" selected[q.sort == SortOrder::Newest] { "Newest first" }
                }
                button.primary type="submit" { "Search" }
            }
            div.cols {
                aside.facets aria-label="Filters" {
                    (facet_group("Language", "lang", &f.lang, &q.lang, |v| lang_name(v).to_string()))
                    (facet_group("Outlet", "outlet", &f.outlet, &q.outlet, |v| v.to_string()))
                    (facet_group("Genre", "genre", &f.genre, &q.genre, pretty))
                    (facet_group("Technique", "technique", &f.technique, &q.technique, pretty))
                    (facet_group("Frame", "frame", &f.frame, &q.frame, pretty))
                    fieldset.facet {
                        legend { "Published" }
                        div.dates {
                            label { "From " input type="text" name="from" value=[q.from.as_deref()] placeholder="YYYY-MM-DD"
                                maxlength="10" size="10" aria-label="Published from (YYYY, YYYY-MM or YYYY-MM-DD)" data-autosubmit; }
                            label { "To " input type="text" name="to" value=[q.to.as_deref()] placeholder="YYYY-MM-DD"
                                maxlength="10" size="10" aria-label="Published until (inclusive)" data-autosubmit; }
                        }
                        @if !f.month.is_empty() {
                            ul.months {
                                @for m in f.month.iter().take(12) {
                                    li { (month_link(q, m)) }
                                }
                            }
                        }
                    }
                    div.facet-actions {
                        button type="submit" { "Apply filters" }
                        @if filtered {
                            a.clear href=(clear_link(q)) { "Clear filters" }
                        }
                    }
                }
                section.results aria-live="polite" {
                    (summary(q, res, total_articles))
                    @if !res.warnings.is_empty() {
                        p.notice { "Parts of the query could not be understood and were ignored." }
                    }
                    @if res.hits.is_empty() {
                        (empty_state(q, total_articles))
                    } @else {
                        ol.hits start=(res.offset + 1) {
                            @for h in &res.hits { (hit(h)) }
                        }
                        (pager(q, res))
                    }
                }
            }
        }
    }
}

fn facet_group(
    title: &str,
    name: &str,
    counts: &[FacetCount],
    selected: &[String],
    show: impl Fn(&str) -> String,
) -> Markup {
    // Selected values stay visible even when nothing matches them any more.
    let mut items: Vec<(String, usize)> =
        counts.iter().map(|c| (c.value.clone(), c.count)).collect();
    for s in selected {
        if !items.iter().any(|(v, _)| v == s) {
            items.push((s.clone(), 0));
        }
    }
    let (first, rest) = items.split_at(items.len().min(SHOWN));
    let item = |(v, n): &(String, usize)| {
        let checked = selected.contains(v);
        html! {
            li {
                label.check {
                    input type="checkbox" name=(name) value=(v) checked[checked] data-autosubmit;
                    span.fv { (show(v)) }
                    span.count { (n) }
                }
            }
        }
    };
    html! {
        @if !items.is_empty() {
            fieldset.facet {
                legend { (title) }
                ul { @for i in first { (item(i)) } }
                @if !rest.is_empty() {
                    details.more {
                        summary { (rest.len()) " more" }
                        ul { @for i in rest { (item(i)) } }
                    }
                }
            }
        }
    }
}

fn month_link(q: &SearchQuery, m: &FacetCount) -> Markup {
    if m.value == "undated" {
        return html! { span.muted { "Undated " span.count { (m.count) } } };
    }
    let mut q2 = q.clone();
    q2.from = Some(m.value.clone());
    q2.to = Some(m.value.clone());
    html! {
        a href={ "/?" (query::to_query_string(&q2)) } { (m.value) " " span.count { (m.count) } }
    }
}

fn clear_link(q: &SearchQuery) -> String {
    let keep = SearchQuery {
        q: q.q.clone(),
        sort: q.sort,
        ..SearchQuery::default()
    };
    format!("/?{}", query::to_query_string(&keep))
}

fn summary(q: &SearchQuery, res: &SearchResults, total_articles: usize) -> Markup {
    html! {
        div.summary {
            p {
                strong { (res.total) }
                @if res.total == 1 { " article" } @else { " articles" }
                @if !q.q.is_empty() { " matching " q { (q.q) } }
                span.muted { " of " (total_articles) " stored" }
            }
        }
    }
}

fn empty_state(q: &SearchQuery, total_articles: usize) -> Markup {
    html! {
        div.empty {
            @if total_articles == 0 {
                h2 { "The archive is empty" }
                p { "Add articles with " code { "newsprism ingest PATH --db DIR" } " or " code { "POST /api/articles" } "." }
            } @else {
                h2 { "No articles match" }
                p { "Try fewer words, or remove a filter." }
                @if !q.q.is_empty() {
                    p { "Words are matched in every language with stemming; use quotes for exact phrases." }
                }
            }
        }
    }
}

fn hit(h: &SearchHit) -> Markup {
    let title = h
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| "(untitled)".into());
    html! {
        li.hit {
            a.hit-title href={ "/articles/" (encode(&h.id)) } { (title) }
            div.meta {
                @if let Some(o) = &h.outlet {
                    a.outlet href={ "/outlets/" (encode(o)) } { (o) }
                } @else {
                    span.muted { "Unknown outlet" }
                }
                span { (lang_name(&h.lang)) }
                @if let Some(p) = &h.published { span { (p.get(..10).unwrap_or(p)) } }
                span.genre { (pretty(&h.genre)) }
            }
            p.snippet {
                @for (text, marked) in snippet_segments(&h.snippet.text, &h.snippet.highlights) {
                    @if marked { mark { (text) } } @else { (text) }
                }
            }
            @if !h.techniques.is_empty() {
                ul.chips aria-label="Techniques" {
                    @for t in &h.techniques {
                        li.chip.(technique_class(t)) { (pretty(t)) }
                    }
                }
            }
        }
    }
}

fn pager(q: &SearchQuery, res: &SearchResults) -> Markup {
    let page = res.offset / res.limit.max(1) + 1;
    let pages = res.total.div_ceil(res.limit.max(1));
    let base = query::to_query_string(q);
    let link = |p: usize| {
        if base.is_empty() {
            format!("/?page={p}")
        } else {
            format!("/?{base}&page={p}")
        }
    };
    html! {
        @if pages > 1 {
            nav.pager aria-label="Pages" {
                @if page > 1 { a rel="prev" href=(link(page - 1)) { "← Previous" } }
                span { "Page " (page) " of " (pages) }
                @if page < pages { a rel="next" href=(link(page + 1)) { "Next →" } }
            }
        }
    }
}
