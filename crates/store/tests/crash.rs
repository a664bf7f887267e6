//! Crash safety: a writer killed with SIGKILL in the middle of an ingest loses nothing it
//! acknowledged, leaves nothing corrupt, and a rerun completes the job without duplicates.
//!
//! The test re-runs its own binary as the writer (`crash_child`, active only when
//! `NEWSPRISM_CRASH_CHILD` names a directory), reads its "ACK" lines, kills it, and checks.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use common::{analysis, new};
use newsprism_core::Lang;
use newsprism_store::{ArticleStore, EmbeddedStore, OpenMode, SearchQuery};

const TOTAL: usize = 400;
const BATCH: usize = 20;

fn article(i: usize) -> newsprism_store::NewArticle {
    let p1 = format!("Paragraph about topic{i} and the crashtest corpus.");
    let p2 = format!("Second paragraph number {i}, long enough to index.");
    new(analysis(
        &format!("c{i}"),
        Lang::EN,
        Some(if i.is_multiple_of(2) {
            "Even News"
        } else {
            "Odd Times"
        }),
        Some("2023-01-01"),
        &[&p1, &p2],
        &[Some("Loaded_Language"), None],
    ))
}

/// The writer process. Does nothing in a normal test run.
#[test]
fn crash_child() {
    let Ok(dir) = std::env::var("NEWSPRISM_CRASH_CHILD") else {
        return;
    };
    let store = EmbeddedStore::open(&dir, OpenMode::ReadWrite).unwrap();
    let out = std::io::stdout();
    for start in (0..TOTAL).step_by(BATCH) {
        let batch: Vec<_> = (start..(start + BATCH).min(TOTAL)).map(article).collect();
        let report = store.put_batch(&batch).unwrap();
        let mut o = out.lock();
        for r in &report.outcomes {
            writeln!(o, "ACK {}", r.id()).unwrap();
        }
        o.flush().unwrap();
        // Stands in for analysis time, so the parent's kill lands mid-run even on a loaded
        // machine (the remaining batches take far longer than delivering a signal).
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
}

fn run_child(dir: &std::path::Path, kill_after_acks: Option<usize>) -> Vec<String> {
    let exe = std::env::current_exe().unwrap();
    let mut child = Command::new(exe)
        .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
        .env("NEWSPRISM_CRASH_CHILD", dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut acked = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        // The harness may print "test crash_child ... " on the same line as the first ACK.
        if let Some(pos) = line.find("ACK ") {
            acked.push(line[pos + 4..].trim().to_string());
            if kill_after_acks.is_some_and(|n| acked.len() >= n) {
                child.kill().unwrap(); // SIGKILL on Unix
                break;
            }
        }
    }
    let status = child.wait().unwrap();
    if kill_after_acks.is_none() {
        assert!(status.success(), "writer failed: {status:?}");
    }
    acked
}

#[test]
fn kill_during_ingest_loses_nothing_acknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let acked = run_child(dir.path(), Some(3 * BATCH + 1));
    assert!(acked.len() > 3 * BATCH);
    {
        let store = EmbeddedStore::open(dir.path(), OpenMode::ReadWrite).unwrap();
        let stats = store.stats().unwrap();
        assert_eq!(stats.index_lag, 0, "index caught up on open");
        assert!(
            stats.articles >= acked.len(),
            "{} < {}",
            stats.articles,
            acked.len()
        );
        assert!(
            stats.articles < TOTAL,
            "the writer was killed before the end"
        );
        for id in &acked {
            let a = store
                .get(id)
                .unwrap()
                .expect("acknowledged article is stored");
            assert_eq!(a.analysis.paragraphs.len(), 2);
        }
        let r = store
            .search(&SearchQuery {
                q: "crashtest".into(),
                limit: 1,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(
            r.total, stats.articles,
            "every stored article is searchable"
        );
    }
    // Resume: the same job again completes it, with the first part reported as duplicates.
    let second = run_child(dir.path(), None);
    assert_eq!(second.len(), TOTAL);
    let store = EmbeddedStore::open(dir.path(), OpenMode::ReadOnly).unwrap();
    assert_eq!(store.stats().unwrap().articles, TOTAL);
    let all = store
        .search(&SearchQuery {
            q: "crashtest".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(all.total, TOTAL);
    let even = all
        .facets
        .outlet
        .iter()
        .find(|f| f.value == "Even News")
        .unwrap();
    assert_eq!(even.count, TOTAL / 2);
}
