//! Which outlet an article comes from: its `source`, else the host of its URL.

/// The outlet name used to count independent sources.
pub fn outlet_of(source: Option<&str>, url: Option<&str>) -> Option<String> {
    if let Some(s) = source.map(str::trim).filter(|s| !s.is_empty()) {
        return Some(s.to_string());
    }
    url.and_then(host).map(str::to_string)
}

/// Host of a URL without `www.`: `https://www.rt.com/news/1` → `rt.com`.
pub fn host(url: &str) -> Option<&str> {
    let rest = url.trim().split_once("://").map_or(url.trim(), |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty() && host.contains('.')).then_some(host)
}

/// Whether two outlet names denote the same outlet ("RT" and "rt.com", "Le Monde" and
/// "lemonde.fr"), compared on folded letters without the domain suffix.
pub fn same_outlet(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let s = s.trim();
        let s = host(s).unwrap_or(s);
        let base = if s.contains('.') && !s.contains(' ') {
            s.rsplit_once('.').map_or(s, |(b, _)| b)
        } else {
            s
        };
        crate::translit::fold(base).replace(' ', "")
    };
    let (x, y) = (norm(a), norm(b));
    !x.is_empty() && x == y
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_names() {
        assert_eq!(host("https://www.rt.com/news/1?x=2"), Some("rt.com"));
        assert_eq!(host("not a url"), None);
        assert_eq!(
            outlet_of(None, Some("http://lemonde.fr/a")).as_deref(),
            Some("lemonde.fr")
        );
        assert_eq!(
            outlet_of(Some(" AFP "), Some("http://x.fr")).as_deref(),
            Some("AFP")
        );
        assert!(same_outlet("RT", "rt.com"));
        assert!(same_outlet("Le Monde", "lemonde.fr"));
        assert!(!same_outlet("RT", "TASS"));
    }
}
