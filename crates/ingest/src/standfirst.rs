//! The standfirst (dek, chapô, Vorspann) printed between the headline and the body.
//!
//! Sites set it in the article's header, apart from the body container, so the extractor leaves
//! it out; yet it is the newsroom's own summary of the story, often its most loaded sentence,
//! and readers and benchmarks count it as article text. The page says which sentence it is:
//! its description metadata (`og:description`, `description`) repeats the standfirst. When the
//! page shows that sentence as visible text above the first extracted paragraph, outside any
//! teaser box, it is put back as the first line. A description that is the first paragraph
//! itself (or its start) is already in.

use newsprism_core::text::word_key;
use scraper::{Html, Node};

use crate::html::hidden_by_attribute;
use crate::markup::{body_start, class_words, find_in, opening_probe, plain_opening, reads_like};

/// Fewest words of a standfirst: a shorter description is a slogan or a site blurb.
const MIN_WORDS: usize = 8;
/// Most words: a longer description is the opening of the body copied whole.
const MAX_WORDS: usize = 90;

/// The page's description, from its head: the `<meta>` tags naming one are found by a string
/// search and only they are parsed (parsing the whole head of every page cost a tenth of the
/// extraction time).
fn description(page: &str) -> Option<String> {
    let head_end = page.find("</head>").or_else(|| page.find("<body"))?;
    let head = &page[..head_end];
    let mut best: Option<(usize, String)> = None;
    let mut from = 0;
    while let Some(at) = head[from..].find("description") {
        let at = from + at;
        from = at + "description".len();
        let Some(open) = head[..at].rfind('<') else {
            continue;
        };
        let Some(close) = head[at..].find('>').map(|c| at + c + 1) else {
            continue;
        };
        let tag = &head[open..close];
        if !tag[1..]
            .trim_start()
            .to_ascii_lowercase()
            .starts_with("meta")
        {
            continue;
        }
        let frag = Html::parse_fragment(tag);
        let Some(meta) = frag
            .root_element()
            .descendants()
            .find_map(|n| match n.value() {
                Node::Element(e) if e.name() == "meta" => Some(e),
                _ => None,
            })
        else {
            continue;
        };
        let rank = match (meta.attr("property"), meta.attr("name")) {
            (Some("og:description"), _) => 0,
            (_, Some("description")) => 1,
            (_, Some("twitter:description")) => 2,
            _ => continue,
        };
        let Some(content) = meta.attr("content") else {
            continue;
        };
        let content = content.split_whitespace().collect::<Vec<_>>().join(" ");
        if !content.is_empty() && best.as_ref().is_none_or(|(r, _)| rank < *r) {
            best = Some((rank, content));
        }
    }
    best.map(|(_, c)| c)
}

/// Whether an element, or one around it, keeps its text out of the article: hidden, a link, a
/// caption, or a box of other stories.
fn is_out(e: &scraper::node::Element) -> bool {
    const BOXES: &[&str] = &[
        "related",
        "promo",
        "teaser",
        "card",
        "recommend",
        "sidebar",
        "share",
        "newsletter",
        "comment",
        "trending",
        "popular",
    ];
    matches!(
        e.name(),
        "a" | "aside"
            | "nav"
            | "footer"
            | "figure"
            | "figcaption"
            | "noscript"
            | "template"
            | "script"
            | "style"
            | "button"
            | "title"
            | "head"
    ) || hidden_by_attribute(e)
        || e.attr("class")
            .into_iter()
            .chain(e.attr("id"))
            .flat_map(class_words)
            .any(|w| {
                BOXES
                    .iter()
                    .any(|b| w == *b || w.strip_suffix('s') == Some(*b))
            })
}

/// A description that may be a standfirst the extractor left out: what the parsed page is then
/// searched for.
pub(crate) struct Candidate {
    key: String,
    first_key: String,
    /// The line of the first paragraph (not a headline the extractor kept above it): where the
    /// standfirst goes.
    pub(crate) first_paragraph: usize,
}

/// The standfirst candidate of a page, by cheap tests on its raw text (most pages have none,
/// and their tree is not searched).
pub(crate) fn candidate(page: &str, lines: &[String], title: Option<&str>) -> Option<Candidate> {
    let desc = description(page)?;
    let words = desc.split_whitespace().count();
    if !(MIN_WORDS..=MAX_WORDS).contains(&words) {
        return None;
    }
    let key = word_key(&desc);
    // The headline, kept as a line, is no paragraph (the page's title may add the site's
    // name to it).
    let title_key = title.map(word_key).unwrap_or_default();
    let first_paragraph = lines.iter().position(|l| {
        l.split_whitespace().count() >= MIN_WORDS
            && (title_key.is_empty() || !title_key.contains(&word_key(l)))
    })?;
    let first_line = &lines[first_paragraph];
    // Already in, or the description is (the start of) a paragraph that is in, or in its turn
    // holds a whole paragraph that is in (not a short line: a subheading of two words is
    // found in many a description).
    if lines.iter().any(|l| {
        let k = word_key(l);
        !k.is_empty()
            && (k.contains(&key) || (k.split(' ').count() >= MIN_WORDS && key.contains(&k)))
    }) {
        return None;
    }
    // Cheap look at the raw body before parsing it: the description's opening words must be
    // there, before those of the first paragraph (when both are plain words to search for).
    // The description is often repeated in the body's markup where it is not shown (JSON,
    // share buttons' data attributes): only an element's text counts, read like the
    // description with tags and entities skipped.
    let body = &page[body_start(page)..];
    if let Some(p) = opening_probe(&desc) {
        let mut from = 0;
        let at = loop {
            let k = from + find_in(&body[from..], p)?;
            if body[..k].trim_end().ends_with('>') && reads_like(&body[k..], &desc) {
                break k;
            }
            from = k + p.len();
        };
        if let Some(f) = plain_opening(first_line, 4).and_then(|f| find_in(body, &f)) {
            if f < at {
                return None;
            }
        }
    }
    Some(Candidate {
        key,
        first_key: word_key(first_line),
        first_paragraph,
    })
}

/// The standfirst to put before the extracted lines: the candidate, shown as visible text
/// above the first extracted paragraph.
pub(crate) fn find(doc: &Html, c: &Candidate) -> Option<String> {
    let (key, first_key) = (&c.key, &c.first_key);
    let key_word = key.split(' ').next().unwrap_or("");
    let first_word = first_key.split(' ').next().unwrap_or("");
    // Document order: the element showing the description must come before the first
    // extracted paragraph.
    let mut shown: Option<String> = None;
    for node in doc.tree.root().descendants() {
        let Node::Element(e) = node.value() else {
            continue;
        };
        if !matches!(
            e.name(),
            "p" | "h2" | "h3" | "div" | "span" | "li" | "section" | "header" | "strong"
        ) {
            continue;
        }
        // Only an element whose text opens with the first word of either is read whole (on a
        // big page, reading every element's text is the cost of this pass).
        let lead = node.descendants().find_map(|d| match d.value() {
            Node::Text(t) if !t.trim().is_empty() => Some(&**t),
            _ => None,
        });
        let lead = lead.map(word_key).unwrap_or_default();
        let lead = lead.split(' ').next().unwrap_or("");
        if lead.is_empty() || (lead != key_word && lead != first_word) {
            continue;
        }
        let text: String = node
            .descendants()
            .filter_map(|d| match d.value() {
                Node::Text(t) => Some(&**t),
                _ => None,
            })
            .collect();
        let k_text = word_key(&text);
        if k_text.is_empty() {
            continue;
        }
        if shown.is_none() && k_text == *key {
            // Up to the body: the classes of `<body>` describe the page's layout
            // ("has-sidebar"), not this element.
            let hidden = std::iter::once(node)
                .chain(node.ancestors())
                .take_while(|a| !matches!(a.value(), Node::Element(x) if x.name() == "body"))
                .any(|a| matches!(a.value(), Node::Element(x) if is_out(x)));
            if hidden {
                return None;
            }
            shown = Some(text.split_whitespace().collect::<Vec<_>>().join(" "));
            continue;
        }
        if k_text == *first_key {
            return shown;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEK: &str = "The council voted to ban car washing with mains water, and residents of the valley say the rules come too late.";
    const P1: &str = "The council met on Tuesday evening and voted by nine to two to bring in the new rules from the first of next month.";

    fn page(dek_html: &str) -> String {
        format!(
            "<html><head><meta property=\"og:description\" content=\"{DEK}\"></head><body>\
<h1>Water rules</h1>{dek_html}<article><p>{P1}</p><p>Second paragraph of the report.</p></article></body></html>"
        )
    }

    fn standfirst(html: &str, lines: &[&str]) -> Option<String> {
        standfirst_titled(html, lines, None)
    }

    fn standfirst_titled(html: &str, lines: &[&str], title: Option<&str>) -> Option<String> {
        let lines: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
        let c = candidate(html, &lines, title)?;
        find(&Html::parse_document(html), &c)
    }

    #[test]
    fn a_kept_headline_and_the_pages_classes_do_not_hide_it() {
        const H1: &str = "Water rules come in next month after a long fight in the valley";
        let html = format!(
            "<html><head><meta property=\"og:description\" content=\"{DEK}\"></head>\
<body class=\"single has-sidebar\"><article class=\"post tag-cardiology\"><h1>{H1}</h1>\
<p class=\"entry-excerpt\">{DEK}</p><p>{P1}</p></article></body></html>"
        );
        let title = format!("{H1} | The Valley Post");
        assert_eq!(
            standfirst_titled(&html, &[H1, P1], Some(&title)).as_deref(),
            Some(DEK)
        );
    }

    #[test]
    fn a_standfirst_above_the_body_comes_back() {
        let html = page(&format!("<p class=\"dek\">{DEK}</p>"));
        assert_eq!(standfirst(&html, &[P1]).as_deref(), Some(DEK));
    }

    #[test]
    fn nothing_when_it_is_in_already_or_not_shown_above_the_body() {
        let html = page(&format!("<p class=\"dek\">{DEK}</p>"));
        assert_eq!(standfirst(&html, &[DEK, P1]), None, "already in");
        let teaser = page(&format!("<div class=\"related-card\"><p>{DEK}</p></div>"));
        assert_eq!(standfirst(&teaser, &[P1]), None, "a teaser box");
        let hidden = page(&format!("<p hidden>{DEK}</p>"));
        assert_eq!(standfirst(&hidden, &[P1]), None, "hidden");
        let absent = page("");
        assert_eq!(standfirst(&absent, &[P1]), None, "only in the head");
        let below = format!(
            "<html><head><meta name=\"description\" content=\"{DEK}\"></head><body><h1>Water rules</h1><p>{P1}</p><p>{DEK}</p></body></html>"
        );
        assert_eq!(standfirst(&below, &[P1]), None, "below the first paragraph");
    }
}
