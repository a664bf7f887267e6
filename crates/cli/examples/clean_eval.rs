//! Line-level quality of the chrome cleaner, and of provenance, on labelled scraped-text dumps.
//!
//! ```text
//! cargo run --release -p newsprism --example clean_eval -- crates/clean/tests/labelled [--verbose]
//! ```
//!
//! Each dump is a `NAME.LANG.tsv` file: every line of the scraped text written as
//! `LABEL<TAB>text`, an empty line as an empty line. Labels: `A` article content that must stay,
//! `C` chrome that must go, `M` metadata or provenance (datelines, bylines, captions, "Source:",
//! "translated by") that may go or stay. Beside it, `NAME.LANG.expect.json` says what a careful
//! reader gets from the page: `author`, `published` (YYYY-MM-DD), `source`, `original_outlet`,
//! `republished`, `translated` (null or false when the page does not say). Names are compared
//! as lower-cased words; an outlet written with its initials in brackets matches either part
//! ("AOAI (Agence ouest-africaine d'information)" and "AOAI").
//!
//! The dumps go through what `newsprism extract DIR` does to one batch's folder: the text reader,
//! then one cleaner batch per folder (given a parent of several batches, each is still cleaned
//! alone, so the pooled figures are those of the batches one by one). Printed: per dump and pooled, chrome lines removed (recall),
//! removals that were chrome (precision), article lines lost, and per provenance field how many
//! dumps came out as expected. `--verbose` lists every wrong line and field; `--show` prints
//! every line with its label and the cleaner's reason (`!!` marks a mistake).

use std::path::{Path, PathBuf};

use newsprism_core::Article;
use serde_json::Value;

#[derive(Clone, Copy, PartialEq)]
enum Label {
    Article,
    Chrome,
    Meta,
    Blank,
}

struct Dump {
    name: String,
    /// The folder the dump sits in (a labelled batch), for per-line exports.
    group: String,
    labels: Vec<Label>,
    text: String,
    expect: Option<Value>,
}

fn read_dump(path: &Path) -> Result<Dump, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut labels = Vec::new();
    let mut text = String::new();
    for (i, line) in raw.lines().enumerate() {
        let (label, body) = if line.trim().is_empty() {
            (Label::Blank, "")
        } else {
            let (l, body) = line.split_once('\t').ok_or_else(|| {
                format!(
                    "{}:{}: no LABEL<TAB> before the text",
                    path.display(),
                    i + 1
                )
            })?;
            let label = match l.trim() {
                "A" => Label::Article,
                "C" => Label::Chrome,
                "M" => Label::Meta,
                other => {
                    return Err(format!(
                        "{}:{}: unknown label `{other}` (A, C or M)",
                        path.display(),
                        i + 1
                    ))
                }
            };
            (label, body)
        };
        labels.push(label);
        text.push_str(body);
        text.push('\n');
    }
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .trim_end_matches(".tsv")
        .to_string();
    let expect_path = path.with_file_name(format!("{name}.expect.json"));
    let expect = match std::fs::read_to_string(&expect_path) {
        Ok(s) => {
            Some(serde_json::from_str(&s).map_err(|e| format!("{}: {e}", expect_path.display()))?)
        }
        Err(_) => None,
    };
    let group = path
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string();
    Ok(Dump {
        name,
        group,
        labels,
        text,
        expect,
    })
}

fn tsv_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        eprintln!("clean_eval: cannot read {}", dir.display());
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            tsv_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "tsv") {
            out.push(p);
        }
    }
}

/// Lower-cased words only, so "AFP" matches "afp" and "Le Monde," matches "le monde".
fn norm(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Default, Clone, Copy)]
struct Counts {
    chrome: usize,
    chrome_removed: usize,
    article: usize,
    article_removed: usize,
    meta: usize,
    meta_removed: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.chrome += o.chrome;
        self.chrome_removed += o.chrome_removed;
        self.article += o.article;
        self.article_removed += o.article_removed;
        self.meta += o.meta;
        self.meta_removed += o.meta_removed;
    }
    fn recall(&self) -> f64 {
        self.chrome_removed as f64 / self.chrome.max(1) as f64
    }
    fn precision(&self) -> f64 {
        let wrong = self.article_removed;
        self.chrome_removed as f64 / (self.chrome_removed + wrong).max(1) as f64
    }
}

const FIELDS: [&str; 6] = [
    "author",
    "published",
    "source",
    "original_outlet",
    "republished",
    "translated",
];

fn got_field(a: &Article, field: &str) -> Value {
    let attr = a.attribution.clone().unwrap_or_default();
    let s = |v: Option<String>| v.map(Value::String).unwrap_or(Value::Null);
    match field {
        "author" => s(a.author.clone()),
        "published" => s(a.published.as_ref().map(|p| p.chars().take(10).collect())),
        "source" => s(attr.source),
        "original_outlet" => s(attr.original_outlet),
        "republished" => Value::Bool(attr.republished),
        "translated" => Value::Bool(attr.translated),
        _ => Value::Null,
    }
}

fn same(want: &Value, got: &Value) -> bool {
    match (want, got) {
        (Value::Null, Value::Null) => true,
        (Value::Bool(w), Value::Bool(g)) => w == g,
        (Value::Null, Value::Bool(g)) => !g,
        // "AOAI" for "AOAI (Agence ouest-africaine d'information)": an agency's initials or its
        // name alone is the same outlet as both together.
        (Value::String(w), Value::String(g)) => {
            // "Tom Hadley and Priya Natarajan" and "Tom Hadley, Priya Natarajan" name the same
            // writers: the words that join names are left out.
            let forms = |s: &str| {
                let s = [" and ", " et ", " und ", " e ", " y ", " i ", " и ", " & "]
                    .iter()
                    .fold(s.to_string(), |s, j| s.replace(j, ", "));
                let s = s.as_str();
                let mut v = vec![norm(s)];
                if let Some((head, rest)) = s.split_once('(') {
                    v.push(norm(head));
                    v.push(norm(rest.split(')').next().unwrap_or("")));
                }
                v.retain(|x| !x.is_empty());
                v
            };
            let (fw, fg) = (forms(w), forms(g));
            fw.iter().any(|x| fg.contains(x))
        }
        _ => false,
    }
}

/// The dumps through the text reader, then one cleaner batch per folder (as `newsprism extract
/// DIR` would clean one batch's folder; pooling sibling batches would let one batch's pages
/// repeat lines of another's, a site they do not share); dumps the reader refuses are reported
/// and left out. The dumps come back grouped by folder, in folder order.
fn read_and_clean<'a>(
    dumps: Vec<&'a Dump>,
    opts: &newsprism_clean::CleanOptions,
) -> (Vec<&'a Dump>, Vec<Article>) {
    let mut articles = Vec::new();
    let mut kept = Vec::new();
    for d in dumps {
        let name = format!("{}.txt", d.name);
        let read = newsprism_ingest::read_bytes_as(
            &name,
            &d.name,
            d.text.as_bytes(),
            Some(newsprism_ingest::Format::Text),
            None,
            None,
        );
        match read.into_iter().next() {
            Some(Ok(a)) => {
                articles.push(a);
                kept.push(d);
            }
            Some(Err(e)) => eprintln!("clean_eval: skipped {}: {e}", d.name),
            None => eprintln!("clean_eval: skipped {}: no article", d.name),
        }
    }
    let mut groups: Vec<&str> = kept.iter().map(|d| d.group.as_str()).collect();
    groups.sort_unstable();
    groups.dedup();
    let mut pairs: Vec<(&Dump, Article)> = kept.into_iter().zip(articles).collect();
    let (mut kept, mut out) = (Vec::new(), Vec::new());
    for g in groups {
        let (mine, rest): (Vec<_>, Vec<_>) = pairs.into_iter().partition(|(d, _)| d.group == g);
        pairs = rest;
        let (dumps, mut batch): (Vec<&Dump>, Vec<Article>) = mine.into_iter().unzip();
        newsprism_clean::clean_batch(&mut batch, opts);
        kept.extend(dumps);
        out.extend(batch);
    }
    (kept, out)
}

/// A labelled dump's lines the rules keep, as the line model reads them.
struct PageExample {
    group: String,
    /// The dump's name and its lines' texts (in `page.lines` order), for listing mistakes.
    name: String,
    texts: Vec<String>,
    page: newsprism_clean::line_model::LabelledPage,
    kinds: Vec<Label>,
}

fn page_examples(dumps: &[Dump]) -> Vec<PageExample> {
    let rules_only = newsprism_clean::CleanOptions {
        line_model: false,
        ..Default::default()
    };
    let mut out = Vec::new();
    // Each folder is one cleaner batch, as the folders are scored (`read_and_clean`).
    let (kept, articles) = read_and_clean(dumps.iter().collect(), &rules_only);
    let mut groups: Vec<&str> = kept.iter().map(|d| d.group.as_str()).collect();
    groups.sort_unstable();
    groups.dedup();
    for (d, a) in kept.iter().zip(&articles) {
        let lines = newsprism_clean::line_model::kept_lines(a);
        let kinds: Vec<Label> = lines
            .iter()
            .map(|l| d.labels.get(l.line).copied().unwrap_or(Label::Blank))
            .collect();
        let labels = kinds
            .iter()
            .map(|k| match k {
                Label::Chrome => Some(true),
                Label::Article => Some(false),
                Label::Meta | Label::Blank => None,
            })
            .collect();
        out.push(PageExample {
            group: d.group.clone(),
            name: d.name.clone(),
            texts: lines.iter().map(|l| a.lines[l.line].clone()).collect(),
            page: newsprism_clean::line_model::LabelledPage {
                group: groups.iter().position(|g| *g == d.group).unwrap_or(0),
                lines,
                labels,
            },
            kinds,
        });
    }
    out
}

/// Trains the line model on the lines the rules keep in every folder (article lines against
/// chrome lines; metadata lines may go or stay, so they teach nothing), prints how it does on
/// folders it was not trained on (11 folds of whole folders), and writes the model trained on
/// all of them to `out`.
fn train_line_model(dumps: &[Dump], out: &Path, threshold: f32, verbose: bool) {
    use newsprism_clean::line_model;
    let ex = page_examples(dumps);
    let n_groups = ex.iter().map(|e| e.page.group + 1).max().unwrap_or(0);
    const FOLDS: usize = 11;
    // Pages of the folds `keep` takes (the model learns from copies: the pages stay here).
    let training = |keep: &dyn Fn(usize) -> bool| -> Vec<line_model::LabelledPage> {
        ex.iter()
            .filter(|e| keep(e.page.group % FOLDS))
            .map(|e| line_model::LabelledPage {
                group: e.page.group,
                lines: e.page.lines.clone(),
                labels: e.page.labels.clone(),
            })
            .collect()
    };
    // Cross-validated second-stage scores, and first-stage ones for comparison.
    let mut scores: Vec<Vec<(f32, f32)>> = ex.iter().map(|_| Vec::new()).collect();
    for k in 0..FOLDS.min(n_groups) {
        let m = line_model::train(&training(&|f| f != k), threshold);
        for (e, s) in ex.iter().zip(&mut scores) {
            if e.page.group % FOLDS == k {
                let page = m.score_page(&e.page.lines);
                *s = page.second.into_iter().zip(page.first).collect();
            }
        }
    }
    let lines = || {
        ex.iter()
            .zip(&scores)
            .flat_map(|(e, s)| e.kinds.iter().zip(s).map(move |(k, p)| (e, *k, *p)))
    };
    let count = |label: Label| lines().filter(|(_, k, _)| *k == label).count();
    println!(
        "{n_groups} folders; lines the rules keep: {} article, {} chrome, {} metadata",
        count(Label::Article),
        count(Label::Chrome),
        count(Label::Meta)
    );
    println!(
        "cross-validated ({FOLDS} folds of whole folders): lines the model would remove \
         (first stage alone in brackets)"
    );
    println!(
        "{:>9} {:>14} {:>14} {:>14}",
        "threshold", "chrome", "article", "metadata"
    );
    for t in [
        0.5f32, 0.7, 0.8, 0.85, 0.9, 0.92, 0.93, 0.94, 0.95, 0.96, 0.97, 0.98, 0.985, 0.99, 0.995,
    ] {
        let hit = |label: Label| {
            let both = lines().filter(|(_, k, _)| *k == label);
            let second = both.clone().filter(|(_, _, (p, _))| *p > t).count();
            let first = both.filter(|(_, _, (_, p))| *p > t).count();
            format!("{second} ({first})")
        };
        println!(
            "{t:>9.3} {:>14} {:>14} {:>14}",
            hit(Label::Chrome),
            hit(Label::Article),
            hit(Label::Meta)
        );
    }
    if verbose {
        println!("\narticle lines the model would remove at {threshold} (cross-validated):");
        for (e, s) in ex.iter().zip(&scores) {
            for (j, (p, _)) in s.iter().enumerate() {
                if e.kinds[j] == Label::Article && *p > threshold {
                    let line = e.page.lines[j].line + 1;
                    println!("  {p:.2} {}/{}:{line} {}", e.group, e.name, e.texts[j]);
                }
            }
        }
    }
    let all = training(&|_| true);
    let m = line_model::train(&all, threshold);
    if let Err(e) = std::fs::write(out, m.to_bytes()) {
        eprintln!("clean_eval: cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
    println!(
        "wrote {} (threshold {threshold}, trained on {} pages); {}",
        out.display(),
        all.len(),
        if m.is_shipped() {
            "the same as the model built into this binary"
        } else {
            "NOT the model built into this binary: rebuild to use it"
        }
    );
}

fn main() {
    let mut dirs = Vec::new();
    let mut verbose = false;
    let mut show = false;
    let mut no_line_model = false;
    let mut train_to: Option<PathBuf> = None;
    // Without `--threshold`, the shipped model's own, so that `--train-line-model` alone
    // reproduces it (read only then: after a change of features the shipped file no longer
    // loads, and `--threshold` retrains without it).
    let mut threshold: Option<f32> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--no-line-model" {
            no_line_model = true;
        } else if a == "--train-line-model" {
            train_to = args.next().map(PathBuf::from);
        } else if a == "--threshold" {
            threshold = Some(
                args.next()
                    .and_then(|t| t.parse().ok())
                    .expect("--threshold takes a number"),
            );
        } else if a == "--verbose" || a == "-v" {
            verbose = true;
        } else if a == "--show" {
            show = true;
        } else {
            dirs.push(PathBuf::from(a));
        }
    }
    if dirs.is_empty() {
        eprintln!(
            "usage: clean_eval DIR... [--verbose] [--show] [--no-line-model] \\
       [--train-line-model FILE [--threshold P]]"
        );
        std::process::exit(2);
    }
    let mut files = Vec::new();
    for d in &dirs {
        tsv_files(d, &mut files);
    }
    files.sort();
    let mut dumps = Vec::new();
    for f in &files {
        match read_dump(f) {
            Ok(d) => dumps.push(d),
            Err(e) => eprintln!("clean_eval: skipped {e}"),
        }
    }
    if dumps.is_empty() {
        eprintln!("clean_eval: no labelled dumps (*.tsv) found");
        std::process::exit(1);
    }
    let opts = newsprism_clean::CleanOptions {
        line_model: !no_line_model,
        ..Default::default()
    };
    if let Some(out) = train_to {
        let threshold = threshold
            .unwrap_or_else(|| newsprism_clean::line_model::LineModel::shipped().threshold);
        train_line_model(&dumps, &out, threshold, verbose);
        return;
    }
    // The text reader, as for a `.txt` file, then one cleaner batch per folder.
    let (kept, articles) = read_and_clean(dumps.iter().collect(), &opts);
    println!(
        "{:<44} {:>5} {:>5} {:>5}  {:>7} {:>9} {:>9}  provenance",
        "dump", "A", "C", "M", "C gone", "A lost", "M gone"
    );
    let mut total = Counts::default();
    let mut field_ok = [0usize; FIELDS.len()];
    let mut field_n = [0usize; FIELDS.len()];
    let mut report = String::new();
    // `CLEAN_EVAL_LINES=FILE` writes every non-blank line as JSONL (folder, dump, line, label,
    // the cleaner's reason or null, text), for studying what the rules miss.
    let mut lines_out = std::env::var_os("CLEAN_EVAL_LINES").map(|p| {
        std::io::BufWriter::new(std::fs::File::create(&p).expect("CLEAN_EVAL_LINES: cannot create"))
    });
    for (d, a) in kept.iter().zip(&articles) {
        let removed: std::collections::HashMap<u32, &str> = a
            .removed
            .iter()
            .map(|r| (r.line, r.reason.as_str()))
            .collect();
        let mut c = Counts::default();
        if show {
            println!("== {}", d.name);
        }
        for (i, (label, line)) in d.labels.iter().zip(d.text.lines()).enumerate() {
            let gone = removed.get(&(i as u32 + 1));
            if let (Some(w), true) = (lines_out.as_mut(), *label != Label::Blank) {
                use std::io::Write;
                let l = match label {
                    Label::Article => "A",
                    Label::Chrome => "C",
                    _ => "M",
                };
                let row = serde_json::json!({
                    "group": d.group, "dump": d.name, "line": i + 1, "label": l,
                    "reason": gone.copied(), "text": line,
                });
                writeln!(w, "{row}").expect("CLEAN_EVAL_LINES: write failed");
            }
            if show && *label != Label::Blank {
                let l = match label {
                    Label::Article => 'A',
                    Label::Chrome => 'C',
                    _ => 'M',
                };
                let mark = match (label, gone) {
                    (Label::Chrome, None) | (Label::Article, Some(_)) => "!!",
                    _ => "  ",
                };
                println!(
                    "{mark}{:>3} {l} {:<24.24} {line}",
                    i + 1,
                    gone.copied().unwrap_or("-")
                );
            }
            match label {
                Label::Article => {
                    c.article += 1;
                    if let Some(reason) = gone {
                        c.article_removed += 1;
                        report.push_str(&format!(
                            "  {}:{} article line removed ({reason}): {line}\n",
                            d.name,
                            i + 1
                        ));
                    }
                }
                Label::Chrome => {
                    c.chrome += 1;
                    if gone.is_some() {
                        c.chrome_removed += 1;
                    } else {
                        report.push_str(&format!("  {}:{} chrome kept: {line}\n", d.name, i + 1));
                    }
                }
                Label::Meta => {
                    c.meta += 1;
                    c.meta_removed += usize::from(gone.is_some());
                }
                Label::Blank => {}
            }
        }
        let mut prov = String::new();
        if let Some(expect) = &d.expect {
            for (k, field) in FIELDS.iter().enumerate() {
                let want = expect.get(*field).cloned().unwrap_or(Value::Null);
                let got = got_field(a, field);
                field_n[k] += 1;
                if same(&want, &got) {
                    field_ok[k] += 1;
                } else {
                    prov.push_str(&format!(" {field}"));
                    report.push_str(&format!(
                        "  {}: {field} expected {want}, got {got}\n",
                        d.name
                    ));
                }
            }
        }
        println!(
            "{:<44} {:>5} {:>5} {:>5}  {:>3}/{:<3} {:>4}/{:<4} {:>4}/{:<4} {}",
            d.name,
            c.article,
            c.chrome,
            c.meta,
            c.chrome_removed,
            c.chrome,
            c.article_removed,
            c.article,
            c.meta_removed,
            c.meta,
            if prov.is_empty() {
                "ok".to_string()
            } else {
                format!("wrong:{prov}")
            }
        );
        total.add(&c);
    }
    println!();
    println!(
        "{} dumps: chrome lines removed {}/{} (recall {:.3}); removals that were chrome {:.3} (precision); article lines lost {}/{} ({:.1} %); metadata lines removed {}/{}",
        kept.len(),
        total.chrome_removed,
        total.chrome,
        total.recall(),
        total.precision(),
        total.article_removed,
        total.article,
        100.0 * total.article_removed as f64 / total.article.max(1) as f64,
        total.meta_removed,
        total.meta
    );
    let fields: Vec<String> = FIELDS
        .iter()
        .enumerate()
        .filter(|(k, _)| field_n[*k] > 0)
        .map(|(k, f)| format!("{f} {}/{}", field_ok[k], field_n[k]))
        .collect();
    if !fields.is_empty() {
        println!("provenance as expected: {}", fields.join(", "));
    }
    if verbose && !report.is_empty() {
        println!("\nerrors:\n{report}");
    }
}
