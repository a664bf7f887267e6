//! End to end on a small invented dataset: train, save, load, analyse, evaluate.

use std::path::Path;

use newsprism_analyze::evaluate::evaluate;
use newsprism_analyze::{train, Model, ModelError, TrainOptions};
use newsprism_core::Article;

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// Invented articles where the labels follow from obvious words, so a working pipeline must
/// learn them: "traitors"/"disgrace" lines are Name_Calling/Loaded_Language, numbers-and-sources
/// articles are reporting about the economy, the rest opinion about crime.
fn dataset(root: &Path) {
    let mut l1 = String::new();
    let mut l2 = String::new();
    let mut l3 = String::new();
    for i in 0..40 {
        let id = 1000 + i;
        let reporting = i % 2 == 0;
        let (title, body, genre, frames) = if reporting {
            (
                format!("Budget figures published for quarter {i}"),
                vec![
                    format!("The ministry said on Monday that spending rose by {i} percent, according to official data."),
                    "Economists at the central bank expect inflation to ease next year.".to_string(),
                    "These traitors and their disgraceful lies are a disgrace to the nation.".to_string(),
                ],
                "reporting",
                "Economic",
            )
        } else {
            (
                format!("Crime wave shows the mayor has failed, part {i}"),
                vec![
                    "Everyone knows the mayor has failed and the streets are no longer safe."
                        .to_string(),
                    "These traitors and their disgraceful lies are a disgrace to the nation."
                        .to_string(),
                    "Police arrested more criminals than ever, yet nothing changes.".to_string(),
                ],
                "opinion",
                "Crime_and_punishment",
            )
        };
        let text = format!("{title}\n\n{}\n", body.join("\n"));
        write(root, &format!("en/articles/article{id}.txt"), &text);
        l1.push_str(&format!("{id}\t{genre}\n"));
        l2.push_str(&format!("{id}\t{frames}\n"));
        l3.push_str(&format!("{id}\t1\t\n"));
        for (k, line) in body.iter().enumerate() {
            let labels = if line.contains("traitors") {
                "Name_Calling-Labeling,Loaded_Language"
            } else {
                ""
            };
            l3.push_str(&format!("{id}\t{}\t{labels}\n", k + 3));
        }
    }
    write(root, "en/labels-subtask-1.txt", &l1);
    write(root, "en/labels-subtask-2.txt", &l2);
    write(root, "en/labels-subtask-3.txt", &l3);
}

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
