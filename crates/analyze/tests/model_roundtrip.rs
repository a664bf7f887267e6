//! End to end on a small invented dataset: train, save, load, analyse, evaluate.

use newsprism_analyze::evaluate::evaluate;
use newsprism_analyze::{train, Model, ModelError, TrainOptions};
use newsprism_core::Article;

mod common;
use common::dataset;

#[test]
fn train_save_load_analyse() {
    let tmp = tempfile::tempdir().unwrap();
    dataset(tmp.path());
    let ds = newsprism_ingest::dataset::load(tmp.path()).unwrap();
    assert_eq!(ds.articles.len(), 40);
    let mut opts = TrainOptions::default();
    opts.features.bits = 12;
    opts.folds = 3;
    opts.min_positives = 5;
    let (model, scores) = train(&ds, &opts, &|_| {});
    assert!(scores.mean.subtask3_micro_f1 > 0.9, "{scores:?}");
    assert!(scores.mean.subtask1_macro_f1 > 0.9, "{scores:?}");

    let path = tmp.path().join("m.model");
    model.save(&path).unwrap();
    let loaded = Model::load(&path).unwrap();
    let article = Article {
        id: "x".into(),
        path: "x.txt".into(),
        title: Some("Crime wave shows the mayor has failed".into()),
        title_is_line_1: true,
        lines: vec![
            "Crime wave shows the mayor has failed".into(),
            String::new(),
            "These traitors and their disgraceful lies are a disgrace to the nation.".into(),
            "Everyone knows the mayor has failed.".into(),
        ],
        ..Article::default()
    };
    let a = model.analyze(&article);
    let b = loaded.analyze(&article);
    assert_eq!(
        a, b,
        "a saved and reloaded model must give identical results"
    );
    assert_eq!(a.lang.code.map(|l| l.to_string()).as_deref(), Some("en"));
    assert_eq!(a.genre.label, "opinion");
    assert_eq!(
        a.paragraphs.iter().map(|p| p.line).collect::<Vec<_>>(),
        vec![1, 3, 4]
    );
    let p3 = &a.paragraphs[1];
    let labels: Vec<&str> = p3.techniques.iter().map(|t| t.label.as_str()).collect();
    assert!(labels.contains(&"Name_Calling-Labeling"), "{labels:?}");
    let cues = &p3.techniques[0].cues;
    assert!(
        cues.iter()
            .any(|c| c.contains("traitor") || c.contains("disgrace")),
        "cues should name the telling words: {cues:?}"
    );
    assert!(
        a.paragraphs[2].techniques.is_empty(),
        "{:?}",
        a.paragraphs[2]
    );

    // The evaluation path scores the same folder through `analyze`.
    let s = evaluate(&loaded, &ds);
    assert!(s.mean.subtask3_micro_f1 > 0.9, "{s:?}");
}

#[test]
fn stacked_heads_round_trip() {
    let tmp = tempfile::tempdir().unwrap();
    dataset(tmp.path());
    let ds = newsprism_ingest::dataset::load(tmp.path()).unwrap();
    let mut opts = TrainOptions::default();
    opts.features.bits = 10;
    opts.folds = 2;
    opts.stacking = true;
    opts.genre_stacking = true;
    let (model, _) = train(&ds, &opts, &|_| {});
    assert!(model.meta.stacked && model.meta.genre_stacked);
    let loaded = Model::from_bytes(&model.to_bytes(), "mem").unwrap();
    for a in &ds.articles[..5] {
        assert_eq!(model.analyze(&a.article), loaded.analyze(&a.article));
    }
    let s = evaluate(&loaded, &ds);
    assert!(s.mean.subtask3_micro_f1 > 0.8, "{s:?}");
}

#[test]
fn bad_model_files_are_errors_not_panics() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("bad.model");
    std::fs::write(&p, b"definitely not a model").unwrap();
    assert!(matches!(Model::load(&p), Err(ModelError::NotAModel(_))));
    let missing = tmp.path().join("missing.model");
    let e = Model::load(&missing).err().unwrap();
    assert!(e.to_string().contains("missing.model"), "{e}");

    // A real model cut short must be reported as corrupt.
    dataset(tmp.path());
    let ds = newsprism_ingest::dataset::load(tmp.path()).unwrap();
    let mut opts = TrainOptions::default();
    opts.features.bits = 10;
    opts.folds = 2;
    let (model, _) = train(&ds, &opts, &|_| {});
    let bytes = model.to_bytes();
    for cut in [12, 20, bytes.len() / 2, bytes.len() - 1] {
        let r = Model::from_bytes(&bytes[..cut], "cut");
        assert!(matches!(r, Err(ModelError::Corrupt { .. })), "cut at {cut}");
    }
    let mut wrong_version = bytes.clone();
    wrong_version[7] = 99;
    assert!(matches!(
        Model::from_bytes(&wrong_version, "v"),
        Err(ModelError::Version { found: 99, .. })
    ));
}
