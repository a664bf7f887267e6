//! Reads the real shared training split when it is next to the checkout; skips otherwise.

use std::path::Path;

#[test]
fn shared_training_split_loads_completely() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/semeval2023-task3");
    if !dir.is_dir() {
        eprintln!("skipped: {} not present", dir.display());
        return;
    }
    let ds = newsprism_ingest::dataset::load(&dir).unwrap();
    assert!(
        ds.problems.is_empty(),
        "{:?}",
        &ds.problems[..ds.problems.len().min(5)]
    );
    assert_eq!(ds.languages().len(), 6);
    assert!(ds.articles.len() > 1000);
    let annotated: usize = ds.articles.iter().map(|a| a.techniques.len()).sum();
    assert!(annotated > 15_000, "{annotated}");
    // Annotated line numbers point into their articles (the release has a handful of labels past
    // the end of their file; those are scored as lines with no prediction, as the task's scorer does).
    let outside: usize = ds
        .articles
        .iter()
        .map(|a| {
            a.techniques
                .iter()
                .filter(|(l, _)| *l as usize > a.article.lines.len())
                .count()
        })
        .sum();
    assert!(
        outside * 100 < annotated,
        "{outside} of {annotated} annotated lines are past the end of their file"
    );
}
