//! Probes on a page's raw markup, for the passes after the extractor.
//!
//! Those passes decide by cheap string searches whether a page's tree is worth walking (most
//! are not), and some work on the raw markup alone: where an extracted line starts, what the
//! element around it is called. These are the shared pieces: fast substring search, probes
//! cut from a line that the markup spells the same way, the text a reader sees with tags and
//! entities skipped, and the words of a class name.

/// Byte offset of the first `needle` in `hay` (always a character boundary: both are UTF-8).
/// The passes that look at raw markup search whole pages many times; `memchr`'s searcher is
/// several times faster there than `str::find`.
pub(crate) fn find_in(hay: &str, needle: &str) -> Option<usize> {
    memchr::memmem::find(hay.as_bytes(), needle.as_bytes())
}

/// How many times `needle` occurs in `hay`, without overlaps.
pub(crate) fn count_in(hay: &str, needle: &str) -> usize {
    memchr::memmem::find_iter(hay.as_bytes(), needle.as_bytes()).count()
}

/// Shortest probe worth searching for: shorter ones recur all over a page.
const MIN_PROBE_BYTES: usize = 12;

/// The line's opening letters and digits (up to the first other character), cut to 40 bytes:
/// what the raw markup spells the same way.
pub(crate) fn opening_probe(line: &str) -> Option<&str> {
    let line = line.trim_start();
    let end = line
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == ' '))
        .map_or(line.len(), |(i, _)| i);
    let end = line.floor_char_boundary(end.min(40));
    let probe = line[..end].trim_end();
    (probe.len() >= MIN_PROBE_BYTES && !probe.contains("  ")).then_some(probe)
}

/// Letters and digits compared to tell a line's own text from a short caption that opens
/// with the same words ("Dee Dee Myers" under a photo, "Dee Dee Myers — a White House press
/// secretary …" in the body).
const COMPARED_CHARS: usize = 40;

/// Whether the markup at a probe's match reads, tags skipped, like the line: the same first
/// letters and digits.
pub(crate) fn reads_like(markup: &str, line: &str) -> bool {
    let want = alnum_key(line.chars(), COMPARED_CHARS);
    let got = alnum_key(
        visible_chars(markup).take(COMPARED_CHARS * 8),
        COMPARED_CHARS,
    );
    got.starts_with(&want)
}

/// The characters of raw markup a reader sees, roughly: tags are skipped, and so are entities
/// (`&#8217;`, `&amp;`), which stand for no letter or digit worth comparing.
pub(crate) fn visible_chars(markup: &str) -> impl Iterator<Item = char> + '_ {
    let (mut in_tag, mut in_entity) = (false, false);
    markup.chars().filter(move |&c| {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                return false;
            }
            '&' if !in_tag => in_entity = true,
            ';' if in_entity => {
                in_entity = false;
                return false;
            }
            c if in_entity && !(c.is_ascii_alphanumeric() || c == '#') => in_entity = false,
            _ => {}
        }
        !in_tag && !in_entity
    })
}

/// The first `n` letters and digits of a text, lower-cased and run together: a key that
/// ignores spacing, punctuation and the characters entities stand for.
pub(crate) fn alnum_key(text: impl Iterator<Item = char>, n: usize) -> String {
    text.filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .take(n)
        .collect()
}

/// Where the page's body starts in the raw markup: the passes that look at a page again search
/// from there, since a description or JSON-LD in the head repeats the lead.
pub(crate) fn body_start(page: &str) -> usize {
    find_in(page, "<body").unwrap_or(0)
}

/// The first `n` words of a line when they are plain letters and digits: a probe to search for
/// in the raw markup (an entity or a tag inside them would not be found there).
pub(crate) fn plain_opening(line: &str, n: usize) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().take(n).collect();
    (words.len() == n && words.iter().all(|w| w.chars().all(char::is_alphanumeric)))
        .then(|| words.join(" "))
}

/// The words of a class or id value, split at spaces, `-`, `_` and lower-to-upper case
/// changes, lower-cased: `imageCaption`, `c-article-image__credit`, `tag-cardiology` (which is
/// no "card").
pub(crate) fn class_words(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .flat_map(|part| {
            let mut words = Vec::new();
            let mut cur = String::new();
            let mut prev_lower = false;
            for c in part.chars() {
                if c.is_uppercase() && prev_lower && !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                }
                prev_lower = c.is_lowercase();
                cur.extend(c.to_lowercase());
            }
            words.push(cur);
            words
        })
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probes_and_what_a_reader_sees() {
        assert_eq!(
            opening_probe("Margaret Dunmore, 71"),
            Some("Margaret Dunmore")
        );
        assert_eq!(opening_probe("Short, one"), None);
        // A caption of the same opening words is not the body's line.
        let markup = "Dee Dee Myers</span></div><p><a>Dee Dee Myers</a> \u{2014} a White House press secretary</p>";
        let line = "Dee Dee Myers \u{2014} a White House press secretary";
        assert!(!reads_like(markup, line));
        let body = markup.find("<p>").unwrap();
        assert!(reads_like(&markup[body..], line));
        assert!(reads_like(
            "It&#8217;s the <b>vicar&apos;s</b> call",
            "It’s the vicar's call"
        ));
    }

    #[test]
    fn class_names_split_into_words() {
        let words: Vec<String> = class_words("imageCaption c-article-image__credit").collect();
        assert_eq!(
            words,
            ["image", "caption", "c", "article", "image", "credit"]
        );
        assert!(!class_words("tag-cardiology").any(|w| w == "card"));
    }
}
