//! The deep tier end to end with the deterministic hash embedder: train on embeddings, save,
//! load, refuse another encoder, analyse with the same output schema as the linear tier.

use newsprism_analyze::deep::{embed_articles, ParagraphVectors};
use newsprism_analyze::evaluate::{evaluate, evaluate_deep};
use newsprism_analyze::features::Scratch;
use newsprism_analyze::{train, train_deep, DeepInput, Model, ModelError, TrainOptions};
use newsprism_core::embed::testing::HashEmbedder;
use newsprism_core::{Article, EmbedError, Embedder};
use newsprism_ingest::dataset::Dataset;

mod common;
use common::dataset;

const DIM: usize = 64;

fn load() -> (tempfile::TempDir, Dataset) {
    let tmp = tempfile::tempdir().unwrap();
    dataset(tmp.path());
    let ds = newsprism_ingest::dataset::load(tmp.path()).unwrap();
    (tmp, ds)
}

fn vectors(e: &dyn Embedder, ds: &Dataset) -> Vec<ParagraphVectors> {
    let arts: Vec<&Article> = ds.articles.iter().map(|a| &a.article).collect();
    embed_articles(e, &arts, &|_| {}).unwrap()
}

/// Options where the hashed n-gram families carry nothing, so whatever the model learns comes
/// through the embedding slots. The hash embedder pools no encoder layers.
fn embeddings_only() -> TrainOptions {
    let mut o = TrainOptions::default();
    o.deep.extra_layers = Vec::new();
    o.features.bits = 10;
    o.features.word_weight = 0.0;
    o.features.char_weight = 0.0;
    o.features.context_weight = 0.0;
    o.features.title_weight = 0.0;
    o.features.shape_weight = 0.0;
    o.folds = 3;
    o.min_positives = 5;
    o
}

fn train_small(ds: &Dataset, e: &dyn Embedder, opts: &TrainOptions) -> Model {
    let v = vectors(e, ds);
    let input = DeepInput {
        embedder_id: e.id().to_string(),
        dim: e.dim(),
        vectors: &v,
    };
    train_deep(ds, opts, input, &|_| {}).unwrap().0
}

#[test]
fn deep_heads_learn_from_embeddings_alone() {
    let (_t, ds) = load();
    let e = HashEmbedder::new(DIM);
    let v = vectors(&e, &ds);
    let opts = embeddings_only();
    let input = DeepInput {
        embedder_id: e.id().to_string(),
        dim: DIM,
        vectors: &v,
    };
    let (model, deep) = train_deep(&ds, &opts, input, &|_| {}).unwrap();
    assert!(model.is_deep());
    // Vectors that cannot be the parts the options name are refused, not misread.
    let mut three = opts.clone();
    three.deep.extra_layers = vec![1, 2];
    let input = DeepInput {
        embedder_id: e.id().to_string(),
        dim: DIM,
        vectors: &v,
    };
    assert!(train_deep(&ds, &three, input, &|_| {}).is_err());
    assert!(deep.mean.subtask3_micro_f1 > 0.8, "{deep:?}");
    assert!(deep.mean.subtask1_macro_f1 > 0.8, "{deep:?}");
    // The same options without embeddings have nothing to learn from.
    let (_, linear) = train(&ds, &opts, &|_| {});
    assert!(
        linear.mean.subtask3_micro_f1 < deep.mean.subtask3_micro_f1 - 0.2,
        "linear {linear:?} deep {deep:?}"
    );
    // The shipped-path evaluation agrees that the model works.
    let s = evaluate_deep(&model, &ds, &v).unwrap();
    assert!(s.mean.subtask3_micro_f1 > 0.8, "{s:?}");
}

#[test]
fn deep_model_round_trips_and_refuses_other_encoders() {
    let (tmp, ds) = load();
    let e = HashEmbedder::new(DIM);
    let mut opts = embeddings_only();
    opts.features.word_weight = 1.0; // both kinds of features, as shipped
    let model = train_small(&ds, &e, &opts);
    let path = tmp.path().join("deep.model");
    model.save(&path).unwrap();
    let loaded = Model::load(&path).unwrap();
    assert!(loaded.is_deep());
    assert_eq!(loaded.meta.deep, model.meta.deep);
    loaded.check_embedder(&e).unwrap();

    let v = vectors(&e, &ds);
    let mut s = Scratch::default();
    for (a, pv) in ds.articles.iter().zip(&v).take(6) {
        let x = model.analyze_deep(&a.article, &mut s, pv).unwrap();
        let y = loaded.analyze_deep(&a.article, &mut s, pv).unwrap();
        assert_eq!(
            x, y,
            "a saved and reloaded deep model must give identical results"
        );
    }

    // Another dimension or another encoder id: refused, naming both.
    let err = loaded.check_embedder(&HashEmbedder::new(32)).unwrap_err();
    assert!(matches!(err, ModelError::EmbedderMismatch { .. }), "{err}");
    struct Other(HashEmbedder);
    impl Embedder for Other {
        fn id(&self) -> &str {
            "some-other-encoder"
        }
        fn dim(&self) -> usize {
            self.0.dim()
        }
        fn embed(&self, t: &[&str]) -> Result<Vec<f32>, EmbedError> {
            self.0.embed(t)
        }
    }
    let err = loaded
        .check_embedder(&Other(HashEmbedder::new(DIM)))
        .unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("some-other-encoder") && msg.contains("hash-test-embedder"),
        "{msg}"
    );

    // Vectors that do not fit the article, and a linear model asked for the deep path.
    let a = &ds.articles[0].article;
    let short = ParagraphVectors {
        dim: DIM,
        rows: vec![0.0; DIM],
    };
    assert!(matches!(
        loaded.analyze_deep(a, &mut s, &short),
        Err(ModelError::VectorShape { .. })
    ));
    let mut lopts = TrainOptions::default();
    lopts.features.bits = 10;
    lopts.folds = 2;
    let (linear, _) = train(&ds, &lopts, &|_| {});
    assert!(!linear.is_deep());
    assert!(matches!(
        linear.analyze_deep(a, &mut s, &v[0]),
        Err(ModelError::NotDeep)
    ));
    assert!(matches!(
        linear.check_embedder(&e),
        Err(ModelError::NotDeep)
    ));

    // A deep model cut short is corrupt, not a panic.
    let bytes = loaded.to_bytes();
    for cut in [20, bytes.len() / 2, bytes.len() - 1] {
        assert!(
            matches!(
                Model::from_bytes(&bytes[..cut], "cut"),
                Err(ModelError::Corrupt { .. })
            ),
            "cut at {cut}"
        );
    }
}

#[test]
fn deep_output_has_the_linear_schema() {
    let (_t, ds) = load();
    let e = HashEmbedder::new(DIM);
    let mut opts = embeddings_only();
    opts.features.word_weight = 1.0;
    let deep = train_small(&ds, &e, &opts);
    let mut lopts = TrainOptions::default();
    lopts.features.bits = 10;
    lopts.folds = 2;
    let (linear, _) = train(&ds, &lopts, &|_| {});
    let article = &ds.articles[1].article;
    let pv = embed_articles(&e, &[article], &|_| {}).unwrap();
    let d = deep
        .analyze_deep(article, &mut Scratch::default(), &pv[0])
        .unwrap();
    let l = linear.analyze(article);
    let keys =
        |v: &serde_json::Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    let dj = serde_json::to_value(&d).unwrap();
    let lj = serde_json::to_value(&l).unwrap();
    assert_eq!(keys(&dj), keys(&lj));
    assert_eq!(
        d.paragraphs.iter().map(|p| p.line).collect::<Vec<_>>(),
        l.paragraphs.iter().map(|p| p.line).collect::<Vec<_>>()
    );
    assert!(!d.genre.label.is_empty());
    // The linear path stays untouched by the deep tier's existence.
    let s = evaluate(&linear, &ds);
    assert!(s.mean.subtask3_micro_f1 > 0.8, "{s:?}");
}
