//! One article as it enters the pipeline.

use serde::{Deserialize, Serialize};

use crate::Lang;

/// Most words of a rubric over a headline ("FAUX", "Hommage", "Politique intérieure"): a line
/// that short above the title's line does not stop the title from being read as one of the lines.
pub const MAX_RUBRIC_WORDS: usize = 2;

/// A news article with its lines numbered as in its source.
///
/// Lines, not sentences, are the unit because SemEval-2023 Task 3 annotates techniques per line of
/// the article file and the official submission format refers to line numbers; empty lines keep
/// their number. For the task's `.txt` layout line 1 is the title; for JSONL input with a separate
/// `title` field the numbering starts at the first line of `text`.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Article {
    /// Task id (digits of `article<ID>.txt`), file stem, or the JSONL `id`.
    pub id: String,
    /// Where it came from: a file path, `path:line` for JSONL, or `-` for stdin.
    pub path: String,
    pub title: Option<String>,
    /// Whether line 1 is the title (task layout), so analyses can treat it as a headline.
    #[serde(default)]
    pub title_is_line_1: bool,
    /// The text, one paragraph per line; `lines[0]` is line 1.
    pub lines: Vec<String>,
    pub url: Option<String>,
    /// Outlet or site name, when known.
    pub source: Option<String>,
    /// Language declared by the input (JSONL `lang`, HTML `lang`); detection still runs.
    pub declared_lang: Option<Lang>,
    /// Publication date/time as given by the input (ISO 8601 when it can be parsed).
    pub published: Option<String>,
    pub author: Option<String>,
    /// Lines removed as site chrome before analysis, with the reason (audit trail).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<RemovedLine>,
    /// Where the text says it came from (original, repost, translation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Attribution>,
}

impl Article {
    /// Builds an article from text, one paragraph per line (`\r\n` and `\r` accepted).
    pub fn from_text(id: impl Into<String>, path: impl Into<String>, text: &str) -> Article {
        Article {
            id: id.into(),
            path: path.into(),
            lines: split_lines(text),
            ..Article::default()
        }
    }

    /// Non-empty lines with their 1-based numbers.
    pub fn paragraphs(&self) -> impl Iterator<Item = (u32, &str)> {
        self.lines
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| (i as u32 + 1, l.as_str()))
    }

    /// The number (1-based) of the line that holds the title: line 1 in the task layout, else
    /// the first non-empty line when its words are the title's (a scraped dump whose headline
    /// follows the site's menu, removed as chrome; a page that repeats its headline), or the
    /// second when the first is a rubric of at most [`MAX_RUBRIC_WORDS`] words over it ("FAUX",
    /// "Hommage", "Entretien": a fact-check's verdict or the section's label, which is the
    /// article's own line). `None` when the title is not one of the lines, so a reader that
    /// wants it must add it.
    pub fn title_line(&self) -> Option<u32> {
        if self.title_is_line_1 {
            return (!self.lines.is_empty()).then_some(1);
        }
        let title = crate::text::word_key(self.title.as_deref()?);
        if title.is_empty() {
            return None;
        }
        let mut lines = self.paragraphs();
        let (n, first) = lines.next()?;
        if crate::text::word_key(first) == title {
            return Some(n);
        }
        let (n2, second) = lines.next()?;
        (first.split_whitespace().count() <= MAX_RUBRIC_WORDS
            && crate::text::word_key(second) == title)
            .then_some(n2)
    }

    /// The body as one string, for tools that compare it with a reference text (extraction
    /// benchmarks, `newsprism extract`'s `text`): the non-empty lines joined by newlines,
    /// without the headline where the page repeats it as a line. The headline is in `title`;
    /// a shingle metric would count it a second time as extra text.
    pub fn extracted_text(&self) -> String {
        let title = self
            .title
            .as_deref()
            .map(crate::text::word_key)
            .filter(|t| !t.is_empty());
        let mut text = String::new();
        for (_, line) in self.paragraphs() {
            if title
                .as_ref()
                .is_some_and(|t| crate::text::has_word_key(line, t))
            {
                continue;
            }
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(line);
        }
        text
    }

    /// Number of whitespace-separated words in all lines.
    pub fn word_count(&self) -> usize {
        self.lines
            .iter()
            .map(|l| l.split_whitespace().count())
            .sum()
    }
}

/// Splits text into lines the way the task files are numbered; a trailing newline adds no line.
pub fn split_lines(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines: Vec<String> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l).replace('\r', " "))
        .collect();
    if lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

/// A line taken out before analysis, kept so an analyst can check nothing real was lost.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct RemovedLine {
    pub line: u32,
    pub text: String,
    /// Why, e.g. `navigation menu`, `share prompt`, `donation plea`, `repeated across source`.
    pub reason: String,
}

/// Provenance of an article as stated in its text or metadata.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Attribution {
    /// The outlet or agency the text credits ("RT", "AFP", "Le Monde").
    pub source: Option<String>,
    pub original_url: Option<String>,
    /// True when the text says it is a repost or translation of another outlet's article.
    pub republished: bool,
    pub original_outlet: Option<String>,
    /// True when the text says it was translated.
    #[serde(default)]
    pub translated: bool,
    /// The lines that gave this away, for checking.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_line_is_line_1_or_the_first_line_that_repeats_the_title() {
        let mut a = Article::from_text("1", "x", "Title\n\nFirst.");
        a.title_is_line_1 = true;
        assert_eq!(a.title_line(), Some(1));
        // A dump whose menu lines were blanked: the headline is the first line left.
        let mut a = Article::from_text("1", "x", "\n\nPort strike ends\nThe strike ended.");
        a.title = Some("Port strike ends".into());
        assert_eq!(a.title_line(), Some(3));
        // A title that is not the first line is not one of the lines.
        a.title = Some("The strike ended".into());
        assert_eq!(a.title_line(), None);
        a.title = None;
        assert_eq!(a.title_line(), None);
        // Under a rubric of one or two words (a fact-check's verdict), the second line.
        let mut a = Article::from_text("1", "x", "\nFAUX\nPort strike ends\nThe strike ended.");
        a.title = Some("Port strike ends".into());
        assert_eq!(a.title_line(), Some(3));
        let mut a = Article::from_text("1", "x", "Not a rubric\nPort strike ends\nIt ended.");
        a.title = Some("Port strike ends".into());
        assert_eq!(a.title_line(), None);
    }

    #[test]
    fn numbering_keeps_empty_lines() {
        let a = Article::from_text("1", "x", "Title\r\n\r\nFirst.\n\nSecond.\n");
        assert_eq!(a.lines.len(), 5);
        let paras: Vec<_> = a.paragraphs().collect();
        assert_eq!(paras, vec![(1, "Title"), (3, "First."), (5, "Second.")]);
    }

    #[test]
    fn bom_and_lone_cr() {
        assert_eq!(split_lines("\u{feff}a\rb\nc"), vec!["a b", "c"]);
        assert!(split_lines("").is_empty());
    }
}
