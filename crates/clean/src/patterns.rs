//! The phrase table (`data/patterns.tsv`, embedded at build time) and phrase matching.
//!
//! The table is data, not code, so a new language or a new kind of plea is a line in a TSV file
//! that a non-programmer can review.

use std::sync::OnceLock;

/// What a phrase signals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Site chrome; the string is the reason written into the audit trail.
    Chrome(&'static str),
    /// "Source: X": credits a source.
    AttrSource,
    /// "Read the original article": republication, usually with a link.
    AttrOriginal,
    /// "Originally published in X".
    AttrRepublished,
    /// "Translated from X".
    AttrTranslated,
    /// "via X".
    AttrVia,
    /// A wire agency or outlet name, matched case-sensitively in bylines.
    Agency,
    /// Opens a "Published on <date>" line.
    Dateline,
    /// Opens a "Follow us on Telegram" line.
    FollowVerb,
    /// Opens a "By <Name>" line.
    Byline,
    /// A share button's label ("Facebook", "Email").
    ShareTarget,
    /// Weaker plea wording: chrome (with this reason) only next to a line removed for it.
    Near(&'static str),
    /// "the newspaper", "le quotidien": skipped before an outlet's name.
    OutletDescriptor,
    /// "translated", "traduit": the attribution line speaks of a translation.
    TranslationWord,
    /// "in Spanish", "en anglais": the language an original was written in. A note that points
    /// to the original and names its language says the text in hand is a translation.
    OriginalLanguage,
    /// A page label that is chrome only as a whole line ("Suche", "Menü", "Share").
    Label,
    /// A rights notice ("all rights reserved"), chrome wherever it stands in a line.
    Rights,
    /// A site section's name ("Politique", "Sport", "Vidéos"): a line made mostly of them is a
    /// menu even without separators between the items.
    Section,
    /// A forum post's user panel label ("Messages", "Inscription"), followed by a figure or date.
    ForumStat,
    /// A language's name in that language ("Français", "English", "Deutsch"): a line of them is
    /// a language switch.
    LanguageName,
    /// A breaking-news label ("Flash info", "Eilmeldung"): a line above the article that opens
    /// with it and a colon or bar is a ticker.
    Ticker,
}

/// One row of the table.
#[derive(Clone, Debug)]
pub struct Pattern {
    pub kind: Kind,
    /// Language code, or `*` (kept for reports; phrases apply in every language, since
    /// declared languages are often missing or wrong).
    #[allow(dead_code)]
    pub lang: String,
    /// Normalised phrase (for agencies: as written).
    pub phrase: String,
    pub words: usize,
}

const TABLE: &str = include_str!("../data/patterns.tsv");

fn chrome_reason(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "share" => "share prompt",
        "newsletter" => "newsletter plea",
        "donation" => "donation plea",
        "cookie" => "cookie notice",
        "comments" => "comment notice",
        "readmore" => "read-more link",
        "subscribe" => "follow/subscribe prompt",
        "copyright" => "legal/copyright notice",
        "credit" => "image credit",
        "tags" => "tag list",
        "ad" => "advertisement label",
        "app" => "app prompt",
        "meta" => "page metadata line",
        // An archive's or a cache's banner: its dates are the capture's, not the article's.
        "archive" => "archive banner",
        "disclaimer" => "opinion disclaimer",
        "feedback" => "feedback widget",
        "account" => "account/search link",
        "paywall" => "paywall notice",
        "player" => "video player control",
        _ => return None,
    })
}

/// The parsed table (parsed once).
pub fn patterns() -> &'static [Pattern] {
    static P: OnceLock<Vec<Pattern>> = OnceLock::new();
    P.get_or_init(|| parse(TABLE))
}

fn parse(table: &str) -> Vec<Pattern> {
    let mut out = Vec::new();
    for line in table.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.splitn(3, '\t');
        let (Some(kind), Some(lang), Some(phrase)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let kind = match kind {
            "attr-source" => Kind::AttrSource,
            "attr-original" => Kind::AttrOriginal,
            "attr-republished" => Kind::AttrRepublished,
            "attr-translated" => Kind::AttrTranslated,
            "attr-via" => Kind::AttrVia,
            "agency" => Kind::Agency,
            "dateline" => Kind::Dateline,
            "follow-verb" => Kind::FollowVerb,
            "byline" => Kind::Byline,
            "share-target" => Kind::ShareTarget,
            "outlet-descriptor" => Kind::OutletDescriptor,
            "translation-word" => Kind::TranslationWord,
            "original-language" => Kind::OriginalLanguage,
            "label" => Kind::Label,
            "rights" => Kind::Rights,
            "section" => Kind::Section,
            "forum-stat" => Kind::ForumStat,
            "language-name" => Kind::LanguageName,
            "ticker" => Kind::Ticker,
            k if k.ends_with("-near") => match chrome_reason(&k[..k.len() - 5]) {
                Some(r) => Kind::Near(r),
                None => continue,
            },
            k => match chrome_reason(k) {
                Some(r) => Kind::Chrome(r),
                None => continue,
            },
        };
        let phrase = if kind == Kind::Agency {
            phrase.trim().to_string()
        } else {
            normalize(phrase)
        };
        if phrase.is_empty() {
            continue;
        }
        out.push(Pattern {
            kind,
            lang: lang.to_string(),
            words: phrase.split_whitespace().count(),
            phrase,
        });
    }
    out
}

type WordSet = rustc_hash::FxHashSet<&'static str>;

/// The phrases of one kind of single-word rows, as a set (built once per kind by its caller).
fn words_of(kind: Kind) -> WordSet {
    phrases_of(kind).into_iter().collect()
}

/// Whether `word` is a row of `kind`, the kind's set built once into `cell`.
fn is_word_of(cell: &'static OnceLock<WordSet>, kind: Kind, word: &str) -> bool {
    cell.get_or_init(|| words_of(kind)).contains(word)
}

/// Whether a (normalised) word is the label of a share button.
pub fn is_share_target(word: &str) -> bool {
    static S: OnceLock<WordSet> = OnceLock::new();
    is_word_of(&S, Kind::ShareTarget, word)
}

/// Share buttons whose label is several words ("copier le lien", "skopiuj link"), to be read as
/// one item of a row of buttons.
pub fn multiword_share_targets() -> &'static [String] {
    static S: OnceLock<Vec<String>> = OnceLock::new();
    S.get_or_init(|| {
        patterns()
            .iter()
            .filter(|p| p.kind == Kind::ShareTarget && p.phrase.contains(' '))
            .map(|p| p.phrase.clone())
            .collect()
    })
}

/// Whether a (normalised) word names a site section.
pub fn is_section_word(word: &str) -> bool {
    static S: OnceLock<WordSet> = OnceLock::new();
    is_word_of(&S, Kind::Section, word)
}

/// Whether a (normalised) label is one of a forum user panel's ("mensajes", "inscrit le").
pub fn is_forum_stat_label(label: &str) -> bool {
    static S: OnceLock<WordSet> = OnceLock::new();
    is_word_of(&S, Kind::ForumStat, label)
}

/// Whether a (normalised) word is a language's own name for itself.
pub fn is_language_name(word: &str) -> bool {
    static S: OnceLock<WordSet> = OnceLock::new();
    is_word_of(&S, Kind::LanguageName, word)
}

/// Whether the lower-cased line contains a phrase of kind [`Kind::Rights`] anywhere.
pub fn mentions_rights(lower: &str) -> bool {
    // One pass over the line for all the rows (every short line of every page is asked).
    static S: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    S.get_or_init(|| {
        aho_corasick::AhoCorasick::new(words_of(Kind::Rights))
            .expect("the rights rows make a small automaton")
    })
    .is_match(lower)
}

/// Whether the (normalised) line contains a word of kind [`Kind::TranslationWord`].
pub fn mentions_translation(norm: &str) -> bool {
    static S: OnceLock<WordSet> = OnceLock::new();
    norm.split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| is_word_of(&S, Kind::TranslationWord, w))
}

/// Whether the (normalised) line names, as a phrase of kind [`Kind::OriginalLanguage`], the
/// language an original was written in ("(en francés)", "auf Englisch", "w języku angielskim").
pub fn names_original_language(norm: &str) -> bool {
    static S: OnceLock<WordSet> = OnceLock::new();
    let words: Vec<&str> = norm
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    // Rows are one to three words; only attribution lines are asked, so the joins are cheap.
    (0..words.len()).any(|i| {
        (2..=3)
            .filter(|n| i + n <= words.len())
            .map(|n| words[i..i + n].join(" "))
            .chain(std::iter::once(words[i].to_string()))
            .any(|phrase| is_word_of(&S, Kind::OriginalLanguage, &phrase))
    })
}

/// Table rows indexed by their phrase's first word, so a line is checked only against the rows
/// that can start at one of its words (the table has hundreds of rows; lines have tens of words).
struct FirstWordIndex {
    by_first: rustc_hash::FxHashMap<String, Vec<usize>>,
}

fn index() -> &'static FirstWordIndex {
    static I: OnceLock<FirstWordIndex> = OnceLock::new();
    I.get_or_init(|| {
        let mut by_first: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
        for (i, p) in patterns().iter().enumerate() {
            // Looked up by word, not as phrases opening a match.
            if matches!(
                p.kind,
                Kind::Agency
                    | Kind::ShareTarget
                    | Kind::TranslationWord
                    | Kind::OriginalLanguage
                    | Kind::Rights
                    | Kind::Section
                    | Kind::LanguageName
            ) {
                continue;
            }
            if let Some(w) = p.phrase.split_whitespace().next() {
                by_first.entry(w.to_string()).or_default().push(i);
            }
        }
        FirstWordIndex { by_first }
    })
}

/// Table rows (phrase kinds only, not agencies) whose phrase occurs in the normalised line at a
/// word boundary, starting within its first `max_start_words` words; each with the byte offsets
/// of the match. In table order, so earlier rows win.
pub fn matching(norm: &str, max_start_words: usize) -> Vec<(&'static Pattern, usize, usize)> {
    let all = patterns();
    let idx = index();
    let mut hits: Vec<(usize, usize, usize)> = Vec::new();
    let mut offset = 0;
    for (wi, word) in norm.split(' ').enumerate() {
        if wi >= max_start_words {
            break;
        }
        if let Some(rows) = idx.by_first.get(word) {
            for &r in rows {
                let p = &all[r];
                let rest = &norm[offset..];
                if rest.starts_with(p.phrase.as_str()) {
                    let end = offset + p.phrase.len();
                    let last = p.phrase.chars().next_back();
                    let after_ok = last.is_some_and(|c| !c.is_alphanumeric())
                        || norm[end..]
                            .chars()
                            .next()
                            .is_none_or(|c| !c.is_alphanumeric());
                    if after_ok && !hits.iter().any(|h| h.0 == r) {
                        hits.push((r, offset, end));
                    }
                }
            }
        }
        offset += word.len() + 1;
    }
    hits.sort_unstable();
    hits.into_iter().map(|(r, s, e)| (&all[r], s, e)).collect()
}

/// The phrases of the rows of `kind` (built once per kind by its caller).
pub fn phrases_of(kind: Kind) -> Vec<&'static str> {
    patterns()
        .iter()
        .filter(|p| p.kind == kind)
        .map(|p| p.phrase.as_str())
        .collect()
}

/// The rows of one kind, searched in one pass over a line, for a rule that asks about that kind
/// only: it need not look up every word of a long line in the whole table.
pub struct Rows {
    phrases: Vec<&'static str>,
    automaton: aho_corasick::AhoCorasick,
}

impl Rows {
    pub fn of(kind: Kind) -> Rows {
        let phrases = phrases_of(kind);
        let automaton =
            aho_corasick::AhoCorasick::new(&phrases).expect("a kind's rows make a small automaton");
        Rows { phrases, automaton }
    }

    /// Whether one of the rows occurs in the normalised line where [`matching`] would find it.
    pub fn found_in(&self, norm: &str) -> bool {
        self.automaton
            .find_overlapping_iter(norm)
            .any(|m| self.at_words(norm, m.pattern().as_usize(), m.start(), m.end()))
    }

    /// The byte spans of the rows found in the normalised line, as [`matching`] gives them for
    /// the rows of this kind: each row's first occurrence, in table order.
    pub fn spans_in(&self, norm: &str) -> Vec<(usize, usize)> {
        let mut first: Vec<Option<(usize, usize)>> = vec![None; self.phrases.len()];
        // (Reported by where they end: a row's occurrences in the order they start.)
        for m in self.automaton.find_overlapping_iter(norm) {
            let r = m.pattern().as_usize();
            if first[r].is_none() && self.at_words(norm, r, m.start(), m.end()) {
                first[r] = Some((m.start(), m.end()));
            }
        }
        first.into_iter().flatten().collect()
    }

    /// Whether row `r`, found at `start..end`, stands where [`matching`] reads phrases: from the
    /// start of a word whose whole text is the phrase's first word, to a word's end.
    fn at_words(&self, norm: &str, r: usize, start: usize, end: usize) -> bool {
        let phrase = self.phrases[r];
        let next = norm[end..].chars().next();
        let starts_word = start == 0 || norm.as_bytes()[start - 1] == b' ';
        let ends_word = if phrase.contains(' ') {
            phrase
                .chars()
                .next_back()
                .is_some_and(|c| !c.is_alphanumeric())
                || next.is_none_or(|c| !c.is_alphanumeric())
        } else {
            // (The line's word is the phrase itself.)
            next.is_none_or(|c| c == ' ')
        };
        starts_word && ends_word
    }
}

/// Lower case, typographic apostrophes made plain, leading bullets/punctuation dropped, spaces
/// collapsed. Colons stay (they tell "Source:" from "source").
pub fn normalize(s: &str) -> String {
    let s = normalized_start(s);
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            match c {
                '`' | '’' | 'ʼ' => out.push('\''),
                c => push_lower_folded(&mut out, c),
            }
        }
    }
    out
}

/// `c` lower-cased and, in Greek, without its accents, as the table's rows are written: Greek
/// capitals drop their accents ("ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ" is "Διαβάστε επίσης"), so accents and the
/// final sigma are folded away for both spellings to match one row.
pub(crate) fn push_lower_folded(out: &mut String, c: char) {
    // (Every line of every page passes here, often several times: the Latin and Cyrillic
    // letters, most of the text, are lower-cased without the Unicode tables.)
    match c {
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        'а'..='џ' => out.push(c),
        'А'..='Я' => out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
        'Ѐ'..='Џ' => out.push(char::from_u32(c as u32 + 0x50).unwrap_or(c)),
        c => out.extend(c.to_lowercase().map(fold_greek_accent)),
    }
}

/// `s` from where [`normalize`] starts reading it (past leading marks and brackets).
fn normalized_start(s: &str) -> &str {
    let s = s.trim_start_matches(|c: char| {
        !c.is_alphanumeric() && !matches!(c, '©' | '@' | '#' | '(' | '[')
    });
    s.trim_start_matches(['(', '['])
}

/// Whether [`normalize`]`(s)` would have more than `n` words, told without building it
/// (lower-casing never makes or takes a space), for rules that give up on long lines.
pub(crate) fn normalized_words_exceed(s: &str, n: usize) -> bool {
    normalized_start(s).split_whitespace().nth(n).is_some()
}

pub(crate) fn fold_greek_accent(c: char) -> char {
    match c {
        'ά' => 'α',
        'έ' => 'ε',
        'ή' => 'η',
        'ί' | 'ϊ' | 'ΐ' => 'ι',
        'ό' => 'ο',
        'ύ' | 'ϋ' | 'ΰ' => 'υ',
        'ώ' => 'ω',
        // Lower-casing letter by letter gives "σ" for a final "Σ"; the table's rows have "ς".
        'ς' => 'σ',
        c => c,
    }
}

#[cfg(test)]
/// Whether `phrase` occurs in `line` (both normalised) starting and ending at word boundaries.
/// Returns the byte offset just after the match.
pub fn find_phrase(line: &str, phrase: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = line[from..].find(phrase) {
        let start = from + i;
        let end = start + phrase.len();
        let before_ok = line[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let last = phrase.chars().next_back();
        let after_ok = last.is_some_and(|c| !c.is_alphanumeric())
            || line[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
        if before_ok && after_ok {
            return Some(end);
        }
        from = start + line[start..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_with_all_languages() {
        let p = patterns();
        for lang in ["en", "fr", "de", "it", "pl", "ru", "es"] {
            assert!(
                p.iter().filter(|x| x.lang == lang).count() >= 20,
                "few patterns for {lang}"
            );
        }
        assert!(p
            .iter()
            .any(|x| x.kind == Kind::Agency && x.phrase == "AFP"));
    }

    #[test]
    fn every_row_of_the_table_is_read() {
        // A row whose kind is misspelt ("follow" for "subscribe") would be skipped silently.
        let rows = TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert_eq!(
            parse(TABLE).len(),
            rows,
            "a row of patterns.tsv has an unknown kind"
        );
    }

    #[test]
    fn a_rows_search_finds_what_the_table_lookup_finds() {
        let mut kinds: Vec<Kind> = patterns()
            .iter()
            .map(|p| p.kind)
            .filter(|k| matches!(k, Kind::Chrome(_) | Kind::Near(_) | Kind::AttrSource))
            .collect();
        kinds.sort_by_key(|k| format!("{k:?}"));
        kinds.dedup();
        for kind in kinds {
            let rows = Rows::of(kind);
            for ph in phrases_of(kind) {
                for line in [
                    ph.to_string(),
                    format!("x {ph}"),
                    format!("x{ph}"),
                    format!("{ph}s y"),
                    format!("{ph} y"),
                    format!("y {ph}: z"),
                    format!("{ph}{ph}"),
                    format!("{ph} {ph} x {ph}"),
                    format!("x{ph} {ph}"),
                ] {
                    let table: Vec<(usize, usize)> = matching(&line, usize::MAX)
                        .iter()
                        .filter(|(q, _, _)| q.kind == kind)
                        .map(|&(_, s, e)| (s, e))
                        .collect();
                    assert_eq!(
                        rows.found_in(&line),
                        !table.is_empty(),
                        "{ph:?} in {line:?}"
                    );
                    assert_eq!(rows.spans_in(&line), table, "{ph:?} in {line:?}");
                }
            }
        }
    }

    #[test]
    fn normalising_lower_cases_as_the_unicode_tables_do() {
        // The reference: every character through the Unicode tables.
        let slow = |s: &str| -> String {
            let s = normalized_start(s);
            let mut out = String::new();
            for w in s.split_whitespace() {
                if !out.is_empty() {
                    out.push(' ');
                }
                for c in w.chars() {
                    let c = if matches!(c, '’' | '`' | 'ʼ') {
                        '\''
                    } else {
                        c
                    };
                    out.extend(c.to_lowercase().map(fold_greek_accent));
                }
            }
            out
        };
        let all: String = (0x21..0x3000u32)
            .filter_map(char::from_u32)
            .flat_map(|c| [c, 'x', ' '])
            .collect();
        assert_eq!(normalize(&all), slow(&all));
        for s in [
            "ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ",
            "Ёлка ЎЄЇІ Ѐ",
            "L’Été `x` ʼn",
            "  • ПОДЕЛИТЬСЯ: Ok",
        ] {
            assert_eq!(normalize(s), slow(s), "{s}");
        }
    }

    #[test]
    fn word_boundaries() {
        assert_eq!(find_phrase("partager cet article", "partager"), Some(8));
        assert_eq!(find_phrase("partagerons", "partager"), None);
        assert!(find_phrase("source: rt", "source:").is_some());
        assert_eq!(
            normalize("  » Lire l’article original ICI"),
            "lire l'article original ici"
        );
    }
}
