//! The headline of a text that came without a title: a scraped dump whose first lines were the
//! site's menu, a JSONL record with only a `text` field, a plain `.txt` without the task's blank
//! second line.
//!
//! Without it the article is "(untitled)" in the store and the web UI, and the models, which
//! learned from titled articles, read the headline as a body paragraph. It is read only after
//! the chrome is gone, so the first line left is the page's own.

use newsprism_core::article::MAX_RUBRIC_WORDS;
use newsprism_core::Article;

/// Most words of a headline; a longer first line is the body's first paragraph.
const MAX_HEADLINE_WORDS: usize = 25;
/// Fewest words of the paragraph under it: the headline must sit over running text, not over
/// another short line (a list, a second menu, a standfirst's label).
const MIN_BODY_WORDS: usize = 12;

/// The first remaining line, when lines removed as chrome stand above it and it reads as the
/// headline over the body: 2 to
/// [`MAX_HEADLINE_WORDS`] words, opening with a capital, a digit or a quotation mark, not
/// ending like a sentence or a clause (`.`, `,`, `;`, `:`, `…`; a question or an exclamation may
/// be a headline), with a paragraph of prose of [`MIN_BODY_WORDS`] words or more right under it.
/// A rubric of up to [`MAX_RUBRIC_WORDS`] capitalised words may stand between the chrome and
/// the headline ("FAUX" over a fact-check, "Hommage", "Entretien"); it is the article's own
/// line and stays ([`Article::title_line`] reads the headline under it). `None` when the article
/// has a title already.
pub(crate) fn headline(a: &Article) -> Option<String> {
    if a.title.is_some() || a.title_is_line_1 {
        return None;
    }
    let mut kept = a.paragraphs();
    let (n, first) = kept.next()?;
    let first = first.trim();
    let second = kept.next()?.1.trim();
    // Only under removed chrome: a text whose first line is its own first line keeps the
    // input's convention (line 1 is the title when line 2 is blank), which is what the models
    // were trained with.
    if !a.removed.iter().any(|r| r.line < n) {
        return None;
    }
    if reads_as_headline(first, second) {
        return Some(first.to_string());
    }
    let third = kept.next()?.1.trim();
    let rubric = first.split_whitespace().count() <= MAX_RUBRIC_WORDS
        && first.chars().next().is_some_and(char::is_uppercase)
        && first
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '\'')
        && second.split_whitespace().count() > MAX_RUBRIC_WORDS;
    (rubric && reads_as_headline(second, third)).then(|| second.to_string())
}

/// Whether `line` reads as a headline over `next`, the body's first paragraph.
fn reads_as_headline(line: &str, next: &str) -> bool {
    let words = line.split_whitespace().count();
    let opens = line
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "«\"“„'".contains(c));
    let sentence_end = line.ends_with(['.', ',', ';', ':', '…']);
    let body_words = next.split_whitespace().count();
    let prose = body_words >= MIN_BODY_WORDS
        && body_words > words
        && next.ends_with(['.', '!', '?', '"', '»', '”', ')']);
    (2..=MAX_HEADLINE_WORDS).contains(&words) && opens && !sentence_end && prose
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An article whose first line was removed as chrome (a menu), then `lines`.
    fn article(lines: &[&str]) -> Article {
        let mut a = Article::from_text("x", "x", "");
        a.lines = std::iter::once("")
            .chain(lines.iter().copied())
            .map(str::to_string)
            .collect();
        a.removed.push(newsprism_core::RemovedLine {
            line: 1,
            text: "Accueil / Monde / Asie".into(),
            reason: "navigation menu".into(),
        });
        a
    }

    const BODY: &str = "Le ministère chinois de la Défense a qualifié vendredi de provocation \
                        délibérée le passage d'un destroyer américain dans le détroit.";

    #[test]
    fn the_first_line_left_over_the_body_is_the_headline() {
        // Lines 1-3 were a menu, blanked by the cleaner.
        let a = article(&["", "", "Taïwan : Pékin dénonce une « provocation »", BODY]);
        assert_eq!(
            headline(&a).as_deref(),
            Some("Taïwan : Pékin dénonce une « provocation »")
        );
        assert_eq!(
            headline(&article(&["Qui paiera la facture ?", BODY])).as_deref(),
            Some("Qui paiera la facture ?")
        );
    }

    #[test]
    fn a_rubric_may_stand_over_the_headline() {
        let a = article(&["", "Traductions", "La sécheresse vide les villages", BODY]);
        assert_eq!(
            headline(&a).as_deref(),
            Some("La sécheresse vide les villages")
        );
        // Not a rubric: a longer line, a figure, a line over a short one.
        for top in ["Sur le même sujet", "2 commentaires"] {
            let a = article(&[top, "La sécheresse vide les villages", BODY]);
            assert_eq!(headline(&a), None, "{top}");
        }
        let a = article(&["Traductions", "Trois morts", "Sécheresse", BODY]);
        assert_eq!(headline(&a), None);
    }

    #[test]
    fn no_headline_where_the_text_opens_with_prose_or_has_a_title() {
        // A first paragraph of prose, a lone word, a lower-case fragment, a line over a short one.
        assert_eq!(headline(&article(&[BODY, BODY])), None);
        assert_eq!(headline(&article(&["Bonjour", BODY])), None);
        assert_eq!(
            headline(&article(&["et puis la suite du texte", BODY])),
            None
        );
        assert_eq!(
            headline(&article(&["Sur le même sujet", "Trois morts", BODY])),
            None
        );
        assert_eq!(headline(&article(&["Une seule ligne de texte"])), None);
        let mut titled = article(&["Taïwan : Pékin dénonce une provocation", BODY]);
        titled.title = Some("Un autre titre".into());
        assert_eq!(headline(&titled), None);
        // Nothing removed above it: the input's own first line, left to the input's convention.
        let mut plain = article(&["Taïwan : Pékin dénonce une provocation", BODY]);
        plain.removed.clear();
        assert_eq!(headline(&plain), None);
    }
}
