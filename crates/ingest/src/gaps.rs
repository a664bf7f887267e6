//! Blocks the extractor skipped between two paragraphs it kept.
//!
//! The extractor (the `trafilatura` port) sometimes keeps a body's paragraphs and drops the
//! subheadings and lists between them: when a site's paragraphs carry the class its body rules
//! look for (`<p class="article-text">`), it takes those elements one by one and nothing else;
//! in a live blog it drops each post's heading and the lists inside posts. A reader sees them
//! as part of the article, and full-text benchmarks count them. This pass looks at the page
//! again: a heading, paragraph or list item that sits, in document order, between two kept
//! paragraphs, inside the container they share and in no box of its own that says it is
//! furniture (an aside, a caption, a teaser box, a share bar, something hidden), goes back in
//! its place. Nothing no crate does better: the extractor prunes the tree it works on, so this
//! pass reads the page as parsed before the extractor ran, and only when the extracted text has
//! fewer headings and list items than the page region it came from could hold (a cheap check
//! on the raw markup).

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use ego_tree::{NodeId, NodeRef};
use newsprism_core::text::word_key;
use scraper::{Html, Node};

use crate::html::{drop_unless_most, hidden_by_attribute, is_block};
use crate::markup::{alnum_key, body_start, count_in, find_in, plain_opening, visible_chars};

/// Most blocks put back into one gap: more than that between two kept paragraphs is a whole
/// region (a sidebar, a comment thread) the extractor was right to leave out.
const MAX_PER_GAP: usize = 12;

fn is_gap_block(name: &str) -> bool {
    matches!(name, "p" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "tr")
}

/// Whether a table row holds data (a figure table's row, one line of text) rather than page
/// layout (an old site's table holding the body, a sidebar): no blocks inside its cells beyond
/// one paragraph each.
fn is_data_row(tr: NodeRef<Node>) -> bool {
    tr.children().all(|cell| {
        let mut paragraphs = 0;
        cell.descendants().skip(1).all(|d| match d.value() {
            Node::Element(x) => {
                paragraphs += usize::from(x.name() == "p");
                paragraphs <= 1 && (x.name() == "p" || !is_block(x.name()))
            }
            _ => true,
        })
    })
}

/// Class and id words of page furniture.
const FURNITURE: &[&str] = &[
    "related",
    "promo",
    "teaser",
    "newsletter",
    "subscri",
    "share",
    "social",
    "comment",
    "caption",
    "credit",
    "byline",
    "author",
    "meta",
    "tags",
    "widget",
    "sidebar",
    "aside",
    "advert",
    "sponsor",
    "paywall",
    "recommend",
    "more",
    "nav",
    "menu",
    "footer",
    "header",
    "breadcrumb",
    "cookie",
    "consent",
    "popup",
    "modal",
    "signup",
    "trending",
    "popular",
    "outbrain",
    "taboola",
    "bio",
    "disclaimer",
    "correction",
    "banner",
    "barrier",
    "offer",
    "upsell",
    "pricing",
    "cta",
];

/// Whether an element says it is not article text: by its tag, by being hidden, or by a class
/// or id word of [`FURNITURE`] (or an `ad` class).
pub(crate) fn is_furniture(e: &scraper::node::Element) -> bool {
    if matches!(
        e.name(),
        "aside"
            | "nav"
            | "footer"
            | "header"
            | "figure"
            | "figcaption"
            | "form"
            | "button"
            | "noscript"
            | "template"
            | "dialog"
            | "select"
            | "label"
    ) {
        return true;
    }
    if hidden_by_attribute(e) {
        return true;
    }
    let words = e
        .attr("class")
        .into_iter()
        .chain(e.attr("id"))
        .flat_map(|v| v.split_whitespace())
        .map(str::to_lowercase);
    for w in words {
        if w == "ad"
            || w == "ads"
            || w.starts_with("ad-")
            || w.starts_with("ad_")
            || w.ends_with("-ad")
            || w.ends_with("_ad")
            || FURNITURE.iter().any(|f| w.contains(f))
        {
            return true;
        }
    }
    false
}

/// Whether a node keeps its text out of the article: furniture, or a link (a teaser card is a
/// heading and a summary inside one link).
fn in_box(node: NodeRef<Node>) -> bool {
    matches!(node.value(), Node::Element(e) if is_furniture(e) || e.name() == "a")
}

/// The page as parsed before the extractor ran (the extractor prunes its own copy), with its
/// blocks, built once for every pass that needs them.
pub(crate) struct Page {
    pub(crate) doc: Html,
    blocks: OnceCell<Vec<Block>>,
}

impl Page {
    pub(crate) fn new(doc: Html) -> Self {
        Page {
            doc,
            blocks: OnceCell::new(),
        }
    }

    #[cfg(test)]
    pub(crate) fn parse(html: &str) -> Self {
        Page::new(Html::parse_document(html))
    }

    fn blocks(&self) -> &[Block] {
        self.blocks.get_or_init(|| blocks(&self.doc))
    }

    fn node(&self, id: NodeId) -> NodeRef<'_, Node> {
        self.doc.tree.get(id).expect("a node of this tree")
    }
}

/// The blocks put back into one place, in order. A heading followed by a block left out is the
/// title of the box left out ("Explore further", "Mehr zu Wärmepumpe"), and goes with it.
struct PutBack<T> {
    put: Vec<T>,
    heading_last: bool,
}

impl<T> PutBack<T> {
    fn new() -> Self {
        PutBack {
            put: Vec::new(),
            heading_last: false,
        }
    }

    fn keep(&mut self, item: T, heading: bool) {
        self.put.push(item);
        self.heading_last = heading;
    }

    fn leave_out(&mut self) {
        if std::mem::take(&mut self.heading_last) {
            self.put.pop();
        }
    }
}

/// A block of the page in document order.
struct Block {
    id: NodeId,
    text: String,
    key: String,
    /// Share of the text inside links (a list of links is navigation or teasers).
    linked: f64,
    heading: bool,
}

fn blocks(doc: &Html) -> Vec<Block> {
    let mut out = Vec::new();
    for node in doc.tree.root().descendants() {
        let Node::Element(e) = node.value() else {
            continue;
        };
        if !is_gap_block(e.name()) {
            continue;
        }
        // A data row is one block, its cells' paragraphs are not blocks of their own.
        let row = e.name() == "tr";
        if row && !is_data_row(node) {
            continue;
        }
        if !row
            && node
                .ancestors()
                .find(|a| matches!(a.value(), Node::Element(x) if x.name() == "tr"))
                .is_some_and(is_data_row)
        {
            continue;
        }
        // A list item made of paragraphs: the paragraphs are the blocks.
        if e.name() == "li"
            && node.descendants().skip(1).any(
                |d| matches!(d.value(), Node::Element(x) if x.name() == "p" || x.name() == "li"),
            )
        {
            continue;
        }
        let (mut text, mut linked) = (String::new(), 0usize);
        for d in node.descendants() {
            if let Node::Text(t) = d.value() {
                let (mut in_link, mut in_script) = (false, false);
                for a in d.ancestors().take_while(|a| a.id() != node.id()) {
                    if let Node::Element(x) = a.value() {
                        in_link |= x.name() == "a";
                        in_script |= matches!(x.name(), "script" | "style");
                    }
                }
                if in_script {
                    continue;
                }
                if in_link {
                    linked += t.trim().chars().count();
                }
                if row {
                    // Cells side by side, as the extracted text shows a row.
                    text.push(' ');
                }
                text.push_str(t);
            }
        }
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            continue;
        }
        let len = text.chars().count().max(1);
        out.push(Block {
            id: node.id(),
            heading: e.name().starts_with('h'),
            key: word_key(&text),
            linked: linked as f64 / len as f64,
            text,
        });
    }
    out
}

/// Whether the extracted text may have lost blocks: the raw page, between the places where its
/// first and last extracted lines start, has more headings, list items and table rows than the
/// extracted HTML, and one of them opens with text the lines do not hold. Pages where the first or last line cannot be found in the raw markup are not looked
/// at (entities, markup inside the line's first words).
pub(crate) fn worth_a_look(page: &str, extracted_html: &str, lines: &[String]) -> bool {
    let first = lines.iter().find_map(|l| plain_opening(l, 5));
    let last = lines.iter().rev().find_map(|l| plain_opening(l, 5));
    let (Some(first), Some(last)) = (first, last) else {
        return false;
    };
    let body = body_start(page);
    let Some(start) = find_in(&page[body..], &first).map(|s| body + s) else {
        return false;
    };
    let Some(end) = find_in(&page[start..], &last).map(|e| start + e) else {
        return false;
    };
    const TAGS: [&str; 7] = ["<h2", "<h3", "<h4", "<h5", "<h6", "<li", "<tr"];
    let count = |s: &str| TAGS.iter().map(|t| count_in(s, t)).sum::<usize>();
    let region = &page[start..end];
    if count(region) <= count(extracted_html) {
        return false;
    }
    // More of them in the page: worth walking the tree only if one of them opens with text the
    // extracted lines do not hold, and not with a link (a list of links is navigation or
    // teasers, which the pass leaves out anyway).
    const PROBE_CHARS: usize = 24;
    let known = alnum_key(lines.iter().flat_map(|l| l.chars()), usize::MAX);
    TAGS.iter().any(|tag| {
        memchr::memmem::find_iter(region.as_bytes(), tag.as_bytes()).any(|k| {
            let after = &region[k + tag.len()..];
            // The tag's name must end here (`<li>`, `<h2 class=…>`; not `<link`, `<track`).
            if !after.starts_with(['>', ' ', '\n', '\t', '\r']) {
                return false;
            }
            let Some(close) = find_in(after, ">") else {
                return false;
            };
            let content = after[close + 1..].trim_start();
            if content.starts_with("<a ") || content.starts_with("<a>") {
                return false;
            }
            let opening = alnum_key(visible_chars(content), PROBE_CHARS);
            opening.chars().count() >= 12 && !known.contains(&opening)
        })
    })
}

/// Each line's block, in page order (a line the extractor split or merged has none): the first
/// block of the same words after the previous line's.
fn anchors(blocks: &[Block], lines: &[String]) -> Vec<Option<usize>> {
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, b) in blocks.iter().enumerate() {
        by_key.entry(b.key.as_str()).or_default().push(k);
    }
    let mut cursor = 0usize;
    lines
        .iter()
        .map(|l| {
            let at = by_key.get(word_key(l).as_str()).and_then(|ks| {
                let p = ks.partition_point(|&k| k < cursor);
                ks.get(p).copied()
            });
            if let Some(k) = at {
                cursor = k + 1;
            }
            at
        })
        .collect()
}

/// The extracted lines with the skipped blocks put back between them.
pub(crate) fn fill_gaps(page: &Page, lines: Vec<String>) -> Vec<String> {
    let blocks = page.blocks();
    let extracted: HashSet<String> = lines.iter().map(|l| word_key(l)).collect();
    let joined: String = extracted
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" | ");
    let anchors = anchors(blocks, &lines);
    let mut out = Vec::with_capacity(lines.len());
    let mut prev: Option<usize> = None;
    for (line, at) in lines.into_iter().zip(anchors) {
        if let (Some(p), Some(n)) = (prev, at) {
            if n > p + 1 {
                out.extend(gap(page, p, n, &extracted, &joined));
            }
        }
        if at.is_some() {
            prev = at;
        }
        out.push(line);
    }
    out
}

/// Class and id words of boxes that never hold the body (a subset of [`FURNITURE`]: a header
/// holds the standfirst, a "paywall" or "teaser" container the visible part of the body).
const SURE_BOX_WORDS: &[&str] = &[
    "caption",
    "credit",
    "comment",
    "komment",
    "related",
    "promo",
    "newsletter",
    "share",
    "social",
    "cookie",
    "consent",
    "poll",
    "survey",
    "outbrain",
    "taboola",
    "recommend",
    "trending",
    "popular",
    "sidebar",
    "advert",
    "sponsor",
    "signup",
];

/// Whether a node is a box that never holds the body: by its tag, by being a link (a teaser
/// card), or by a class or id word of [`SURE_BOX_WORDS`].
fn is_sure_box(node: NodeRef<Node>) -> bool {
    let Node::Element(e) = node.value() else {
        return false;
    };
    if matches!(
        e.name(),
        "a" | "aside" | "nav" | "footer" | "figcaption" | "form" | "dialog" | "button"
    ) {
        return true;
    }
    e.attr("class")
        .into_iter()
        .chain(e.attr("id"))
        .flat_map(|v| v.split_whitespace())
        .any(|w| {
            let w = w.to_lowercase();
            SURE_BOX_WORDS.iter().any(|b| w.contains(b))
        })
}

/// A furniture box holding more than this share of the extracted text is the body's own
/// container (a `<main class="content-with-sidebar">`), not a box inside it.
const MAX_BOX_SHARE: f64 = 0.3;

/// The extracted lines without those that sit in a furniture box (a caption, a teaser card, a
/// poll, a consent notice, a comment thread) small beside the text. The extractor's own rules
/// leave such boxes out; its fallback extractors, which score blocks by their text, keep them.
pub(crate) fn drop_boxed(page: &Page, lines: Vec<String>) -> Vec<String> {
    let blocks = page.blocks();
    let anchors = anchors(blocks, &lines);
    let total: usize = lines.iter().map(|l| l.chars().count()).sum();
    let limit = (total as f64 * MAX_BOX_SHARE) as usize;
    let mut sizes: HashMap<NodeId, usize> = HashMap::new();
    let mut size = |n: NodeRef<Node>| {
        *sizes.entry(n.id()).or_insert_with(|| {
            n.descendants()
                .filter_map(|d| match d.value() {
                    Node::Text(t) => Some(t.trim().chars().count()),
                    _ => None,
                })
                .sum()
        })
    };
    let boxed: Vec<bool> = anchors
        .iter()
        .map(|at| {
            at.is_some_and(|b| {
                page.node(blocks[b].id)
                    .ancestors()
                    .chain(std::iter::once(page.node(blocks[b].id)))
                    .filter(|a| is_sure_box(*a))
                    .any(|a| size(a) < limit)
            })
        })
        .collect();
    // Most of the text in small boxes: the page is made of them (a gallery, a list of
    // cards), and the boxes are what it has to say.
    drop_unless_most(lines, &boxed)
}

/// The class of the container the first kept paragraph sits in, when the page has two or more
/// containers of that class: a body split around an ad or a paywall prompt
/// (`<div class="article-body" id="corps-1">` … ad … `<div class="article-body" id="corps-2">`),
/// of which the extractor may keep one. A string search on the raw page.
pub(crate) fn split_body_class(page: &str, lines: &[String]) -> Option<String> {
    const BODY_WORDS: &[&str] = &["body", "content", "text", "story", "article"];
    let probe = lines.iter().find_map(|l| plain_opening(l, 5))?;
    let body = body_start(page);
    let at = body + find_in(&page[body..], &probe)?;
    // The nearest class attribute above the paragraph, within a few lines of markup.
    let window = &page[page.floor_char_boundary(at.saturating_sub(3000))..at];
    let mut from = window.len();
    while let Some(k) = window[..from].rfind("class=\"") {
        from = k;
        let value = &window[k + 7..];
        let Some(end) = value.find('"') else {
            continue;
        };
        let value = &value[..end];
        let lower = value.to_ascii_lowercase();
        if BODY_WORDS.iter().any(|w| lower.contains(w)) {
            let attr = format!("class=\"{value}\"");
            let has_more =
                count_in(&page[body..], &attr) >= 2 && more_text_in(&page[body..], &attr, lines);
            return has_more.then(|| value.to_string());
        }
    }
    None
}

/// Whether some container opened by `attr` starts with a paragraph the extracted lines do not
/// hold (the other half of a split body), judged on the raw markup: most pages that repeat a
/// body class repeat it around text already kept, and their tree is not walked for nothing.
fn more_text_in(body: &str, attr: &str, lines: &[String]) -> bool {
    const PROBE_CHARS: usize = 30;
    let known = alnum_key(lines.iter().flat_map(|l| l.chars()), usize::MAX);
    let mut from = 0;
    for _ in 0..8 {
        let Some(k) = find_in(&body[from..], attr) else {
            return false;
        };
        let at = from + k;
        from = at + attr.len();
        let window = &body[at..body.floor_char_boundary((at + 4000).min(body.len()))];
        let Some(p) = find_in(window, "<p") else {
            continue;
        };
        let opening = alnum_key(visible_chars(&window[p..]), PROBE_CHARS);
        if opening.chars().count() == PROBE_CHARS && !known.contains(&opening) {
            return true;
        }
    }
    false
}

/// The kept lines with the blocks of the body's other containers (same class, sharing the kept
/// container's parent) put in page order.
pub(crate) fn add_split_bodies(page: &Page, class: &str, lines: Vec<String>) -> Vec<String> {
    let blocks = page.blocks();
    let container = |id: NodeId| {
        page.node(id)
            .ancestors()
            .find(|a| matches!(a.value(), Node::Element(e) if e.attr("class") == Some(class)))
    };
    let anchors = anchors(blocks, &lines);
    // The containers that hold kept lines, and their parents.
    let mut kept: HashSet<NodeId> = HashSet::new();
    let mut parents: HashSet<NodeId> = HashSet::new();
    for b in anchors.iter().flatten() {
        if let Some(c) = container(blocks[*b].id) {
            kept.insert(c.id());
            if let Some(p) = c.parent() {
                parents.insert(p.id());
            }
        }
    }
    if kept.is_empty() {
        return lines;
    }
    let extracted: HashSet<String> = lines.iter().map(|l| word_key(l)).collect();
    // Blocks of the other containers, each to go after the last kept line above it.
    let mut adds: PutBack<(usize, String)> = PutBack::new();
    for (k, b) in blocks.iter().enumerate() {
        let Some(c) = container(b.id) else {
            continue;
        };
        if kept.contains(&c.id()) || !c.parent().is_some_and(|p| parents.contains(&p.id())) {
            continue;
        }
        let boxed = page
            .node(b.id)
            .ancestors()
            .take_while(|a| a.id() != c.id())
            .any(in_box);
        if boxed || b.linked > 0.5 || extracted.contains(&b.key) {
            adds.leave_out();
            continue;
        }
        if b.text.split_whitespace().count() < 2 && !b.heading {
            continue;
        }
        adds.keep((k, b.text.clone()), b.heading);
    }
    if adds.put.is_empty() {
        return lines;
    }
    let adds = adds.put;
    let mut out = Vec::with_capacity(lines.len() + adds.len());
    let mut adds = adds.into_iter().peekable();
    for (line, at) in lines.into_iter().zip(anchors) {
        if let Some(a) = at {
            while let Some((_, t)) = adds.next_if(|(k, _)| *k < a) {
                out.push(t);
            }
        }
        out.push(line);
    }
    out.extend(adds.map(|(_, t)| t));
    out
}

/// The blocks strictly between blocks `p` and `n` to put back.
fn gap(page: &Page, p: usize, n: usize, extracted: &HashSet<String>, joined: &str) -> Vec<String> {
    let blocks = page.blocks();
    // The container both kept paragraphs share: a skipped block must be inside it.
    let above_p: HashSet<NodeId> = page
        .node(blocks[p].id)
        .ancestors()
        .map(|a| a.id())
        .collect();
    let shared: HashSet<NodeId> = page
        .node(blocks[n].id)
        .ancestors()
        .map(|a| a.id())
        .filter(|id| above_p.contains(id))
        .collect();
    let mut put = PutBack::new();
    for b in &blocks[p + 1..n] {
        if extracted.contains(&b.key) || (b.key.len() >= 20 && joined.contains(&b.key)) {
            put.heading_last = false;
            continue;
        }
        if b.text.split_whitespace().count() < 2 || b.linked > 0.5 {
            put.leave_out();
            continue;
        }
        let node = page.node(b.id);
        let boxed = node
            .ancestors()
            .take_while(|a| !shared.contains(&a.id()))
            .chain(std::iter::once(node))
            .any(in_box);
        if boxed {
            put.leave_out();
            continue;
        }
        put.keep(b.text.clone(), b.heading);
        if put.put.len() > MAX_PER_GAP {
            return Vec::new();
        }
    }
    put.put
}

#[cfg(test)]
mod tests {
    /// A body of classed paragraphs with a subheading, a list and a related box between them.
    fn page() -> String {
        let para = |n: usize| {
            format!(
                "<p class=\"article-text\">Paragraph {n} of the report tells how the council met on Tuesday evening and what the residents of the valley said about the new water rules that start next month.</p>"
            )
        };
        format!(
            "<html><head><title>Water rules</title></head><body>\
<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul></nav>\
<main><h1>Water rules</h1><div class=\"second-col\">{}{}\
<h2 class=\"article-text__subtitle\">What the rules say</h2>{}\
<ul class=\"list\"><li>Washing cars with mains water is banned.</li><li>Gardens may be watered after eight in the evening.</li></ul>\
<div class=\"box\"><h3>More on the drought</h3><ul><li><a href=\"/a\">Reservoirs fall to record low as summer drags on</a></li></ul></div>\
{}{}</div></main><footer><p>Copyright 2025 The Valley Post. All rights reserved.</p></footer></body></html>",
            para(1),
            para(2),
            para(3),
            para(4),
            para(5)
        )
    }

    #[test]
    fn headings_and_lists_between_kept_paragraphs_come_back() {
        let html = page();
        // What the extractor keeps of such a page: the classed paragraphs only.
        let kept: Vec<String> = (1..=5)
            .map(|n| format!("Paragraph {n} of the report tells how the council met on Tuesday evening and what the residents of the valley said about the new water rules that start next month."))
            .collect();
        let lines = super::fill_gaps(&super::Page::parse(&html), kept);
        let text = lines.join("\n");
        let at = |s: &str| lines.iter().position(|l| l.contains(s));
        let (Some(sub), Some(item), Some(p3), Some(p4)) = (
            at("What the rules say"),
            at("Washing cars"),
            at("Paragraph 3"),
            at("Paragraph 4"),
        ) else {
            panic!("{text}");
        };
        assert!(sub < p3 && p3 < item && item < p4, "in page order: {text}");
        assert!(
            at("More on the drought").is_none(),
            "a box's title stays out: {text}"
        );
        assert!(at("Reservoirs fall").is_none(), "{text}");
        assert!(at("Home").is_none() && at("Copyright").is_none(), "{text}");
        assert_eq!(lines.len(), 8, "{text}");
    }

    #[test]
    fn a_figure_table_between_kept_paragraphs_comes_back_row_by_row() {
        let para = |n: usize| {
            format!("<p class=\"article-text\">Paragraph {n} tells what the council decided about the water rules on Tuesday evening after a long debate.</p>")
        };
        let html = format!(
            "<html><body><main><div class=\"body\">{}<div class=\"table-embed\"><table>\
<tr><th>Reservoir</th><th>Level</th></tr><tr><td><p>North Dam</p></td><td><p>41 %</p></td></tr></table></div>{}\
<table><tr><td><div><p>Layout cell with a whole sidebar in it, not a row of figures.</p></div></td></tr></table>{}\
</div></main></body></html>",
            para(1),
            para(2),
            para(3)
        );
        let kept: Vec<String> = (1..=3)
            .map(|n| format!("Paragraph {n} tells what the council decided about the water rules on Tuesday evening after a long debate."))
            .collect();
        assert!(super::worth_a_look(&html, "<p></p>", &kept));
        let lines = super::fill_gaps(&super::Page::parse(&html), kept);
        let text = lines.join("\n");
        assert_eq!(lines[1], "Reservoir Level", "{text}");
        assert_eq!(lines[2], "North Dam 41 %", "{text}");
        // The layout table's paragraph is a block of its own, put back as a paragraph.
        assert_eq!(lines.len(), 6, "{text}");
    }

    #[test]
    fn the_fallback_extractors_boxes_are_dropped() {
        let para = |n: usize| {
            format!("<p>Paragraph {n} tells what the council decided about the water rules on Tuesday evening after a long debate in the hall.</p>")
        };
        let html = format!(
            "<html><body><header class=\"article-header\"><p>The standfirst says what happened in the valley this week.</p></header>\
<article>{}<figure><img src=\"a.jpg\"><figcaption><p>The dam at dawn on Monday. Photo: staff</p></figcaption></figure>{}{}\
<div class=\"comments-list\"><p>I think the council got this one wrong again.</p></div></article></body></html>",
            para(1),
            para(2),
            para(3)
        );
        let mut lines =
            vec!["The standfirst says what happened in the valley this week.".to_string()];
        for n in 1..=3 {
            lines.push(format!("Paragraph {n} tells what the council decided about the water rules on Tuesday evening after a long debate in the hall."));
            if n == 1 {
                lines.push("The dam at dawn on Monday. Photo: staff".to_string());
            }
        }
        lines.push("I think the council got this one wrong again.".to_string());
        let out = super::drop_boxed(&super::Page::parse(&html), lines);
        let text = out.join("\n");
        assert_eq!(out.len(), 4, "{text}");
        assert!(
            out[0].starts_with("The standfirst"),
            "a header is no sure box: {text}"
        );
        assert!(
            !text.contains("Photo") && !text.contains("I think"),
            "{text}"
        );
    }

    #[test]
    fn a_body_split_around_an_ad_is_read_whole() {
        let p = |t: &str| {
            format!("<p>{t} is what the council said about the market hall on Tuesday evening.</p>")
        };
        let html = format!(
            "<html><body><main><div class=\"article-body\" id=\"one\">{}{}</div>\
<div class=\"pub\"><p>Publicité</p></div>\
<div class=\"article-body\" id=\"two\">{}<aside><p>À lire aussi</p></aside><h2>Une journée d'inauguration</h2>{}</div></main>\
<div class=\"article-body\"><p>An unrelated teaser in another part of the page.</p></div></body></html>",
            p("First"),
            p("Second"),
            p("Third"),
            p("Fourth")
        );
        let kept: Vec<String> = ["First", "Second"]
            .iter()
            .map(|t| {
                format!("{t} is what the council said about the market hall on Tuesday evening.")
            })
            .collect();
        let class = super::split_body_class(&html, &kept).expect("two containers of one class");
        assert_eq!(class, "article-body");
        let lines = super::add_split_bodies(&super::Page::parse(&html), &class, kept);
        let firsts: Vec<&str> = lines
            .iter()
            .map(|l| l.split(' ').next().unwrap_or(""))
            .collect();
        assert_eq!(
            firsts,
            ["First", "Second", "Third", "Une", "Fourth"],
            "{lines:?}"
        );
    }

    #[test]
    fn the_class_search_window_starts_on_a_character() {
        // Two-byte letters before the body: 3000 bytes back from the first paragraph falls
        // inside one of them for one of the two paddings.
        for pad in ["", "x"] {
            let page = format!(
                "<body>{pad}<div>{}</div><div class=\"article-body\"><p>Один два три четыре пять шесть.</p></div></body>",
                "м".repeat(2000)
            );
            let lines = vec!["Один два три четыре пять шесть.".to_string()];
            assert_eq!(super::split_body_class(&page, &lines), None);
        }
    }

    #[test]
    fn the_check_looks_between_the_first_and_last_kept_lines() {
        let html = page();
        let kept: Vec<String> = [
            "Paragraph 1 of the report tells",
            "Paragraph 5 of the report tells",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert!(super::worth_a_look(&html, "<p>x</p>", &kept));
        assert!(!super::worth_a_look(
            &html,
            "<h2>a</h2><li>b</li><li>c</li><h3>d</h3><li>e</li>",
            &kept
        ));
    }
}
