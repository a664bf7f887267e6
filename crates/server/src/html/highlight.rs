//! Marking cue words inside a paragraph, and query matches inside a snippet, without ever
//! producing raw HTML: the output is a list of plain/marked segments for maud to escape.

/// A piece of text, marked with the techniques whose cue it is (empty = plain).
pub struct Segment<'a> {
    pub text: &'a str,
    pub marks: Vec<usize>,
}

/// Finds whole-word, case-insensitive occurrences of each cue (`cues[i] = (technique index, cue)`)
/// and splits `text` into segments.
pub fn cue_segments<'a>(text: &'a str, cues: &[(usize, &str)]) -> Vec<Segment<'a>> {
    // Lower-case char by char, remembering where each lower-cased byte came from.
    let mut lower = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        for lc in c.to_lowercase() {
            let before = lower.len();
            lower.push(lc);
            origin.extend(std::iter::repeat_n(i, lower.len() - before));
        }
    }
    origin.push(text.len());
    let mut ranges: Vec<(usize, usize, usize)> = Vec::new();
    for &(tech, cue) in cues {
        let cue = cue.trim().to_lowercase();
        if cue.chars().count() < 2 {
            continue;
        }
        let mut from = 0;
        while let Some(pos) = lower[from..].find(&cue) {
            let s = from + pos;
            let e = s + cue.len();
            let before_ok = lower[..s]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after_ok = lower[e..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if before_ok && after_ok {
                ranges.push((origin[s], origin[e], tech));
            }
            from = e;
        }
    }
    // Boundaries at every range edge; each elementary piece gets the techniques covering it.
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for &(s, e, _) in &ranges {
        cuts.push(s);
        cuts.push(e);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        if s == e || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        let mut marks: Vec<usize> = ranges
            .iter()
            .filter(|(rs, re, _)| *rs <= s && e <= *re)
            .map(|r| r.2)
            .collect();
        marks.sort_unstable();
        marks.dedup();
        out.push(Segment {
            text: &text[s..e],
            marks,
        });
    }
    out
}

/// Splits a snippet into plain and highlighted pieces from byte ranges (invalid ranges ignored).
pub fn snippet_segments<'a>(text: &'a str, highlights: &[[usize; 2]]) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut hl: Vec<[usize; 2]> = highlights.to_vec();
    hl.sort_unstable();
    for [s, e] in hl {
        if s < at
            || e > text.len()
            || s >= e
            || !text.is_char_boundary(s)
            || !text.is_char_boundary(e)
        {
            continue;
        }
        if s > at {
            out.push((&text[at..s], false));
        }
        out.push((&text[s..e], true));
        at = e;
    }
    if at < text.len() {
        out.push((&text[at..], false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_whole_words_case_insensitively() {
        let segs = cue_segments(
            "Traitors! The TRAITOR betrayed traitorous folk.",
            &[(3, "traitor")],
        );
        let marked: Vec<&str> = segs
            .iter()
            .filter(|s| !s.marks.is_empty())
            .map(|s| s.text)
            .collect();
        assert_eq!(marked, vec!["TRAITOR"]);
        let joined: String = segs.iter().map(|s| s.text).collect();
        assert_eq!(joined, "Traitors! The TRAITOR betrayed traitorous folk.");
    }

    #[test]
    fn overlapping_and_unicode() {
        let segs = cue_segments("İstanbul große Lüge", &[(1, "große lüge"), (2, "lüge")]);
        let joined: String = segs.iter().map(|s| s.text).collect();
        assert_eq!(joined, "İstanbul große Lüge");
        let last = segs.last().unwrap();
        assert_eq!(last.text, "Lüge");
        assert_eq!(last.marks, vec![1, 2]);
    }

    #[test]
    fn snippet_ranges() {
        let s = snippet_segments("a bc d", &[[2, 4], [0, 1], [3, 9]]);
        assert_eq!(
            s,
            vec![("a", true), (" ", false), ("bc", true), (" d", false)]
        );
    }
}
