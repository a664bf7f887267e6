//! Contrast examples for the technique head, from the task's span annotations.
//!
//! The line-level labels say *that* a paragraph uses a technique; the span files say *where*
//! ("traitors" is the Name calling, not the whole sentence). A linear model cannot be told
//! where directly, but it can be shown the same line with the evidence cut out and labelled
//! without the technique (Zaidan, Eisner & Piatko 2007, "rationales"): words outside the span
//! then stop taking credit for it. Measured in docs/analysis.md (session 8).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use newsprism_core::{Label, Technique};
use newsprism_ingest::dataset::LabelledArticle;

/// Span files next to a language folder's articles, in the shared layout and in the task's
/// original one.
const SPAN_FILES: &[&str] = &["spans-subtask-3.txt", "train-labels-subtask-3-spans.txt"];

/// One contrast example: a line of an article with one technique's spans blanked out.
pub struct ContrastExample {
    /// Index of the article in the list given to [`contrast_examples`].
    pub article: usize,
    /// Line number (1-based) the example was cut from.
    pub line: u32,
    /// The line's text with the spans replaced by spaces.
    pub text: String,
    /// The line's gold techniques less the one cut out (and any whose spans were mostly cut).
    pub bits: u32,
}

/// Spans per article id: (technique, start, end) in characters of the article file.
type SpanTable = HashMap<String, Vec<(Technique, usize, usize)>>;

fn load_table(dir: &Path) -> SpanTable {
    let mut t: SpanTable = HashMap::new();
    let Some(s) = SPAN_FILES
        .iter()
        .find_map(|f| std::fs::read_to_string(dir.join(f)).ok())
    else {
        return t;
    };
    for row in s.lines() {
        let f: Vec<&str> = row.split('\t').map(str::trim).collect();
        let [id, tech, start, end, ..] = f[..] else {
            continue;
        };
        let (Some(tech), Ok(a), Ok(b)) = (
            Technique::from_name(tech),
            start.parse::<usize>(),
            end.parse::<usize>(),
        ) else {
            continue;
        };
        if b > a {
            t.entry(id.to_string()).or_default().push((tech, a, b));
        }
    }
    t
}

/// Contrast examples for every annotated line that has spans: one per technique of the line,
/// with that technique's spans cut out. Articles whose folder has no span file, or whose file
/// cannot be read again, give none (the rest of training does not need spans).
pub fn contrast_examples(articles: &[&LabelledArticle]) -> Vec<ContrastExample> {
    let mut tables: HashMap<PathBuf, SpanTable> = HashMap::new();
    let mut out = Vec::new();
    for (ai, a) in articles.iter().enumerate() {
        let path = Path::new(&a.article.path);
        let Some(dir) = path.parent().and_then(Path::parent) else {
            continue;
        };
        let table = tables
            .entry(dir.to_path_buf())
            .or_insert_with(|| load_table(dir));
        let Some(spans) = table.get(&a.article.id) else {
            continue;
        };
        // Offsets count characters of the file as written.
        let Ok(raw) = std::fs::read_to_string(path) else {
            continue;
        };
        let chars: Vec<char> = raw.chars().collect();
        let mut starts = vec![0usize];
        starts.extend(
            chars
                .iter()
                .enumerate()
                .filter(|(_, &c)| c == '\n')
                .map(|(i, _)| i + 1),
        );
        for (line, gold) in &a.techniques {
            let Some(&ls) = starts.get(*line as usize - 1) else {
                continue;
            };
            let le = starts.get(*line as usize).map_or(chars.len(), |&n| n - 1);
            // Spans that start on this line, clipped to it.
            let here: Vec<(Technique, usize, usize)> = spans
                .iter()
                .filter(|&&(_, s, _)| s >= ls && s < le)
                .map(|&(t, s, e)| (t, s, e.min(le)))
                .collect();
            for t in gold.iter() {
                let mut cut = vec![false; le - ls];
                for &(_, s, e) in here.iter().filter(|h| h.0 == t) {
                    cut[s - ls..e - ls].iter_mut().for_each(|c| *c = true);
                }
                if !cut.contains(&true) {
                    continue;
                }
                // The cut technique goes, and so does any other whose spans were mostly cut.
                let mut bits = gold.bits() & !(1 << t.index());
                for t2 in gold.iter().filter(|&t2| t2 != t) {
                    let (total, gone) = here
                        .iter()
                        .filter(|h| h.0 == t2)
                        .flat_map(|&(_, s, e)| s..e)
                        .fold((0, 0), |(n, g), k| (n + 1, g + usize::from(cut[k - ls])));
                    if total > 0 && gone * 2 >= total {
                        bits &= !(1 << t2.index());
                    }
                }
                let text: String = chars[ls..le]
                    .iter()
                    .zip(&cut)
                    .map(|(&c, &x)| if x { ' ' } else { c })
                    .collect();
                if !text.trim().is_empty() {
                    out.push(ContrastExample {
                        article: ai,
                        line: *line,
                        text,
                        bits,
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsprism_core::{Article, LabelSet, Lang};

    #[test]
    fn cuts_each_techniques_span_and_drops_its_label() {
        let dir = std::env::temp_dir().join(format!("np-spans-{}", std::process::id()));
        let arts = dir.join("en/articles");
        std::fs::create_dir_all(&arts).unwrap();
        let text = "Title here\n\nThese traitors will ruin us all, the mayor said.\n";
        std::fs::write(arts.join("article7.txt"), text).unwrap();
        // "traitors" is Name calling; "ruin us all" Appeal to fear; offsets in characters.
        let nc = text.find("traitors").unwrap();
        let fear = text.find("ruin us all").unwrap();
        std::fs::write(
            dir.join("en/spans-subtask-3.txt"),
            format!(
                "7\tName_Calling-Labeling\t{}\t{}\n7\tAppeal_to_Fear-Prejudice\t{}\t{}\nbad row\n",
                nc,
                nc + 8,
                fear,
                fear + 11
            ),
        )
        .unwrap();
        let gold =
            LabelSet::<Technique>::parse_list("Name_Calling-Labeling,Appeal_to_Fear-Prejudice")
                .unwrap();
        let a = LabelledArticle {
            article: Article {
                id: "7".into(),
                path: arts.join("article7.txt").to_string_lossy().into_owned(),
                lines: text.lines().map(String::from).collect(),
                ..Article::default()
            },
            lang: Lang::EN,
            genre: None,
            frames: None,
            techniques: vec![(3, gold)],
        };
        let ex = contrast_examples(&[&a]);
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(ex.len(), 2);
        let nc_bit = 1
            << Technique::from_name("Name_Calling-Labeling")
                .unwrap()
                .index();
        let fear_bit = 1
            << Technique::from_name("Appeal_to_Fear-Prejudice")
                .unwrap()
                .index();
        let no_nc = ex.iter().find(|e| !e.text.contains("traitors")).unwrap();
        assert!(no_nc.text.contains("ruin us all") && no_nc.text.contains("the mayor said"));
        assert_eq!(no_nc.bits, fear_bit);
        let no_fear = ex.iter().find(|e| !e.text.contains("ruin")).unwrap();
        assert!(no_fear.text.contains("traitors"));
        assert_eq!(no_fear.bits, nc_bit);
        assert!(ex.iter().all(|e| e.line == 3 && e.article == 0));
    }
}
