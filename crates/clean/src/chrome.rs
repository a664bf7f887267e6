//! Cues that a single line is site chrome: phrase table, separator-heavy menus, separator lines,
//! all-caps labels at the edges.

use crate::patterns::{matching, normalize, Kind};
use crate::CleanOptions;

/// Where a line sits, for cues that only hold at the top or bottom of an article.
#[derive(Clone, Copy, Debug)]
pub struct Position {
    /// Rank among non-empty lines from the start (0-based) and from the end.
    pub from_start: usize,
    pub from_end: usize,
}

/// Why a line is chrome, if it is.
pub fn chrome_reason(line: &str, pos: Position, opts: &CleanOptions) -> Option<&'static str> {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return None;
    }
    if is_separator_line(trimmed) {
        return Some("separator line");
    }
    if is_menu(trimmed) {
        return Some("navigation menu");
    }
    let words = trimmed.split_whitespace().count();
    if words <= MAX_TEASER_WORDS.max(opts.max_chrome_words) {
        let norm = normalize(trimmed);
        if words <= MAX_TEASER_WORDS && is_read_more_teaser(&norm) {
            return Some("read-more link");
        }
        if words <= opts.max_chrome_words {
            if let Some(reason) = phrase_reason(&norm, words) {
                return Some(reason);
            }
        }
    }
    let at_edge = pos.from_start < 2 || pos.from_end < 2;
    if at_edge && is_caps_label(trimmed) {
        return Some("all-caps label");
    }
    None
}

/// The chrome phrase of the table that opens a short line ("Partager cet article", "Soutenez-nous
/// : faites un don"); a phrase deep inside a short sentence is the sentence's own words.
fn phrase_reason(norm: &str, words: usize) -> Option<&'static str> {
    for (p, start, end) in matching(norm, 4) {
        let Kind::Chrome(reason) = p.kind else {
            continue;
        };
        // A single word ("Partager", "Teilen", "Реклама") is chrome only as a label: at the
        // start of a very short line.
        if p.words > 1 || (words <= 4 && start == 0 && end == p.phrase.len()) {
            return Some(reason);
        }
    }
    None
}

/// Longest "Read also: <headline>" line recognised (a headline rarely has more words).
const MAX_TEASER_WORDS: usize = 30;

/// "Lea más: <headline>", "LIRE AUSSI : <headline>", "READ: <headline>": a read-more label
/// opening the line and closed by a colon, then the headline of another article. The label is a
/// row of the phrase table; the colon right after it is what makes the line a teaser rather than
/// a sentence that begins with the same words ("Read more about it in the report.").
fn is_read_more_teaser(norm: &str) -> bool {
    matching(norm, 1).into_iter().any(|(p, start, end)| {
        p.kind == Kind::Chrome("read-more link")
            && start == 0
            && (p.phrase.ends_with(':') || norm[end..].trim_start().starts_with(':'))
            && norm.len() > end + 1
    })
}

/// Dashes, stars, equals signs: `-----`, `* * *`, `___`.
fn is_separator_line(s: &str) -> bool {
    let non_space: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    // Ellipses ("...", "[…]") mark cut quotes: content, not chrome.
    non_space.len() >= 3
        && non_space.iter().all(|c| {
            matches!(
                c,
                '-' | '_'
                    | '='
                    | '*'
                    | '~'
                    | '+'
                    | '#'
                    | '•'
                    | '—'
                    | '–'
                    | '─'
                    | '━'
                    | '═'
                    | '·'
                    | '|'
            )
        })
}

const MENU_SEPARATORS: &[char] = &['|', '/', '•', '·', '»', '›', '◦', '▪', '►', '>', '¦', '⁄'];

/// A line of short items split by separators: "TV / Infos / A La Une / Asie / Europe",
/// "Home › World › Europe".
fn is_menu(s: &str) -> bool {
    // Text that carries markup (`<div ...>`, `</style>`) is not a menu: its `/` and `>` belong to
    // tags, not to a list of sections. Whatever it is, it is shown (escaped), not silently dropped.
    let b = s.as_bytes();
    if b.windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/'))
    {
        return false;
    }
    let segments: Vec<&str> = s
        .split(MENU_SEPARATORS)
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect();
    let seps = s.chars().filter(|c| MENU_SEPARATORS.contains(c)).count();
    let breadcrumb = s.contains(['»', '›', '>']);
    let min_segments = if breadcrumb { 3 } else { 4 };
    if segments.len() < min_segments || seps + 1 < min_segments {
        return false;
    }
    let wordy = segments
        .iter()
        .filter(|x| x.chars().any(char::is_alphabetic))
        .count();
    if wordy < min_segments {
        return false;
    }
    // Items are short and do not read as sentences.
    let max_words = segments
        .iter()
        .map(|x| x.split_whitespace().count())
        .max()
        .unwrap_or(0);
    let total_words: usize = segments.iter().map(|x| x.split_whitespace().count()).sum();
    let sentence_end = segments
        .iter()
        .any(|x| x.ends_with(['.', '!', '?', ':', ';']));
    // "and/or", "24/7", fractions and URLs are not menus: require separators between words.
    let url_like = s.contains("://") || s.contains("www.");
    max_words <= 4 && total_words <= segments.len() * 3 && !sentence_end && !url_like
}

/// "EXCLUSIVE", "BREAKING NEWS", "OPINION": a short upper-case label.
fn is_caps_label(s: &str) -> bool {
    let words = s.split_whitespace().count();
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    words <= 4
        && letters.len() >= 5
        && letters.iter().all(|c| !c.is_lowercase())
        && letters.iter().any(|c| c.is_uppercase())
        && !s.ends_with(['.', '!', '?', '"', '»'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(line: &str) -> Option<&'static str> {
        let mid = Position {
            from_start: 5,
            from_end: 5,
        };
        chrome_reason(line, mid, &CleanOptions::default())
    }

    #[test]
    fn menus_and_separators() {
        assert_eq!(
            reason("TV / Infos / A La Une / Asie / Europe / Afrique"),
            Some("navigation menu")
        );
        assert_eq!(reason("Accueil › Monde › Europe"), Some("navigation menu"));
        assert_eq!(
            reason("Home | News | Sport | Business | Culture"),
            Some("navigation menu")
        );
        assert_eq!(reason("------------"), Some("separator line"));
        assert_eq!(reason("* * *"), Some("separator line"));
        // Not menus: a sentence with a slash, a date, a score.
        assert_eq!(
            reason("The 24/7 news cycle and/or the rise of social media changed politics."),
            None
        );
        assert_eq!(reason("12/03/2024"), None);
        assert_eq!(
            reason("Le match s'est terminé 2/1 / 3/0 selon les sources officielles du club."),
            None
        );
    }

    #[test]
    fn phrases_only_on_short_lines() {
        assert_eq!(reason("Partager cet article"), Some("share prompt"));
        assert_eq!(reason("Teilen"), Some("share prompt"));
        assert_eq!(reason("Подпишитесь на рассылку"), Some("newsletter plea"));
        assert_eq!(
            reason("Soutenez-nous : faites un don"),
            Some("donation plea")
        );
        let long = "Le ministre a refusé de partager cet article de loi avec les députés, \
                    estimant que le texte devait encore être discuté avec les partenaires sociaux.";
        assert_eq!(reason(long), None);
        assert_eq!(
            reason("Teilen sich Bund und Länder die Kosten, wird es teuer."),
            None
        );
    }

    #[test]
    fn caps_labels_only_at_edges() {
        let top = Position {
            from_start: 0,
            from_end: 9,
        };
        let opts = CleanOptions::default();
        assert_eq!(
            chrome_reason("EXCLUSIVE", top, &opts),
            Some("all-caps label")
        );
        assert_eq!(reason("EXCLUSIVE"), None);
        assert_eq!(
            chrome_reason("NATO", top, &opts),
            None,
            "short acronym is kept"
        );
    }
}
