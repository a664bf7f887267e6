//! The `newsprism` binary end to end: formats, exit codes and per-item errors.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsprism"))
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn run(cmd: &mut Command) -> Output {
    cmd.stdin(Stdio::null()).output().expect("run newsprism")
}

fn jsonl(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn analyze_examples_as_jsonl() {
    let out = run(bin()
        .args(["analyze", "--format", "jsonl"])
        .arg(examples().join("articles"))
        .arg(examples().join("batch.jsonl")));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let items = jsonl(&out);
    assert_eq!(items.len(), 6, "4 text files + 2 JSONL records");
    for a in &items {
        for key in [
            "id",
            "path",
            "lang",
            "title",
            "genre",
            "frames",
            "paragraphs",
        ] {
            assert!(a.get(key).is_some(), "missing {key} in {a}");
        }
        let g = a["genre"]["label"].as_str().unwrap();
        assert!(["opinion", "reporting", "satire"].contains(&g));
    }
    let by_id = |id: &str| items.iter().find(|a| a["id"] == id).unwrap();
    let fr = by_id("port-tribune");
    assert_eq!(fr["lang"]["code"], "fr");
    // Lines keep their numbers: title is line 1, the blank line 2 is not listed.
    let lines: Vec<u64> = fr["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, vec![1, 3, 5, 7, 9, 11]);
    assert_eq!(by_id("ru-1")["lang"]["code"], "ru");
    assert_eq!(by_id("de-1")["source"], "Stadtbote");
}

#[test]
fn json_is_one_array_and_table_is_readable() {
    let f = examples().join("articles/harbour-opinion.en.txt");
    let out = run(bin().args(["analyze", "--format", "json"]).arg(&f));
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    let out = run(bin().args(["analyze", "--format", "table"]).arg(&f));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("genre:") && text.contains("harbour-opinion"),
        "{text}"
    );
}

#[test]
fn semeval_submission_files() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(bin()
        .args(["analyze", "--format", "semeval", "--out"])
        .arg(tmp.path())
        .arg(examples().join("articles")));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s1 = std::fs::read_to_string(tmp.path().join("subtask-1.txt")).unwrap();
    assert_eq!(s1.lines().count(), 4);
    assert!(s1.lines().all(|l| l.split('\t').count() == 2));
    let s3 = std::fs::read_to_string(tmp.path().join("subtask-3.txt")).unwrap();
    // One row per non-empty line of every article: 6 + 5 + 5 + 6.
    assert_eq!(s3.lines().count(), 22);
    assert!(s3.lines().all(|l| l.split('\t').count() == 3));
    // Without --out it is a usage problem, not a crash.
    let out = run(bin()
        .args(["analyze", "--format", "semeval"])
        .arg(examples()));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn bad_inputs_are_reported_and_the_rest_processed() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::write(
        d.join("good.txt"),
        "Title\n\nA perfectly normal paragraph about the weather.\n",
    )
    .unwrap();
    std::fs::write(d.join("binary.txt"), b"\x00\x01\x02\x03garbage\x00").unwrap();
    std::fs::write(d.join("empty.txt"), b"").unwrap();
    std::fs::write(
        d.join("lines.jsonl"),
        "{\"id\": 1, \"text\": \"Fine.\"}\n{broken\n",
    )
    .unwrap();
    let out = run(bin()
        .args(["analyze", "--format", "jsonl"])
        .arg(d)
        .arg(d.join("missing.txt")));
    assert_eq!(out.status.code(), Some(3), "partial failure exit code");
    assert_eq!(jsonl(&out).len(), 2, "good.txt and the good JSONL line");
    let err = String::from_utf8_lossy(&out.stderr);
    for needle in [
        "binary.txt",
        "empty.txt",
        "lines.jsonl:2",
        "missing.txt",
        "binary data",
        "malformed JSON",
    ] {
        assert!(err.contains(needle), "stderr lacks {needle:?}: {err}");
    }

    // Nothing readable at all: fatal.
    let out = run(bin().args(["analyze"]).arg(d.join("empty.txt")));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn stdin_and_usage_errors() {
    let mut child = bin()
        .args(["analyze", "--format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(
                "Le gouvernement a annoncé mardi de nouvelles mesures contre la hausse des prix.\n"
                    .as_bytes(),
            )
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let items = jsonl(&out);
    assert_eq!(items[0]["id"], "stdin");
    assert_eq!(items[0]["lang"]["code"], "fr");

    let out = run(bin().args(["analyze", "--format", "xml", "x.txt"]));
    assert_eq!(out.status.code(), Some(2));
    let out = run(bin()
        .args(["analyze", "--model"])
        .arg(examples().join("batch.jsonl"))
        .arg(examples()));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a newsprism model"));
}

#[test]
fn languages_without_training_data_still_work() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("more.jsonl");
    let lines = [
        r#"{"id":"es","text":"El Gobierno anunció el martes nuevas medidas para frenar la subida de los precios, pero los críticos dicen que llegan demasiado tarde."}"#,
        r#"{"id":"el","text":"Η κυβέρνηση ανακοίνωσε την Τρίτη νέα μέτρα για να περιορίσει την αύξηση των τιμών, αλλά οι επικριτές λένε ότι ήρθαν πολύ αργά."}"#,
        r#"{"id":"ka","text":"მთავრობამ სამშაბათს ფასების ზრდის შესაჩერებლად ახალი ზომები გამოაცხადა, თუმცა კრიტიკოსები ამბობენ, რომ ეს ძალიან გვიანია."}"#,
    ];
    std::fs::write(&f, lines.join("\n")).unwrap();
    let out = run(bin().args(["analyze", "--format", "jsonl"]).arg(&f));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let items = jsonl(&out);
    assert_eq!(items.len(), 3);
    for a in &items {
        assert_eq!(a["lang"]["code"], a["id"], "{a}");
        assert_eq!(a["paragraphs"].as_array().unwrap().len(), 1);
    }
}

#[test]
fn huge_single_line_article_is_bounded() {
    // 8 MB on one line: analysed (capped internally), not an out-of-memory or a hang.
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("huge.txt");
    let line = "The regime's shameful lies will never silence the brave people of this city. "
        .repeat(100_000);
    std::fs::write(&f, format!("Huge\n\n{line}\n")).unwrap();
    let t = std::time::Instant::now();
    let out = run(bin().args(["analyze", "--format", "jsonl"]).arg(&f));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let items = jsonl(&out);
    assert_eq!(items[0]["paragraphs"].as_array().unwrap().len(), 2);
    assert!(t.elapsed().as_secs() < 60, "took {:?}", t.elapsed());
}

#[test]
fn cues_are_telling_words_not_function_words() {
    let out = run(bin()
        .args(["analyze", "--format", "jsonl"])
        .arg(examples().join("articles")));
    assert!(out.status.success());
    let stop = [
        "the", "this", "of", "and", "a", "to", "in", "their", "de", "du", "la", "le", "les", "et",
        "une", "un", "des",
    ];
    let mut cues = 0;
    for a in jsonl(&out) {
        for p in a["paragraphs"].as_array().unwrap() {
            for t in p["techniques"].as_array().unwrap() {
                for c in t["cues"].as_array().unwrap() {
                    let c = c.as_str().unwrap();
                    cues += 1;
                    assert!(
                        !stop.contains(&c),
                        "function word {c:?} given as a cue in {a}"
                    );
                }
            }
        }
    }
    assert!(
        cues > 10,
        "the opinion examples should have cued techniques"
    );
}
