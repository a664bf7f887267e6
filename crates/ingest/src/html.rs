//! HTML pages: main-text extraction and metadata.
//!
//! The boilerplate removal is the `trafilatura` crate (a Rust port of go-trafilatura, itself a
//! port of the Python library that leads the published extraction benchmarks); it was measured
//! against the alternatives on the extraction-eval corpus (see docs/extraction.md). Its plain-text
//! output joins everything on one line, so the extracted HTML is walked here instead to get one
//! paragraph per line, with headings, list items and table rows as their own lines: the rest of
//! newsprism numbers and analyses lines.

use ego_tree::iter::Edge;
use newsprism_core::text::word_key;
use newsprism_core::{Article, Lang, RemovedLine};
use scraper::{Html, Node};

use crate::{IngestError, Problem};

/// Pages larger than this are cut before parsing: a news article's markup is rarely over a few
/// MB, and parsing hundreds of MB of HTML would take minutes. The cut keeps the start, where the
/// article body is.
pub const MAX_HTML_BYTES: usize = 16 * 1024 * 1024;

/// Largest DOM handed to the extractor (elements); bigger trees are extracted by the fallback.
const MAX_TREE_SIZE: usize = 200_000;

/// Nesting depth beyond which the extractor is not run (real pages stay far below: a few dozen
/// levels, rarely a few hundred).
const MAX_DEPTH: usize = 512;

/// An upper estimate of the element nesting depth, from a linear scan of the tags (void and
/// self-closing elements do not nest; unclosed `<p>`s count, so this errs on the high side).
fn approx_depth(html: &str) -> usize {
    const VOID: &[&[u8]] = &[
        b"br", b"img", b"meta", b"link", b"input", b"hr", b"wbr", b"source", b"area", b"col",
        b"embed", b"param", b"track", b"base", b"p", b"li", b"option", b"td", b"tr", b"dt", b"dd",
    ];
    let b = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while i + 1 < b.len() {
        if b[i] == b'<' {
            if b[i + 1] == b'/' {
                depth = depth.saturating_sub(1);
            } else if b[i + 1].is_ascii_alphabetic() {
                let end = b[i + 1..]
                    .iter()
                    .position(|c| !c.is_ascii_alphanumeric())
                    .map_or(b.len(), |e| i + 1 + e);
                let name = b[i + 1..end].to_ascii_lowercase();
                let tag_end = b[end..].iter().position(|&c| c == b'>').map(|e| end + e);
                let self_closing = tag_end.is_some_and(|e| e > 0 && b[e - 1] == b'/');
                if !self_closing && !VOID.contains(&name.as_slice()) {
                    depth += 1;
                    max = max.max(depth);
                }
                i = end;
                continue;
            }
        }
        i += 1;
    }
    max
}

/// Extracted text shorter than this (bytes) triggers the second, recall-oriented pass with the
/// fallback extractors (measured on extraction-eval: 1000 bytes gains 0.006 F1 for about 15% more
/// CPU; see docs/extraction.md).
const FALLBACK_BELOW: usize = 1000;

/// Metadata and text extracted from one page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extracted {
    pub title: Option<String>,
    pub author: Option<String>,
    /// Publication date (ISO 8601 date).
    pub published: Option<String>,
    pub site_name: Option<String>,
    /// Canonical URL (`<link rel=canonical>`, `og:url`), else the URL the page came from.
    pub url: Option<String>,
    pub lang: Option<Lang>,
    /// The main text, one paragraph per entry.
    pub lines: Vec<String>,
    /// Paragraphs the extractor returned twice (a teaser above the body that repeats its first
    /// paragraph, a pull quote), blanked in `lines` so numbering holds; see
    /// [`blank_repeated_paragraphs`].
    pub repeated: Vec<RemovedLine>,
}

/// Extracts the main text and metadata of an HTML page. `url` is where it came from, if known.
pub fn extract_html(html: &str, url: Option<&str>) -> Extracted {
    let html = cut(html, MAX_HTML_BYTES);
    // (Categories, tags and licence are never read here: their page-wide queries are skipped.)
    let mut opts = trafilatura::Options::default()
        .with_exclude_comments(true)
        .with_max_tree_size(MAX_TREE_SIZE)
        .with_categories_tags_license(false);
    if let Some(u) = url.and_then(|u| url::Url::parse(u).ok()) {
        opts = opts.with_url(u);
    }
    let mut out = Extracted::default();
    if approx_depth(html) > MAX_DEPTH {
        // Pathologically nested markup: the extractor's tree walks recurse and could overflow
        // the stack; take all visible text with the iterative walker instead.
        out.url = url.map(str::to_string);
        out.lang = html_lang_attr(html);
        out.title = title_tag(html);
        out.lines = html_to_lines(html);
        return out;
    }
    // The page is parsed once: the extractor prunes the tree it is given, so each of its runs
    // gets a copy (a copy costs ~6 % of a parse), and the passes after it read the original.
    // The parser and the extractor are third-party code run on hostile input: a panic in them
    // must become a per-file failure, not take down a batch of thousands.
    let parsed = std::panic::catch_unwind(|| Html::parse_document(html)).ok();
    let res = parsed.as_ref().map(|parsed| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            run_extractor(parsed, &opts)
        }))
    });
    match (res, parsed) {
        (Some(Ok((Ok(r), fallback))), Some(parsed)) => {
            let m = &r.metadata;
            out.title = nonempty(&m.title);
            out.author = nonempty(&m.author);
            out.site_name = nonempty(&m.sitename);
            out.url = nonempty(&m.url).or_else(|| url.map(str::to_string));
            out.published = m.date.map(|d| d.format("%Y-%m-%d").to_string());
            out.lang = Lang::parse(&m.language);
            // The passes are our own code on hostile input too: should one panic, the page
            // keeps the extractor's lines rather than fail (read again then, not copied on
            // every page in case).
            let page = crate::gaps::Page::new(parsed);
            out.lines = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let lines = html_to_lines(&r.content_html);
                mend(
                    html,
                    &page,
                    &r.content_html,
                    lines,
                    out.title.as_deref(),
                    fallback,
                )
            }))
            .unwrap_or_else(|_| html_to_lines(&r.content_html));
        }
        _ => {
            out.url = url.map(str::to_string);
        }
    }
    if out.lang.is_none() {
        out.lang = html_lang_attr(html);
    }
    if out.lines.iter().all(|l| l.trim().is_empty()) {
        // Nothing the extractor recognised as an article (very short pages, plain markup):
        // fall back to all visible text rather than lose the page.
        out.lines = html_to_lines(html);
        if out.title.is_none() {
            out.title = title_tag(html);
        }
    }
    out.repeated = blank_repeated_paragraphs(&mut out.lines);
    out
}

/// Runs the extractor on copies of the parsed page (it prunes the tree it is given): once, and
/// again with its fallback extractors when the first result is short or the whole page. Returns
/// the result kept and whether it came from the fallback run.
fn run_extractor(
    parsed: &Html,
    opts: &trafilatura::Options,
) -> (
    Result<trafilatura::ExtractResult, trafilatura::TrafilaturaError>,
    bool,
) {
    // The page's metadata does not depend on the focus or the fallback extractors: read once,
    // it serves a second run too.
    let doc = trafilatura::dom::Document::from_html(parsed.clone());
    let meta = trafilatura::metadata::extract_metadata(&doc, opts);
    let run = |doc, opts: &trafilatura::Options| {
        trafilatura::extract_document_with_metadata(doc, opts, Some(meta.clone()))
    };
    let extract = |opts: &trafilatura::Options| {
        run(trafilatura::dom::Document::from_html(parsed.clone()), opts)
    };
    let first = run(doc, opts);
    // A short result often means the extractor settled on a teaser or a sidebar: then run
    // it again with its fallback extractors (readability, jusText) and keep the longer text.
    // Only these pages pay for the second pass.
    let short = first
        .as_ref()
        .map_or(true, |r| r.content_text.len() < FALLBACK_BELOW);
    if !short {
        // When its rules find no body at all, the extractor returns the whole page's text
        // as one paragraph (menus, rails, footer and all): its fallback extractors, which
        // score text blocks, do better there.
        if first.as_ref().is_ok_and(|r| is_whole_page(&r.content_html)) {
            let again = extract(&opts.clone().with_fallback(true));
            if again.as_ref().is_ok_and(|r| {
                !is_whole_page(&r.content_html) && r.content_text.len() >= FALLBACK_BELOW
            }) {
                return (again, true);
            }
        }
        return (first, false);
    }
    let second_opts = opts
        .clone()
        .with_fallback(true)
        .with_focus(trafilatura::ExtractionFocus::FavorRecall);
    let second = extract(&second_opts);
    match (&first, &second) {
        (Ok(a), Ok(b)) if b.content_text.len() > a.content_text.len() => (second, true),
        (Err(_), Ok(_)) => (second, true),
        _ => (first, false),
    }
}

/// Whether extracted HTML is the extractor's last resort, the page's whole text in one
/// paragraph: a single `<p>` of many lines and no other block.
fn is_whole_page(extracted_html: &str) -> bool {
    const BLOCKS: &[&str] = &["<div", "<h", "<li", "<table", "<blockquote", "<pre"];
    extracted_html.matches("<p").count() <= 1
        && !BLOCKS.iter().any(|b| extracted_html.contains(b))
        && extracted_html.matches('\n').count() >= 10
}

/// The passes that mend what the extractor kept or dropped wrongly: lines the page marks as
/// furniture (captions, promos), loose-text bodies cut short, blocks skipped
/// between kept paragraphs, bodies split around an ad, the standfirst. Those that read the
/// page's tree get `page`, parsed before the extractor ran and not pruned by it.
/// `title`: the page's title, which the extractor may have kept as a line.
/// `fallback`: the lines come from the extractor's fallback extractors, which keep boxes that
/// its own rules leave out.
fn mend(
    html: &str,
    page: &crate::gaps::Page,
    extracted_html: &str,
    mut lines: Vec<String>,
    title: Option<&str>,
    fallback: bool,
) -> Vec<String> {
    lines = crate::marked::drop_marked(html, lines);
    if fallback {
        lines = crate::gaps::drop_boxed(page, lines);
    }
    let probes = crate::loose::truncated_lines(html, &lines);
    if !probes.is_empty() {
        lines = crate::loose::read_loose_bodies(page, &probes, lines);
    }
    if crate::gaps::worth_a_look(html, extracted_html, &lines) {
        lines = crate::gaps::fill_gaps(page, lines);
    }
    if let Some(class) = crate::gaps::split_body_class(html, &lines) {
        lines = crate::gaps::add_split_bodies(page, &class, lines);
    }
    if let Some(c) = crate::standfirst::candidate(html, &lines, title) {
        if let Some(s) = crate::standfirst::find(&page.doc, &c) {
            lines.insert(c.first_paragraph, s);
        }
    }
    lines
}

/// Paragraphs with fewer words are never treated as repeats: short lines ("Advertisement",
/// "Read more") recur as chrome and are the cleaner's business, with its own reasons.
const MIN_REPEATED_WORDS: usize = 6;

/// Blanks every later copy of a paragraph of [`MIN_REPEATED_WORDS`]+ words (compared on words,
/// ignoring case and punctuation) and returns them for the audit trail.
///
/// On a page the same paragraph twice is an extraction artefact, not the author's emphasis: the
/// lead is often printed as a teaser above the article and again as its first paragraph, and a
/// pull quote repeats a sentence of the body. Kept, the copy would count twice in every
/// analysis and in text comparisons. Only HTML gets this: in a text file a repeated line is
/// the author's (and the task annotates *Repetition* on it).
pub fn blank_repeated_paragraphs(lines: &mut [String]) -> Vec<RemovedLine> {
    let mut first: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut out = Vec::new();
    for (i, line) in lines.iter_mut().enumerate() {
        let key = word_key(line);
        if key.is_empty() || key.split(' ').count() < MIN_REPEATED_WORDS {
            continue;
        }
        match first.entry(key) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(i);
            }
            std::collections::hash_map::Entry::Occupied(o) => {
                out.push(RemovedLine {
                    line: i as u32 + 1,
                    text: std::mem::take(line),
                    reason: format!("repeated paragraph (same as line {})", o.get() + 1),
                });
            }
        }
    }
    out
}

/// Reads an HTML page into an article. `id` names it; `item` is used in errors.
pub fn html_article(
    item: &str,
    id: String,
    html: &str,
    url: Option<&str>,
) -> Result<Article, IngestError> {
    let ex = extract_html(html, url);
    if ex.lines.iter().all(|l| l.trim().is_empty()) {
        return Err(IngestError::new(
            item,
            Problem::Other("HTML page without any text".into()),
        ));
    }
    let title_is_line_1 = match (&ex.title, ex.lines.first()) {
        (Some(t), Some(first)) => same_text(t, first),
        _ => false,
    };
    Ok(Article {
        id,
        path: item.to_string(),
        title: ex.title,
        title_is_line_1,
        lines: ex.lines,
        url: ex.url,
        source: ex.site_name,
        declared_lang: ex.lang,
        published: ex.published,
        author: ex.author,
        removed: ex.repeated,
        ..Article::default()
    })
}

fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}

fn nonempty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

use newsprism_core::text::clip as cut;

/// Elements whose start and end break the line.
pub(crate) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "main"
            | "figure"
            | "figcaption"
            | "hr"
            | "form"
            | "fieldset"
            | "address"
            | "details"
            | "summary"
            | "body"
            | "html"
            | "title"
    )
}

/// The lines not flagged, unless the flagged ones hold more than half the text: then the flags
/// describe the page itself (a gallery of captions, a list of cards) and every line stays.
pub(crate) fn drop_unless_most(lines: Vec<String>, flagged: &[bool]) -> Vec<String> {
    let total: usize = lines.iter().map(String::len).sum();
    let dropped: usize = lines
        .iter()
        .zip(flagged)
        .filter(|(_, f)| **f)
        .map(|(l, _)| l.len())
        .sum();
    if dropped == 0 || dropped * 2 > total {
        return lines;
    }
    lines
        .into_iter()
        .zip(flagged)
        .filter_map(|(l, f)| (!f).then_some(l))
        .collect()
}

/// Whether an element is hidden by its attributes (`hidden`, `aria-hidden="true"`,
/// `display:none`): its text is no part of what the page shows.
pub(crate) fn hidden_by_attribute(e: &scraper::node::Element) -> bool {
    e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
        || e.attr("style")
            .is_some_and(|s| s.replace(' ', "").contains("display:none"))
}

/// Elements whose text is never shown.
pub(crate) fn is_hidden(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "svg"
            | "iframe"
            | "object"
            | "math"
    )
}

/// Turns HTML (a fragment or a page) into text lines: block elements and `<br>` end lines,
/// whitespace inside a line is collapsed, invisible characters (soft hyphens, zero-width spaces)
/// are dropped, and empty lines are removed. Iterative, so deeply nested markup cannot overflow
/// the stack.
pub fn html_to_lines(html: &str) -> Vec<String> {
    let doc = Html::parse_document(cut(html, MAX_HTML_BYTES));
    let mut lines = Vec::new();
    let mut cur = String::new();
    let mut hidden_depth = 0usize;
    let flush = |cur: &mut String, lines: &mut Vec<String>| {
        let line = clean_line(cur);
        if !line.is_empty() {
            lines.push(line);
        }
        cur.clear();
    };
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if hidden_depth > 0 || is_hidden(name) {
                        hidden_depth += 1;
                    } else if name == "br" || is_block(name) {
                        flush(&mut cur, &mut lines);
                    } else if matches!(name, "td" | "th") {
                        cur.push(' ');
                    }
                }
                Node::Text(t) if hidden_depth == 0 => cur.push_str(t),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if hidden_depth > 0 {
                        hidden_depth -= 1;
                    } else if is_block(e.name()) {
                        flush(&mut cur, &mut lines);
                    } else if matches!(e.name(), "td" | "th") {
                        cur.push(' ');
                    }
                }
            }
        }
    }
    flush(&mut cur, &mut lines);
    lines
}

/// Text of an HTML fragment (feed summaries): lines joined with newlines.
pub fn html_to_text(html: &str) -> String {
    html_to_lines(html).join("\n")
}

pub(crate) fn clean_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        let w: String = word
            .chars()
            .filter(|c| {
                !matches!(
                    c,
                    '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}'
                )
            })
            .collect();
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w);
    }
    out
}

/// `<html lang="..">` of a page.
fn html_lang_attr(html: &str) -> Option<Lang> {
    let head = cut(html, 16 * 1024);
    let lower = head.to_ascii_lowercase();
    let i = lower.find("<html")?;
    let tag_end = lower[i..].find('>').map_or(lower.len(), |e| i + e);
    let tag = &lower[i..tag_end];
    let j = tag.find(" lang=").or_else(|| tag.find(":lang="))?;
    let rest = tag[j..].split_once('=')?.1.trim_start_matches(['"', '\'']);
    let code: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    Lang::parse(&code)
}

fn title_tag(html: &str) -> Option<String> {
    let doc = Html::parse_document(cut(html, 1024 * 1024));
    let sel = scraper::Selector::parse("title").ok()?;
    let t = doc.select(&sel).next()?.text().collect::<String>();
    nonempty(&clean_line(&t))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html lang="fr-FR"><head>
<title>Le gouvernement annonce une réforme | Le Quotidien</title>
<meta property="og:site_name" content="Le Quotidien">
<meta name="author" content="Marie Dupont">
<meta property="article:published_time" content="2024-03-05T08:00:00+01:00">
<link rel="canonical" href="https://quotidien.example/politique/reforme">
</head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/politique">Politique</a></li><li><a href="/monde">Monde</a></li></ul></nav>
<article>
<h1>Le gouvernement annonce une réforme</h1>
<p>Le gouvernement a présenté mercredi un projet de loi qui modifie profondément le système des retraites, suscitant de vives réactions.</p>
<h2>Les syndicats s'opposent</h2>
<p>Les syndicats ont appelé à une grève nationale le 12 mars, estimant que la ré&shy;forme pénalise les salariés les plus modestes et les carrières longues.</p>
<ul><li>Recul de l'âge légal à 64 ans pour l'ensemble des salariés du privé</li><li>Allongement de la durée de cotisation pour une retraite à taux plein</li></ul>
<p>Le texte sera examiné à l'Assemblée nationale au printemps, selon le calendrier parlementaire annoncé par le ministre.</p>
</article>
<footer><p>© 2024 Le Quotidien — Mentions légales — Contact</p></footer>
</body></html>"#;

    #[test]
    fn extracts_paragraphs_and_metadata() {
        let ex = extract_html(PAGE, None);
        assert_eq!(ex.lang, Some(Lang::FR));
        assert_eq!(ex.author.as_deref(), Some("Marie Dupont"));
        assert_eq!(ex.site_name.as_deref(), Some("Le Quotidien"));
        assert_eq!(ex.published.as_deref(), Some("2024-03-05"));
        assert_eq!(
            ex.url.as_deref(),
            Some("https://quotidien.example/politique/reforme")
        );
        let text = ex.lines.join("\n");
        assert!(text.contains("Les syndicats s'opposent\n"), "{text}");
        assert!(
            text.contains("la réforme pénalise"),
            "soft hyphen kept: {text}"
        );
        assert!(ex
            .lines
            .iter()
            .any(|l| l == "Recul de l'âge légal à 64 ans pour l'ensemble des salariés du privé"));
        assert!(!text.contains("Accueil"), "{text}");
        assert!(!text.contains("Mentions légales"), "{text}");
    }

    #[test]
    fn later_copies_of_a_paragraph_are_blanked_and_listed() {
        let long = "The council approved the new budget after a debate of six hours.";
        let mut lines: Vec<String> = [
            long,
            "Read more",
            "Read more",
            "THE COUNCIL approved the new budget, after a debate of six hours!",
            "Another paragraph with enough words to count here.",
            long,
        ]
        .map(String::from)
        .to_vec();
        let removed = blank_repeated_paragraphs(&mut lines);
        // Short repeated lines are left to the cleaner; case and punctuation do not matter.
        assert_eq!(lines[1], "Read more");
        assert_eq!(lines[2], "Read more");
        assert_eq!(lines[3], "");
        assert_eq!(lines[5], "");
        assert_eq!(lines.len(), 6, "numbering holds");
        let got: Vec<(u32, &str)> = removed
            .iter()
            .map(|r| (r.line, r.reason.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (4, "repeated paragraph (same as line 1)"),
                (6, "repeated paragraph (same as line 1)")
            ]
        );
        assert_eq!(removed[1].text, long);
    }

    #[test]
    fn fragment_lines() {
        let lines =
            html_to_lines("<p>One <b>bold</b>\n word.</p><p>Two<br>Three</p><script>x()</script>");
        assert_eq!(lines, vec!["One bold word.", "Two", "Three"]);
    }

    #[test]
    fn the_extractors_last_resort_is_told_apart() {
        let lines: String = (0..20).map(|i| format!("Menu item {i}\n")).collect();
        assert!(super::is_whole_page(&format!("<p>{lines}</p>")));
        assert!(!super::is_whole_page(&format!("<p>{lines}</p><p>Body</p>")));
        assert!(!super::is_whole_page("<p>One paragraph.</p>"));
    }

    #[test]
    fn tiny_page_falls_back_to_visible_text() {
        let ex = extract_html(
            "<html><head><title>T</title></head><body>Short note.</body></html>",
            None,
        );
        assert_eq!(ex.lines.last().map(String::as_str), Some("Short note."));
    }
}
