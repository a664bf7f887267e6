//! Bodies written as loose text: one container of text nodes separated by `<br><br>`.
//!
//! Some CMSs (large Indian and Asian dailies, old table-based sites, forum-style blogs) do not
//! wrap paragraphs in `<p>`: the whole body is one `<div>` of text and inline markup with
//! `<br><br>` between paragraphs, and "Also read" boxes and ad slots nested in it. The
//! extractor (the `trafilatura` port) turns such a div into paragraphs but loses text at the
//! first inline element of a paragraph: "VMRC managing director <b>S Venkatesh Iyer</b> said
//! …" comes out as "VMRC managing director", a bold subheading between two `<br>`s goes, and
//! so does the text after a nested ad box. This pass reads such a container itself: text and
//! inline elements join into the current line, `<br>` and block elements end it, nested boxes
//! that say they are furniture (or are mostly links) are left out. Nothing no crate does
//! better: the extractor's tree is not exposed, and the other extractors measured lose more.
//!
//! Only pages where an extracted line stops, in the raw markup, right before an inline element
//! are read again (a cheap string search).

use std::collections::HashSet;

use ego_tree::{NodeId, NodeRef};
use newsprism_core::text::word_key;
use scraper::Node;

use crate::gaps::{is_furniture, Page};
use crate::html::{clean_line, hidden_by_attribute, is_block, is_hidden};
use crate::markup::{body_start, find_in};

/// Lines looked at by the cheap check: a body's truncated paragraphs show in its first ones.
const MAX_PROBED_LINES: usize = 200;

/// Inline elements: text inside them belongs to the sentence around them.
fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "b" | "strong"
            | "i"
            | "em"
            | "a"
            | "span"
            | "font"
            | "u"
            | "mark"
            | "small"
            | "abbr"
            | "cite"
            | "q"
            | "sup"
            | "sub"
            | "time"
    )
}

/// The last `n` words of a line (the whole line if it has exactly `n`): a probe for the string
/// search in the raw markup.
fn plain_closing(line: &str, n: usize) -> Option<&str> {
    let line = line.trim_end();
    let start = line
        .char_indices()
        .rev()
        .filter(|&(i, c)| {
            !c.is_whitespace()
                && line[..i]
                    .chars()
                    .next_back()
                    .is_none_or(char::is_whitespace)
        })
        .nth(n - 1)?
        .0;
    let probe = &line[start..];
    // Text the page may spell with entities or markup cannot be found as is.
    (!probe.contains(['&', '<', '>', '\u{a0}'])).then_some(probe)
}

/// Whether the raw markup right after `at` opens an inline element (skipping whitespace).
fn inline_follows(rest: &str) -> bool {
    let rest = rest.trim_start();
    let Some(tag) = rest.strip_prefix('<') else {
        return false;
    };
    let name: String = tag
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    !name.is_empty() && is_inline(&name)
}

/// The closing words of the extracted lines that stop right before an inline element in the
/// raw page: the sign of a loose-text body the extractor cut short.
pub(crate) fn truncated_lines(page: &str, lines: &[String]) -> Vec<String> {
    let body = &page[body_start(page)..];
    let mut out = Vec::new();
    // The lines come in page order: each search starts where the last one was found, so the
    // page is read about once, not once per line.
    let mut cursor = 0;
    for line in lines.iter().take(MAX_PROBED_LINES) {
        let Some(probe) = plain_closing(line, 3) else {
            continue;
        };
        let Some(k) = find_in(&body[cursor..], probe) else {
            continue;
        };
        cursor += k + probe.len();
        if inline_follows(&body[cursor..]) {
            out.push(probe.to_string());
        }
    }
    out
}

/// Whether an element holds loose text: non-blank text nodes of its own and `<br>`s between
/// them.
fn is_loose(node: NodeRef<Node>) -> bool {
    let (mut text, mut breaks) = (false, 0);
    for c in node.children() {
        match c.value() {
            Node::Text(t) if !t.trim().is_empty() => text = true,
            Node::Element(e) if e.name() == "br" => breaks += 1,
            _ => {}
        }
    }
    text && breaks >= 2
}

/// Share of an element's visible text inside links.
fn linked_share(node: NodeRef<Node>) -> f64 {
    let (mut all, mut linked) = (0usize, 0usize);
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            let n = t.trim().chars().count();
            all += n;
            if d.ancestors()
                .take_while(|a| a.id() != node.id())
                .any(|a| matches!(a.value(), Node::Element(e) if e.name() == "a"))
            {
                linked += n;
            }
        }
    }
    if all == 0 {
        1.0
    } else {
        linked as f64 / all as f64
    }
}

/// Reads a loose-text container into lines. Recursion depth is bounded by the page's nesting,
/// which the caller has checked (pathological nesting never reaches the passes).
fn read(node: NodeRef<Node>, lines: &mut Vec<String>, cur: &mut String) {
    for c in node.children() {
        match c.value() {
            Node::Text(t) => cur.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if is_hidden(name) || hidden_by_attribute(e) {
                    continue;
                }
                if name == "br" {
                    flush(lines, cur);
                } else if is_inline(name) {
                    read(c, lines, cur);
                } else {
                    flush(lines, cur);
                    if is_block(name) && !is_furniture(e) && linked_share(c) <= 0.5 {
                        read(c, lines, cur);
                        flush(lines, cur);
                    }
                }
            }
            _ => {}
        }
    }
}

fn flush(lines: &mut Vec<String>, cur: &mut String) {
    let line = clean_line(cur);
    if !line.is_empty() {
        lines.push(line);
    }
    cur.clear();
}

/// The loose-text container a probe's text node sits in.
fn container(page: &Page, probe: &str) -> Option<NodeId> {
    for node in page.doc.tree.root().descendants() {
        let Node::Text(t) = node.value() else {
            continue;
        };
        if !clean_line(t).ends_with(probe) {
            continue;
        }
        let block = node
            .ancestors()
            .find(|a| matches!(a.value(), Node::Element(e) if is_block(e.name())))?;
        return is_loose(block).then(|| block.id());
    }
    None
}

/// The extracted lines with each cut-short loose-text container read whole in their place.
pub(crate) fn read_loose_bodies(
    page: &Page,
    probes: &[String],
    mut lines: Vec<String>,
) -> Vec<String> {
    let mut seen: HashSet<NodeId> = HashSet::new();
    for probe in probes {
        let Some(id) = container(page, probe) else {
            continue;
        };
        if !seen.insert(id) {
            continue;
        }
        let node = page.doc.tree.get(id).expect("a node of this tree");
        let (mut read_lines, mut cur) = (Vec::new(), String::new());
        read(node, &mut read_lines, &mut cur);
        flush(&mut read_lines, &mut cur);
        lines = splice(lines, read_lines);
    }
    lines
}

/// Replaces the extracted lines that came from the container (the first to the last line of
/// four words or more whose words it holds) by its reading, when the reading holds more.
fn splice(lines: Vec<String>, read: Vec<String>) -> Vec<String> {
    let joined = word_key(&read.join(" "));
    let from_it = |l: &String| {
        let k = word_key(l);
        k.split(' ').count() >= 4 && joined.contains(&k)
    };
    let (Some(first), Some(last)) = (
        lines.iter().position(from_it),
        lines.iter().rposition(from_it),
    ) else {
        return lines;
    };
    let words = |ls: &[String]| {
        ls.iter()
            .map(|l| l.split_whitespace().count())
            .sum::<usize>()
    };
    if words(&read) <= words(&lines[first..=last]) {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len() + read.len());
    let mut it = lines.into_iter();
    out.extend(it.by_ref().take(first));
    out.extend(read);
    out.extend(it.skip(last + 1 - first));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><body><nav><a href="/">Home</a></nav>
<div class="story" data-articlebody="1">CITY: The council approved the new budget on Monday after a long debate.<br><br>The city's mayor <b>Anna Rao</b> said the plan would fund forty new buses next year.<br><br><b>Fares frozen</b><br><br>Fares will stay at their current level until the end of the year, officials said.<br><br><div class="also_read"><span>Also Read</span><a href="/x">Another story about buses and a very long teaser headline here</a></div><div class="inline_ad"><div class="ad_label">Advertisement</div></div>Opposition members said the budget left out the outer districts entirely.<br><br>The next vote is due in April.</div>
<div class="footer">About us</div></body></html>"#;

    fn extracted() -> Vec<String> {
        [
            "CITY: The council approved the new budget on Monday after a long debate.",
            "The city's mayor",
            "Fares will stay at their current level until the end of the year, officials said.",
            "Advertisement",
            "The next vote is due in April.",
        ]
        .map(String::from)
        .to_vec()
    }

    #[test]
    fn a_loose_text_body_cut_short_is_read_whole() {
        let lines = extracted();
        let probes = truncated_lines(PAGE, &lines);
        assert!(!probes.is_empty(), "the cut-short paragraph is found");
        let page = Page::parse(PAGE);
        let out = read_loose_bodies(&page, &probes, lines);
        assert_eq!(
            out,
            [
                "CITY: The council approved the new budget on Monday after a long debate.",
                "The city's mayor Anna Rao said the plan would fund forty new buses next year.",
                "Fares frozen",
                "Fares will stay at their current level until the end of the year, officials said.",
                "Opposition members said the budget left out the outer districts entirely.",
                "The next vote is due in April.",
            ]
        );
    }

    #[test]
    fn whole_paragraphs_are_not_probed() {
        let html = "<body><p>The council approved the budget on <b>Monday</b>.</p></body>";
        let lines = vec!["The council approved the budget on Monday.".to_string()];
        assert!(truncated_lines(html, &lines).is_empty());
        // A one-word line has no three-word closing to search for.
        assert!(plain_closing("Mayor", 3).is_none());
        assert_eq!(plain_closing("a b c d", 3), Some("b c d"));
    }
}
