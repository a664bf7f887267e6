//! Query strings: parsing repeated parameters (`?lang=en&lang=fr`) into a [`SearchQuery`], and
//! percent-encoding for the links the UI builds.

use newsprism_store::{SearchQuery, SortOrder};

/// Decodes `application/x-www-form-urlencoded` text (`+` is a space); invalid escapes are kept.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Percent-encodes everything but unreserved characters, for path segments and query values.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &c in s.as_bytes() {
        if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.' | b'~') {
            out.push(c as char);
        } else {
            out.push_str(&format!("%{c:02X}"));
        }
    }
    out
}

/// Key/value pairs of a raw query string, decoded, in order.
pub fn pairs(raw: Option<&str>) -> Vec<(String, String)> {
    raw.unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(p), String::new()),
        })
        .collect()
}

/// Builds a search from query parameters: `q`, repeated `lang`, `outlet`, `genre`, `frame`,
/// `technique`, and `from`, `to`, `sort` (`relevance`|`newest`), `offset`, `limit`, `page`.
pub fn search_query(
    pairs: &[(String, String)],
    default_limit: usize,
) -> Result<SearchQuery, String> {
    let mut q = SearchQuery {
        limit: default_limit,
        ..SearchQuery::default()
    };
    let mut page = None;
    for (k, v) in pairs {
        let v = v.trim();
        let num = |what: &str| {
            v.parse::<usize>()
                .map_err(|_| format!("`{what}` must be a non-negative integer, got {v:?}"))
        };
        match k.as_str() {
            "q" => q.q = v.to_string(),
            "lang" | "outlet" | "genre" | "frame" | "technique" if v.is_empty() => {}
            "lang" => q.lang.push(v.to_string()),
            "outlet" => q.outlet.push(v.to_string()),
            "genre" => q.genre.push(v.to_string()),
            "frame" => q.frame.push(v.to_string()),
            "technique" => q.technique.push(v.to_string()),
            "from" => q.from = Some(v.to_string()).filter(|s| !s.is_empty()),
            "to" => q.to = Some(v.to_string()).filter(|s| !s.is_empty()),
            "sort" => {
                q.sort = match v {
                    "" | "relevance" => SortOrder::Relevance,
                    "newest" => SortOrder::Newest,
                    other => {
                        return Err(format!("`sort` must be relevance or newest, got {other:?}"))
                    }
                }
            }
            "offset" => q.offset = num("offset")?,
            "limit" => q.limit = num("limit")?.clamp(1, newsprism_store::MAX_PAGE),
            "page" => page = Some(num("page")?.max(1)),
            _ => {}
        }
    }
    if q.q.len() > 1_000 {
        return Err("query text is too long (1000 bytes at most)".into());
    }
    if let Some(p) = page {
        q.offset = (p - 1) * q.limit;
    }
    q.offset = q.offset.min(100_000);
    Ok(q)
}

/// The query string that reproduces `q` (without paging), for links.
pub fn to_query_string(q: &SearchQuery) -> String {
    let mut parts = Vec::new();
    if !q.q.is_empty() {
        parts.push(format!("q={}", encode(&q.q)));
    }
    for (k, vs) in [
        ("lang", &q.lang),
        ("outlet", &q.outlet),
        ("genre", &q.genre),
        ("frame", &q.frame),
        ("technique", &q.technique),
    ] {
        for v in vs {
            parts.push(format!("{k}={}", encode(v)));
        }
    }
    if let Some(f) = &q.from {
        parts.push(format!("from={}", encode(f)));
    }
    if let Some(t) = &q.to {
        parts.push(format!("to={}", encode(t)));
    }
    if q.sort == SortOrder::Newest {
        parts.push("sort=newest".into());
    }
    parts.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let p = pairs(Some(
            "q=war+%C3%A9t%C3%A9&lang=en&lang=fr&outlet=A%26B&page=2&limit=10",
        ));
        let q = search_query(&p, 20).unwrap();
        assert_eq!(q.q, "war été");
        assert_eq!(q.lang, vec!["en", "fr"]);
        assert_eq!(q.outlet, vec!["A&B"]);
        assert_eq!(q.offset, 10);
        let back = pairs(Some(&to_query_string(&q)));
        let q2 = search_query(&back, 20).unwrap();
        assert_eq!(q2.outlet, q.outlet);
        assert_eq!(q2.q, q.q);
    }

    #[test]
    fn bad_values() {
        assert!(search_query(&pairs(Some("limit=x")), 20).is_err());
        assert!(search_query(&pairs(Some("sort=upside")), 20).is_err());
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(encode("a b/é"), "a%20b%2F%C3%A9");
    }
}
