//! The cross-article cue: a short line that recurs in several articles of the same source in one
//! batch is the site's template ("Follow us on Telegram", a byline box, a standard disclaimer),
//! whatever its language.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use newsprism_core::Article;

use crate::CleanOptions;

/// The outlet an article belongs to: its `source`, else its URL's host, else its folder.
fn source_key(a: &Article) -> String {
    if let Some(s) = a.source.as_deref().filter(|s| !s.trim().is_empty()) {
        return format!("s:{}", s.trim().to_lowercase());
    }
    if let Some(host) = a.url.as_deref().and_then(host_of) {
        return format!("h:{host}");
    }
    // `path:line` (JSONL) and `path#n` (feeds) belong to their file; files to their folder.
    let p = a.path.split('#').next().unwrap_or(&a.path);
    let is_item = a.path.contains('#')
        || p.rsplit_once(':')
            .is_some_and(|(_, n)| n.bytes().all(|b| b.is_ascii_digit()));
    if is_item {
        let file = p.rsplit_once(':').map_or(p, |x| x.0);
        return format!("f:{file}");
    }
    let dir = std::path::Path::new(p)
        .parent()
        .map(|d| d.display().to_string())
        .unwrap_or_default();
    format!("d:{dir}")
}

fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_lowercase())
}

fn line_key(line: &str) -> String {
    line.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn hash_of(s: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

/// What makes an article this story and not another: the smallest hash of its long lines (those
/// too long to be template), else its longest line. Copies of one story (re-posts, updates) share
/// it, so their common lines are not mistaken for the site's template; different stories don't.
fn story_signature(a: &Article, opts: &CleanOptions) -> u64 {
    let long = a
        .lines
        .iter()
        .filter(|l| l.split_whitespace().nth(opts.max_repeat_words).is_some())
        .map(|l| hash_of(&line_key(l)))
        .min();
    long.unwrap_or_else(|| {
        let longest = a
            .lines
            .iter()
            .enumerate()
            .filter(|(i, _)| !(a.title_is_line_1 && *i == 0))
            .map(|(_, l)| l)
            .max_by_key(|l| l.len())
            .map(String::as_str)
            .unwrap_or("");
        hash_of(&line_key(longest))
    })
}

/// What the count needs of one article: its story's signature and, for each line it counts
/// (short, not blank, not the title), the hash of the line's key. Built on all cores before the
/// count: keying each line was most of the pass, and the count itself runs on one.
struct LineKeys {
    story: u64,
    lines: Vec<Option<u64>>,
}

fn line_keys(a: &Article, opts: &CleanOptions) -> LineKeys {
    let lines = a
        .lines
        .iter()
        .enumerate()
        .map(|(li, l)| {
            let counted = !(l.trim().is_empty() || (a.title_is_line_1 && li == 0))
                && l.split_whitespace().nth(opts.max_repeat_words).is_none();
            counted.then(|| hash_of(&line_key(l)))
        })
        .collect();
    LineKeys {
        story: story_signature(a, opts),
        lines,
    }
}

/// For each article, the 0-based indices of its lines that are repeated boilerplate.
pub fn repeated_lines(articles: &[Article], opts: &CleanOptions) -> Vec<Vec<usize>> {
    use rayon::prelude::*;
    let mut out = vec![Vec::new(); articles.len()];
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, a) in articles.iter().enumerate() {
        groups.entry(source_key(a)).or_default().push(i);
    }
    let mut in_large_group = vec![false; articles.len()];
    for members in groups.values().filter(|m| m.len() >= opts.min_repeats) {
        for &i in members {
            in_large_group[i] = true;
        }
    }
    let keys: Vec<Option<LineKeys>> = articles
        .par_iter()
        .zip(in_large_group)
        .map(|(a, counted)| counted.then(|| line_keys(a, opts)))
        .collect();
    for members in groups.values() {
        if members.len() < opts.min_repeats {
            continue;
        }
        let mut seen_stories = std::collections::HashSet::new();
        let mut counts: HashMap<u64, (usize, usize)> = HashMap::new();
        for &i in members {
            let Some(k) = &keys[i] else { continue };
            // Copies of one story (a wire piece reposted) count once.
            if !seen_stories.insert(k.story) {
                continue;
            }
            for &h in k.lines.iter().flatten() {
                let e = counts.entry(h).or_insert((0, usize::MAX));
                if e.1 != i {
                    e.0 += 1;
                    e.1 = i;
                }
            }
        }
        for &i in members {
            let Some(k) = &keys[i] else { continue };
            out[i] = k
                .lines
                .iter()
                .enumerate()
                .filter(|(_, h)| {
                    h.is_some_and(|h| counts.get(&h).is_some_and(|c| c.0 >= opts.min_repeats))
                })
                .map(|(li, _)| li)
                .collect();
        }
    }
    out
}
