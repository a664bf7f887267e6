//! `ingest`, `search` and `serve` end to end with the built-in model: idempotent re-runs,
//! JSON output, clear errors and exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsprism"))
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/browser/fixtures")
}

fn run(cmd: &mut Command) -> Output {
    cmd.stdin(Stdio::null()).output().expect("run newsprism")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn ingest_twice_then_search() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let out = run(bin()
        .args(["ingest", "--format", "jsonl", "--db"])
        .arg(&db)
        .arg(fixtures()));
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 6);
    assert!(lines.iter().all(|l| l["status"] == "stored"));

    // Same inputs again: nothing new.
    let out = run(bin().args(["ingest", "--db"]).arg(&db).arg(fixtures()));
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("stored 0 new"), "{text}");
    assert!(text.contains("6 input(s) already ingested"), "{text}");

    let out = run(bin()
        .args([
            "search", "harbours", "--format", "json", "--lang", "en", "--db",
        ])
        .arg(&db));
    assert!(out.status.success(), "{}", stderr(&out));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(r["total"].as_u64().unwrap() >= 3, "{r}");
    assert!(r["facets"]["outlet"].as_array().unwrap().len() >= 3);

    let out = run(bin().args(["search", "--facets", "--db"]).arg(&db));
    assert!(out.status.success());
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.starts_with("6 article(s) match"), "{table}");
    assert!(table.contains("language: en"), "{table}");

    let out = run(bin()
        .args(["search", "--from", "last-week", "--db"])
        .arg(&db));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("bad date"), "{}", stderr(&out));
}

#[test]
fn clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(bin()
        .args(["search", "x", "--db"])
        .arg(dir.path().join("missing")));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no newsprism store"),
        "{}",
        stderr(&out)
    );

    let out = run(bin()
        .args(["ingest", "--db"])
        .arg(dir.path().join("db"))
        .arg(dir.path().join("nope.txt")));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nope.txt"), "{}", stderr(&out));

    let bad = dir.path().join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"text\":\"A fine article about ports.\"}\n{broken\n",
    )
    .unwrap();
    let out = run(bin()
        .args(["ingest", "--db"])
        .arg(dir.path().join("db"))
        .arg(&bad));
    assert_eq!(out.status.code(), Some(3), "partial: {}", stderr(&out));
    assert!(stderr(&out).contains("bad.jsonl:2"), "{}", stderr(&out));

    for sub in ["ingest", "search", "serve"] {
        let out = run(bin().args([sub, "--help"]));
        assert!(out.status.success());
        assert!(String::from_utf8_lossy(&out.stdout).contains("--db"));
    }
}
