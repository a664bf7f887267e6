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
        .filter(|l| l.split_whitespace().count() > opts.max_repeat_words)
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

/// For each article, the 0-based indices of its lines that are repeated boilerplate.
pub fn repeated_lines(articles: &[Article], opts: &CleanOptions) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); articles.len()];
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, a) in articles.iter().enumerate() {
        groups.entry(source_key(a)).or_default().push(i);
    }
    for members in groups.values() {
        if members.len() < opts.min_repeats {
            continue;
        }
        // Copies of one story count once.
        let mut seen_stories = std::collections::HashSet::new();
        let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
        for &i in members {
            if !seen_stories.insert(story_signature(&articles[i], opts)) {
                continue;
            }
            for (li, l) in articles[i].lines.iter().enumerate() {
                if l.trim().is_empty() || (articles[i].title_is_line_1 && li == 0) {
                    continue;
                }
                if l.split_whitespace().count() > opts.max_repeat_words {
                    continue;
                }
                let e = counts.entry(line_key(l)).or_insert((0, usize::MAX));
                if e.1 != i {
                    e.0 += 1;
                    e.1 = i;
                }
            }
        }
        for &i in members {
            let a = &articles[i];
            let rep: Vec<usize> = a
                .lines
                .iter()
                .enumerate()
                .filter(|(li, l)| {
                    let is_title = a.title_is_line_1 && *li == 0;
                    !(l.trim().is_empty() || is_title)
                        && l.split_whitespace().count() <= opts.max_repeat_words
                        && counts
                            .get(&line_key(l))
                            .is_some_and(|c| c.0 >= opts.min_repeats)
                })
                .map(|(li, _)| li)
                .collect();
            out[i] = rep;
        }
    }
    out
}
