//! `--deep` on analyze, eval and train: without the encoder installed it must fail before doing
//! any work, saying how to install it (the real encoder is never needed by the tests).

use std::path::Path;
use std::process::{Command, Stdio};

fn run_deep(args: &[&str], model_dir: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_newsprism"))
        .args(args)
        .arg("--deep")
        .arg("--model-dir")
        .arg(model_dir)
        .env_remove("NEWSPRISM_MODEL_DIR")
        .stdin(Stdio::null())
        .output()
        .expect("run newsprism");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn deep_without_an_encoder_fails_with_setup_instructions() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("no-model-here");
    let input = tmp.path().join("a.txt");
    std::fs::write(&input, "Title\n\nSome paragraph.\n").unwrap();
    let input = input.to_str().unwrap();
    let data = tmp.path().to_str().unwrap();
    let out = tmp.path().join("m.model");
    let out = out.to_str().unwrap();
    for args in [
        vec!["analyze", input],
        vec!["eval", data],
        vec!["train", data, "--out", out],
    ] {
        let (code, stderr) = run_deep(&args, &empty);
        assert_eq!(code, 1, "{args:?}: {stderr}");
        assert!(
            stderr.contains("setup-encoder"),
            "{args:?} should explain how to install the encoder: {stderr}"
        );
        if cfg!(feature = "deep") {
            assert!(
                stderr.contains("no-model-here"),
                "{args:?}: names where it looked: {stderr}"
            );
        }
    }
    assert!(
        !Path::new(out).exists(),
        "nothing is trained without the encoder"
    );
}

/// A tiny deep model trained on the hash embedder's vectors.
fn tiny_deep_model(path: &Path) {
    use newsprism_analyze::deep::embed_articles;
    use newsprism_analyze::{train_deep, DeepInput, TrainOptions};
    use newsprism_core::embed::testing::HashEmbedder;
    use newsprism_core::{Embedder, Genre, LabelSet, Lang};
    use newsprism_ingest::dataset::{Dataset, LabelledArticle};

    let mut ds = Dataset::default();
    for i in 0..12 {
        let opinion = i % 2 == 0;
        let text = if opinion {
            format!("Opinion {i}\n\nThese traitors are a disgrace.\nEveryone knows it.\n")
        } else {
            format!("Report {i}\n\nThe ministry said spending rose.\nData show growth.\n")
        };
        ds.articles.push(LabelledArticle {
            article: newsprism_core::Article::from_text(format!("{i}"), "x.txt", &text),
            lang: "en".parse::<Lang>().unwrap(),
            genre: Some(if opinion {
                Genre::Opinion
            } else {
                Genre::Reporting
            }),
            frames: Some(LabelSet::default()),
            techniques: vec![(3, LabelSet::default())],
        });
    }
    let e = HashEmbedder::new(16);
    let arts: Vec<_> = ds.articles.iter().map(|a| &a.article).collect();
    let v = embed_articles(&e, &arts, &|_| {}).unwrap();
    let mut o = TrainOptions::default();
    o.features.bits = 8;
    o.folds = 2;
    o.deep.extra_layers = Vec::new(); // the hash embedder pools no encoder layers
    let input = DeepInput {
        embedder_id: e.id().to_string(),
        dim: e.dim(),
        vectors: &v,
    };
    let (m, _) = train_deep(&ds, &o, input, &|_| {}).unwrap();
    m.save(path).unwrap();
}

#[test]
fn a_deep_model_without_deep_is_refused_clearly() {
    let tmp = tempfile::tempdir().unwrap();
    let model = tmp.path().join("deep.model");
    tiny_deep_model(&model);
    let input = tmp.path().join("a.txt");
    std::fs::write(&input, "Title\n\nSome paragraph.\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_newsprism"))
        .args(["analyze", "--model"])
        .arg(&model)
        .arg(&input)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("deep.model") && stderr.contains("--deep"),
        "{stderr}"
    );
}
