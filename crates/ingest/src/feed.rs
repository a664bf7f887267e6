//! RSS 2.0, Atom (and RSS 1.0 / JSON Feed) files: one article per item.
//!
//! Parsing is feed-rs, which copes with the dialects and date formats found in the wild and
//! honours the XML encoding declaration. An item's text is its full content when the feed carries
//! it (`content:encoded`, Atom `content`), else its summary; HTML in either is turned into lines.

use newsprism_core::article::split_lines;
use newsprism_core::{Article, Lang};

use crate::html::html_to_lines;
use crate::{IngestError, Problem};

/// Parses a feed and turns each item into an article. `name` is the file (items are `name#N`).
/// A feed that cannot be parsed is one error; an item without any text is an error for that item.
pub fn read_feed(name: &str, bytes: &[u8]) -> Vec<Result<Article, IngestError>> {
    let parsed = std::panic::catch_unwind(|| feed_rs::parser::parse(bytes));
    let feed = match parsed {
        Ok(Ok(f)) => f,
        Ok(Err(e)) => {
            return vec![Err(IngestError::new(
                name,
                Problem::Other(format!("not a readable RSS/Atom feed: {e}")),
            ))]
        }
        Err(_) => {
            return vec![Err(IngestError::new(
                name,
                Problem::Other("not a readable RSS/Atom feed (parser failed)".into()),
            ))]
        }
    };
    let stem = std::path::Path::new(name)
        .file_name()
        .and_then(|s| s.to_str())
        .map(|n| n.split('.').next().unwrap_or(n).to_string())
        .unwrap_or_else(|| "feed".into());
    let feed_title = feed.title.as_ref().map(|t| one_line(&t.content));
    let feed_lang = feed.language.as_deref().and_then(Lang::parse);
    let mut out = Vec::new();
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let n = i + 1;
        let item = format!("{name}#{n}");
        let title = entry
            .title
            .as_ref()
            .map(|t| one_line(&t.content))
            .filter(|t| !t.is_empty());
        let body = entry
            .content
            .as_ref()
            .and_then(|c| c.body.as_deref().map(|b| (b, c.content_type.to_string())))
            .filter(|(b, _)| !b.trim().is_empty())
            .or_else(|| {
                entry
                    .summary
                    .as_ref()
                    .map(|s| (s.content.as_str(), s.content_type.to_string()))
                    .filter(|(b, _)| !b.trim().is_empty())
            });
        let lines = match body {
            Some((b, ty)) if ty.contains("plain") && !b.contains('<') => split_lines(b),
            Some((b, _)) => html_to_lines(b),
            None => Vec::new(),
        };
        if lines.iter().all(|l| l.trim().is_empty()) {
            out.push(Err(IngestError::new(
                item,
                Problem::Other("feed item without summary or content".into()),
            )));
            continue;
        }
        let id = if entry.id.trim().is_empty() || entry.id.len() > 200 {
            format!("{stem}-{n}")
        } else {
            entry.id.clone()
        };
        let author = entry
            .authors
            .iter()
            .filter_map(|p| p.name.as_deref().map(str::trim))
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        out.push(Ok(Article {
            id,
            path: item,
            title,
            title_is_line_1: false,
            lines,
            url: entry.links.first().map(|l| l.href.clone()),
            source: feed_title.clone().filter(|t| !t.is_empty()),
            declared_lang: entry
                .language
                .as_deref()
                .and_then(Lang::parse)
                .or(feed_lang),
            published: entry.published.or(entry.updated).map(|d| d.to_rfc3339()),
            author: (!author.is_empty()).then_some(author),
            ..Article::default()
        }));
    }
    if out.is_empty() {
        out.push(Err(IngestError::new(
            name,
            Problem::Other("feed has no items".into()),
        )));
    }
    out
}

/// Titles may hold markup or entities and stray newlines.
fn one_line(s: &str) -> String {
    if s.contains('<') || s.contains('&') {
        html_to_lines(s).join(" ")
    } else {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// Whether bytes look like an RSS/Atom/RDF feed (first element `rss`, `feed` or `rdf:RDF`).
pub fn looks_like_feed(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(2048)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = head.trim_start_matches('\u{feff}').trim_start();
    // Skip the XML declaration, comments, processing instructions and doctype.
    loop {
        if let Some(r) = rest.strip_prefix("<?") {
            rest = r.split_once("?>").map_or("", |x| x.1).trim_start();
        } else if let Some(r) = rest.strip_prefix("<!--") {
            rest = r.split_once("-->").map_or("", |x| x.1).trim_start();
        } else if let Some(r) = rest.strip_prefix("<!") {
            rest = r.split_once('>').map_or("", |x| x.1).trim_start();
        } else {
            break;
        }
    }
    rest.starts_with("<rss") || rest.starts_with("<feed") || rest.starts_with("<rdf:rdf")
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Daily Example</title><link>https://daily.example/</link><language>en-us</language>
<item><title>Storm hits the coast</title><link>https://daily.example/storm</link>
<pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;A storm hit the coast on Monday.&lt;/p&gt;&lt;p&gt;Thousands lost power.&lt;/p&gt;</description></item>
<item><title>Empty one</title><link>https://daily.example/e</link></item>
</channel></rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de"><title>Beispiel</title><id>urn:x</id><updated>2024-03-05T10:00:00Z</updated>
<entry><title>Wahl in Bayern</title><id>urn:x:1</id><link href="https://bsp.example/wahl"/>
<updated>2024-03-05T10:00:00Z</updated><author><name>Hans Muster</name></author>
<content type="html">&lt;p&gt;Die Wahl fand am Sonntag statt.&lt;/p&gt;</content></entry></feed>"#;

    #[test]
    fn rss_items_become_articles() {
        assert!(looks_like_feed(RSS.as_bytes()));
        let res = read_feed("f.rss", RSS.as_bytes());
        assert_eq!(res.len(), 2);
        let a = res[0].as_ref().unwrap();
        assert_eq!(a.title.as_deref(), Some("Storm hits the coast"));
        assert_eq!(a.url.as_deref(), Some("https://daily.example/storm"));
        assert_eq!(
            a.lines,
            vec!["A storm hit the coast on Monday.", "Thousands lost power."]
        );
        assert_eq!(a.source.as_deref(), Some("Daily Example"));
        assert_eq!(a.declared_lang, Some(Lang::EN));
        assert!(a
            .published
            .as_deref()
            .unwrap()
            .starts_with("2024-03-05T08:00:00"));
        assert_eq!(res[1].as_ref().unwrap_err().item, "f.rss#2");
    }

    #[test]
    fn atom_entry() {
        assert!(looks_like_feed(ATOM.as_bytes()));
        let res = read_feed("a.atom", ATOM.as_bytes());
        let a = res[0].as_ref().unwrap();
        assert_eq!(a.id, "urn:x:1");
        assert_eq!(a.author.as_deref(), Some("Hans Muster"));
        assert_eq!(a.lines, vec!["Die Wahl fand am Sonntag statt."]);
    }

    #[test]
    fn garbage_is_one_error() {
        assert!(!looks_like_feed(b"<html><body>x</body></html>"));
        let res = read_feed("x.xml", b"<rss><channel><item><title>broken");
        assert!(res.len() == 1 && res[0].is_err());
    }
}
