//! What makes two inputs "the same article", and the public ids derived from that.
//!
//! An article is identified by its URL when it has one (normalised: no fragment, no trailing
//! slash, scheme and host lower-cased), otherwise by a hash of its outlet and paragraph texts.
//! The outlet is part of the content hash on purpose: the same wire story printed by two outlets is
//! two records, because comparing outlets is what the tool is for. The public id is the first 16
//! hex digits of the SHA-256 of that key, so it is stable across machines and re-ingests.

use sha2::{Digest, Sha256};

use newsprism_core::{Article, ArticleAnalysis};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn sha256_hex(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0u8]);
    }
    hex(&h.finalize())
}

/// Normalises a URL for duplicate detection; `None` for blank or obviously non-URL values.
pub fn normalize_url(url: &str) -> Option<String> {
    let u = url.trim();
    if u.is_empty() {
        return None;
    }
    let u = u.split('#').next().unwrap_or(u);
    let (scheme, rest) = match u.split_once("://") {
        Some((s, r)) => (s.to_ascii_lowercase(), r),
        None => return Some(u.trim_end_matches('/').to_string()),
    };
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let scheme = if scheme == "http" {
        "https".to_string()
    } else {
        scheme
    };
    let path = path.trim_end_matches('/');
    Some(format!("{scheme}://{}{path}", host.to_ascii_lowercase()))
}

/// Hash of outlet and whitespace-normalised paragraph texts: equal for the same text from the same
/// outlet, whatever the file name or line endings.
pub fn content_hash(a: &ArticleAnalysis) -> String {
    let outlet = a.source.as_deref().unwrap_or("").trim().to_lowercase();
    let mut body = String::new();
    if let Some(t) = &a.title {
        body.push_str(&normalize_ws(t));
        body.push('\n');
    }
    for p in &a.paragraphs {
        body.push_str(&normalize_ws(&p.text));
        body.push('\n');
    }
    sha256_hex(&[&outlet, &body])
}

fn normalize_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Fingerprint of an input article exactly as read (path, id, lines, metadata). Used only to skip
/// re-analysing inputs that a previous (possibly interrupted) run already stored.
pub fn input_fingerprint(a: &Article) -> String {
    let lines = a.lines.join("\n");
    sha256_hex(&[
        &a.path,
        &a.id,
        a.title.as_deref().unwrap_or(""),
        a.url.as_deref().unwrap_or(""),
        a.source.as_deref().unwrap_or(""),
        a.published.as_deref().unwrap_or(""),
        &lines,
    ])
}

/// The duplicate key (normalised URL or content hash) and the public id derived from it.
pub fn identity(a: &ArticleAnalysis) -> (Option<String>, String, String) {
    let url = a.url.as_deref().and_then(normalize_url);
    let content = content_hash(a);
    let key = match &url {
        Some(u) => format!("url:{u}"),
        None => format!("content:{content}"),
    };
    let id = sha256_hex(&[&key])[..16].to_string();
    (url, content, id)
}

/// Day of publication as `YYYYMMDD` from an ISO-8601-ish string (`2022-03-04`, `2022-03-04T10:00Z`);
/// `None` when it does not start with a plausible date.
pub fn day_number(published: &str) -> Option<u32> {
    let s = published.trim();
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: u32 = s.get(0..4)?.parse().ok()?;
    let m: u32 = s.get(5..7)?.parse().ok()?;
    let d: u32 = s.get(8..10)?.parse().ok()?;
    if !(1800..=2200).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(y * 10_000 + m * 100 + d)
}

/// Parses a user's date bound (`2022`, `2022-03`, `2022-03-04`) into `YYYYMMDD`; `end` picks the
/// last day of a year or month so that `--to 2022-03` includes all of March.
pub fn parse_date_bound(s: &str, end: bool) -> Option<u32> {
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
    let y = num(0).filter(|y| (1000..=9999).contains(y))?;
    match parts.len() {
        1 => Some(y * 10_000 + if end { 1231 } else { 101 }),
        2 => {
            let m = num(1).filter(|m| (1..=12).contains(m))?;
            Some(y * 10_000 + m * 100 + if end { 31 } else { 1 })
        }
        3 => {
            let m = num(1).filter(|m| (1..=12).contains(m))?;
            let d = num(2).filter(|d| (1..=31).contains(d))?;
            Some(y * 10_000 + m * 100 + d)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_normalise() {
        assert_eq!(
            normalize_url("HTTP://Example.COM/a/b/#frag").as_deref(),
            Some("https://example.com/a/b")
        );
        assert_eq!(normalize_url("  "), None);
    }

    #[test]
    fn dates() {
        assert_eq!(day_number("2022-03-04T10:00:00Z"), Some(20220304));
        assert_eq!(day_number("March 2022"), None);
        assert_eq!(parse_date_bound("2022-03", true), Some(20220331));
        assert_eq!(parse_date_bound("2022", false), Some(20220101));
        assert_eq!(parse_date_bound("22-3", false), None);
    }
}
