//! Lines the page's own markup marks as furniture: `<p class="imageCaption">`,
//! `<div class="photo-credit"><p>…`, `<p class="newsletter-promo">`.
//!
//! The extractor (the `trafilatura` port) decides by tag and text density, and keeps a caption
//! or a promo written as a paragraph inside the body; tabloids caption every photo that way,
//! with long sentences that read like prose. The class the site gave the element says what it
//! is. This pass finds each extracted line's start in the raw markup (one pass over the page,
//! no parse) and drops the line when the element it opens in, or one of the elements opened
//! right around it, is named for a caption, a credit, a promo, a related-links box, a share
//! bar, a cookie notice or an ad.

use crate::html::drop_unless_most;
use crate::markup::{body_start, class_words, find_in, opening_probe, reads_like};

/// Class and id words of furniture that never holds the body, matched as whole words of a
/// class name (`imageCaption`, `c-article-image__credit`, `newsletter-box`; not
/// `js-dynamic-advertorial`). Narrower than the list the skipped-block pass uses: a whole body
/// may sit in a "comment" section (opinion pages) or a "paywall" container, and a "header"
/// holds the standfirst.
const MARK_WORDS: &[&str] = &[
    "caption",
    "captions",
    "credit",
    "credits",
    "promo",
    "newsletter",
    "cookie",
    "consent",
    "related",
    "advert",
    "advertisement",
    "outbrain",
    "taboola",
    "signup",
];

/// Elements opened right before a line's text that are looked at: the innermost few, with
/// nothing but whitespace between them (`<div class="caption"><p>text`). Further out, a
/// theme's odd class on the body's wrapper (`<div class="entry share">`) would count.
const MAX_TAGS: usize = 2;

/// Whether an opening tag's markup (`p class="imageCaption" id="c1"`) names furniture.
fn tag_is_marked(tag: &str) -> bool {
    let name: String = tag
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    if matches!(name.as_str(), "figcaption" | "aside") {
        return true;
    }
    let lower = tag.to_ascii_lowercase();
    ["class=", "id="].iter().any(|attr| {
        lower.match_indices(attr).any(|(k, _)| {
            // The value as written: its case marks word breaks (`imageCaption`).
            let value = &tag[k + attr.len()..];
            let value = value.trim_start_matches(['"', '\'']);
            let value = &value[..value.find(['"', '\'', '>']).unwrap_or(value.len())];
            class_words(value).any(|w| MARK_WORDS.contains(&w.as_str()))
        })
    })
}

/// Whether the text at `at` opens right after elements that name furniture.
fn opens_in_marked_element(body: &str, at: usize) -> bool {
    let mut before = body[..at].trim_end();
    for _ in 0..MAX_TAGS {
        let Some(inner) = before.strip_suffix('>') else {
            return false;
        };
        let Some(open) = inner.rfind('<') else {
            return false;
        };
        let tag = &inner[open + 1..];
        if tag.starts_with('/') || tag.starts_with('!') {
            return false;
        }
        if tag_is_marked(tag) {
            return true;
        }
        before = inner[..open].trim_end();
    }
    false
}

/// Which extracted lines open in an element the page marks as furniture.
pub(crate) fn marked_lines(page: &str, lines: &[String]) -> Vec<bool> {
    let body = &page[body_start(page)..];
    // Lines come in page order: each search starts where the last one was found.
    let mut cursor = 0;
    lines
        .iter()
        .map(|line| {
            let Some(probe) = opening_probe(line) else {
                return false;
            };
            // The same words may come first in an attribute (`alt="Margaret Dunmore, 71"`):
            // the line is where they open an element's text.
            let mut from = cursor;
            for _ in 0..4 {
                let Some(k) = find_in(&body[from..], probe) else {
                    return false;
                };
                let at = from + k;
                from = at + probe.len();
                if body[..at].trim_end().ends_with('>') && reads_like(&body[at..], line) {
                    cursor = from;
                    return opens_in_marked_element(body, at);
                }
            }
            false
        })
        .collect()
}

/// The extracted lines without those the page marks as furniture. When most of the text is
/// marked, the marks say nothing (a page of captions is a gallery) and all lines stay.
pub(crate) fn drop_marked(page: &str, lines: Vec<String>) -> Vec<String> {
    let marked = marked_lines(page, &lines);
    if !marked.contains(&true) {
        return lines;
    }
    drop_unless_most(lines, &marked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_and_promos_written_as_paragraphs_go() {
        let page = r#"<html><body><article>
<p>The gulls struck on Saturday afternoon, when the seafront was at its busiest.</p>
<figure><img src="a.jpg"></figure>
<p class="imageCaption">Margaret Dunmore, 71, said she had been looking forward to the trip</p>
<p>Locals say the birds have learned to recognise the paper used by chip shops.</p>
<div class="newsletter-box">
  <p>Sign up to our daily newsletter for the best stories of the day</p></div>
<p>The council will meet on Monday to discuss the problem with the fishermen.</p>
</article></body></html>"#;
        let lines: Vec<String> = [
            "The gulls struck on Saturday afternoon, when the seafront was at its busiest.",
            "Margaret Dunmore, 71, said she had been looking forward to the trip",
            "Locals say the birds have learned to recognise the paper used by chip shops.",
            "Sign up to our daily newsletter for the best stories of the day",
            "The council will meet on Monday to discuss the problem with the fishermen.",
        ]
        .map(String::from)
        .to_vec();
        let kept = drop_marked(page, lines);
        assert_eq!(kept.len(), 3, "{kept:?}");
        assert!(kept
            .iter()
            .all(|l| !l.contains("Dunmore") && !l.contains("Sign up")));
    }

    #[test]
    fn a_body_that_is_mostly_marked_stays() {
        let page = r#"<body><p class="caption">Photo one shows the harbour at dawn with boats</p><p class="caption">Photo two shows the market hall in the rain</p><p>Short intro line here.</p></body>"#;
        let lines: Vec<String> = [
            "Photo one shows the harbour at dawn with boats",
            "Photo two shows the market hall in the rain",
            "Short intro line here.",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(drop_marked(page, lines.clone()), lines);
    }

    #[test]
    fn only_the_elements_right_around_the_text_count() {
        // A closing tag between the marked box and the text: the text is not in the box.
        let body = r#"<div class="caption">Photo: staff</div> <p>The council met."#;
        let at = body.find("The council").unwrap();
        assert!(!opens_in_marked_element(body, at));
        assert!(tag_is_marked(r#"p class="imageCaption""#));
        assert!(!tag_is_marked(r#"p class="article-text""#));
        assert!(tag_is_marked(r#"div class="c-article-image__credit""#));
        assert!(!tag_is_marked(
            r#"div class="column js-dynamic-advertorial""#
        ));
    }
}
