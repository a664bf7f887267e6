//! Labelled SemEval-2023 Task 3 folders, for training and evaluation.
//!
//! Two layouts are accepted, as the task released them and as `shared/data` holds them:
//!
//! ```text
//! <root>/<lang>/articles/article<ID>.txt        <root>/<lang>/train-articles-subtask-3/article<ID>.txt
//! <root>/<lang>/labels-subtask-{1,2,3}.txt      <root>/<lang>/train-labels-subtask-{1,2,3}.txt
//! ```
//!
//! `<root>` may also be a single language folder. Language folders `ge`/`po` mean de/pl.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use newsprism_core::{Article, Frame, Genre, Label, LabelSet, Lang, Technique};

use crate::sources::{is_label_file, lang_from_folder};
use crate::text::read_text;
use crate::{IngestError, Problem, Source};

/// An article with whatever gold labels the folder has for it.
#[derive(Clone, Debug)]
pub struct LabelledArticle {
    pub article: Article,
    pub lang: Lang,
    pub genre: Option<Genre>,
    pub frames: Option<LabelSet<Frame>>,
    /// Annotated lines (1-based, ascending) with their gold techniques; unlisted lines were not
    /// annotated and are not scored.
    pub techniques: Vec<(u32, LabelSet<Technique>)>,
}

/// A labelled folder: the articles, plus the problems met while reading it (bad files, unknown
/// labels), which callers print rather than lose.
#[derive(Debug, Default)]
pub struct Dataset {
    pub articles: Vec<LabelledArticle>,
    pub problems: Vec<IngestError>,
}

impl Dataset {
    pub fn languages(&self) -> Vec<Lang> {
        let mut v: Vec<Lang> = self.articles.iter().map(|a| a.lang).collect();
        v.sort();
        v.dedup();
        v
    }
}

/// Whether `dir` looks like a labelled task folder (root or single language).
pub fn is_dataset(dir: &Path) -> bool {
    !language_dirs(dir).is_empty()
}

fn language_dirs(dir: &Path) -> Vec<(PathBuf, Lang)> {
    let has_labels = |d: &Path| {
        std::fs::read_dir(d)
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .any(|e| label_kind(&e.file_name().to_string_lossy()).is_some())
            })
            .unwrap_or(false)
    };
    let name_lang = |d: &Path| {
        d.file_name()
            .and_then(|n| n.to_str())
            .and_then(lang_from_folder)
    };
    if has_labels(dir) {
        if let Some(l) = name_lang(dir) {
            return vec![(dir.to_path_buf(), l)];
        }
    }
    let mut out: Vec<(PathBuf, Lang)> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_dir() && has_labels(p))
                .filter_map(|p| name_lang(&p).map(|l| (p, l)))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Which subtask a label file is for (1, 2 or 3), from its name.
fn label_kind(name: &str) -> Option<u8> {
    let n = name.to_ascii_lowercase();
    if n.starts_with("template") || !n.ends_with(".txt") {
        return None;
    }
    ["1", "2", "3"]
        .iter()
        .find(|k| n.ends_with(&format!("labels-subtask-{k}.txt")))
        .map(|k| k.as_bytes()[0] - b'0')
}

/// Loads a labelled folder. Fails only when the folder has no language folder with labels.
pub fn load(dir: &Path) -> Result<Dataset, IngestError> {
    let langs = language_dirs(dir);
    if langs.is_empty() {
        return Err(IngestError::new(
            dir.display().to_string(),
            Problem::Other(
                "not a labelled SemEval-2023 Task 3 folder (expected <lang>/articles/ and <lang>/labels-subtask-N.txt)"
                    .into(),
            ),
        ));
    }
    let mut ds = Dataset::default();
    for (ldir, lang) in langs {
        load_language(&ldir, lang, &mut ds);
    }
    Ok(ds)
}

fn load_language(dir: &Path, lang: Lang, ds: &mut Dataset) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    entries.sort();
    let mut genres: HashMap<String, Genre> = HashMap::new();
    let mut frames: HashMap<String, LabelSet<Frame>> = HashMap::new();
    let mut techs: HashMap<String, BTreeMap<u32, LabelSet<Technique>>> = HashMap::new();
    // Articles by id; the original layout repeats the same articles in one folder per subtask.
    let mut articles: BTreeMap<String, Article> = BTreeMap::new();
    for path in &entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() && name.contains("articles") {
            let mut files: Vec<PathBuf> = std::fs::read_dir(path)
                .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
                .unwrap_or_default();
            files.sort();
            for f in files {
                let fname = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
                if !fname.ends_with(".txt") || is_label_file(fname) {
                    continue;
                }
                let src = Source::File {
                    path: f.clone(),
                    lang_hint: Some(lang),
                };
                let res = src
                    .read_bytes()
                    .and_then(|b| read_text(&src, &src.display(), &b));
                match res {
                    Ok(a) => {
                        articles.entry(a.id.clone()).or_insert(a);
                    }
                    Err(e) => ds.problems.push(e),
                }
            }
            continue;
        }
        let Some(kind) = label_kind(name) else {
            continue;
        };
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                ds.problems
                    .push(IngestError::new(path.display().to_string(), Problem::Io(e)));
                continue;
            }
        };
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let item = || format!("{}:{}", path.display(), i + 1);
            let cols: Vec<&str> = line.split('\t').collect();
            let id = cols[0].trim().to_string();
            let res: Result<(), String> = match kind {
                1 => cols
                    .get(1)
                    .ok_or_else(|| "missing genre column".to_string())
                    .and_then(|g| Genre::from_name(g).ok_or_else(|| format!("unknown genre {g:?}")))
                    .map(|g| {
                        genres.insert(id, g);
                    }),
                2 => LabelSet::<Frame>::parse_list(cols.get(1).copied().unwrap_or(""))
                    .map_err(|e| e.to_string())
                    .map(|s| {
                        frames.insert(id, s);
                    }),
                _ => match cols.get(1).and_then(|l| l.trim().parse::<u32>().ok()) {
                    None => Err("missing or bad line number".to_string()),
                    Some(ln) => {
                        LabelSet::<Technique>::parse_list(cols.get(2).copied().unwrap_or(""))
                            .map_err(|e| e.to_string())
                            .map(|s| {
                                techs.entry(id).or_default().insert(ln, s);
                            })
                    }
                },
            };
            if let Err(msg) = res {
                ds.problems
                    .push(IngestError::new(item(), Problem::Other(msg)));
            }
        }
    }
    for (id, article) in articles {
        ds.articles.push(LabelledArticle {
            lang,
            genre: genres.get(&id).copied(),
            frames: frames.get(&id).copied(),
            techniques: techs
                .get(&id)
                .map(|m| m.iter().map(|(k, v)| (*k, *v)).collect())
                .unwrap_or_default(),
            article,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, rel: &str, text: &str) {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    #[test]
    fn reads_both_layouts() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        write(
            root,
            "en/articles/article1.txt",
            "Title\n\nBody one.\nBody two.\n",
        );
        write(root, "en/labels-subtask-1.txt", "1\topinion\n");
        write(root, "en/labels-subtask-2.txt", "1\tPolitical,Economic\n");
        write(
            root,
            "en/labels-subtask-3.txt",
            "1\t1\t\n1\t3\tLoaded_Language,Doubt\n",
        );
        write(
            root,
            "ge/train-articles-subtask-3/article7.txt",
            "Titel\n\nText.\n",
        );
        write(
            root,
            "ge/train-labels-subtask-3.txt",
            "7\t3\tSlogans\n7\t9\tBogus\n",
        );
        let ds = load(root).unwrap();
        assert_eq!(ds.articles.len(), 2);
        let de = ds.articles.iter().find(|a| a.lang == Lang::DE).unwrap();
        assert_eq!(de.article.id, "7");
        assert_eq!(de.techniques.len(), 1);
        assert_eq!(ds.problems.len(), 1, "the unknown label is reported");
        let en = ds.articles.iter().find(|a| a.lang == Lang::EN).unwrap();
        assert_eq!(en.genre, Some(Genre::Opinion));
        assert_eq!(en.frames.unwrap().len(), 2);
        assert_eq!(en.techniques[1].0, 3);
        assert!(en.techniques[1].1.contains(Technique::Doubt));
        assert!(en.techniques[0].1.is_empty());
        // A single language folder works too.
        assert_eq!(load(&root.join("en")).unwrap().articles.len(), 1);
        assert!(load(&root.join("en/articles")).is_err());
    }
}
