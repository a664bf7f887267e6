//! The deep tier in stories, with stand-in encoders (no model file, no shared data): embedding
//! features in pairs mode, deep model files, encoder mismatches, and clustering that links a
//! cross-language pair sharing no tokens only when their vectors are close.

use newsprism_core::embed::testing::HashEmbedder;
use newsprism_core::{article::split_lines, Article, EmbedError, Embedder, Lang};
use newsprism_stories::embedding::{DeepError, Embeddings};
use newsprism_stories::fit::Linear;
use newsprism_stories::pairs::{
    cross_validate_deep, deep_pair_features, embed_pairs, fit_model_deep, score_deep, PairRecord,
    LAMBDAS,
};
use newsprism_stories::similarity::{deep_feature_names, PairModel, FEATURE_NAMES};
use newsprism_stories::story::{build_stories, build_stories_deep, embed_articles, Options};

fn rec(id: usize, t1: &str, t2: &str, overall: f64) -> PairRecord {
    serde_json::from_value(serde_json::json!({
        "pair_id": format!("{id}_{}", id + 1000), "text1": t1, "text2": t2,
        "lang1": "en", "lang2": "en", "overall": overall,
    }))
    .unwrap()
}

/// Labelled pairs where similar wording means a low (similar) score.
fn labelled() -> Vec<PairRecord> {
    const TOPICS: &[&str] = &[
        "flood river town evacuated rescue boats rain",
        "election parliament vote coalition minister party",
        "earthquake magnitude collapsed buildings rescuers rubble",
        "football final goal stadium champions coach",
        "inflation prices central bank interest rates",
        "wildfire forest hectares firefighters wind smoke",
    ];
    let mut out = Vec::new();
    for i in 0..60 {
        let a = TOPICS[i % TOPICS.len()];
        let b = TOPICS[(i / 6 + i) % TOPICS.len()];
        let same = a == b;
        let t1 = format!("{a} report number {i} about events today");
        let t2 = format!("{b} coverage {} with comments", i * 7);
        out.push(rec(i, &t1, &t2, if same { 1.5 } else { 3.6 }));
    }
    out
}

#[test]
fn deep_pair_features_are_lexical_plus_embedding_signals() {
    let recs = labelled();
    let emb = embed_pairs(&recs, &HashEmbedder::new(64), &|_, _| {}).unwrap();
    assert_eq!(emb.len(), recs.len() * 2);
    let xs = deep_pair_features(&recs, &emb);
    assert_eq!(xs.len(), recs.len());
    assert!(xs.iter().all(|x| x.len() == deep_feature_names().len()));
    let cos = FEATURE_NAMES.len();
    assert_eq!(deep_feature_names()[cos], "embed_cosine");
    // Same topic words ⇒ closer hash vectors than different topics.
    let (same, diff): (Vec<(&Vec<f64>, &PairRecord)>, Vec<_>) = xs
        .iter()
        .zip(&recs)
        .partition(|(_, r)| r.overall == Some(1.5));
    let same: Vec<&Vec<f64>> = same.into_iter().map(|(x, _)| x).collect();
    let diff: Vec<&Vec<f64>> = diff.into_iter().map(|(x, _)| x).collect();
    let mean = |v: &[&Vec<f64>]| v.iter().map(|x| x[cos]).sum::<f64>() / v.len() as f64;
    assert!(
        mean(&same) > mean(&diff) + 0.1,
        "{} {}",
        mean(&same),
        mean(&diff)
    );
    assert!(xs.iter().all(|x| x.iter().all(|v| v.is_finite())));
    let r = cross_validate_deep(&recs, &emb, 5, LAMBDAS).unwrap();
    assert_eq!(r.embedder, "hash-test-embedder");
    assert_eq!(r.lexical.pairs, r.deep.pairs);
    assert!(r.deep.baseline_embedding.is_some());
}

#[test]
fn deep_model_file_round_trips_and_refuses_other_encoders() {
    let recs = labelled();
    let emb = embed_pairs(&recs, &HashEmbedder::new(32), &|_, _| {}).unwrap();
    let model = fit_model_deep(&recs, &emb, 1.0, "test");
    assert!(model.is_deep() && model.is_consistent());
    assert_eq!(model.embedder.as_deref(), Some("hash-test-embedder"));
    let path =
        std::env::temp_dir().join(format!("newsprism-deep-model-{}.json", std::process::id()));
    std::fs::write(&path, serde_json::to_string_pretty(&model).unwrap()).unwrap();
    let back = PairModel::load(&path).unwrap();
    // JSON keeps floats to within a unit in the last place.
    let close = |a: &[f64], b: &[f64]| a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-12);
    assert!(close(&back.linear.coef, &model.linear.coef));
    assert!(close(&back.linear.mean, &model.linear.mean));
    assert_eq!(back.features, model.features);
    assert_eq!(back.embedder, model.embedder);
    let a = score_deep(&recs, &model, &emb).unwrap();
    let b = score_deep(&recs, &back, &emb).unwrap();
    for (x, y) in a.iter().zip(&b) {
        assert!((x.similarity - y.similarity).abs() < 1e-9);
    }
    // The fitted model ranks same-topic pairs as more similar.
    let mean = |want: f64| {
        let v: Vec<f64> = a
            .iter()
            .zip(&recs)
            .filter(|(_, r)| r.overall == Some(want))
            .map(|(s, _)| s.similarity)
            .collect();
        v.iter().sum::<f64>() / v.len() as f64
    };
    assert!(mean(1.5) < mean(3.6));

    // Another encoder's vectors are refused, naming both.
    let other = Embeddings::from_rows(
        "multilingual-e5-small-q4:0000",
        32,
        vec![1.0; recs.len() * 2 * 32],
        vec![1.0; recs.len() * 2 * 32],
    )
    .unwrap();
    let err = score_deep(&recs, &back, &other).unwrap_err();
    assert!(matches!(err, DeepError::EmbedderMismatch { .. }));
    let msg = err.to_string();
    assert!(
        msg.contains("hash-test-embedder") && msg.contains("e5-small-q4:0000"),
        "{msg}"
    );
    // A lexical model is not a deep one.
    assert!(matches!(
        PairModel::builtin().check_embedder("hash-test-embedder"),
        Err(DeepError::NotDeep)
    ));

    // A model file whose features do not match is refused, not used.
    let mut bad = model.clone();
    bad.linear.coef.pop();
    std::fs::write(&path, serde_json::to_string(&bad).unwrap()).unwrap();
    assert!(PairModel::load(&path).is_err());
    std::fs::write(&path, "{not json").unwrap();
    let err = PairModel::load(&path).unwrap_err().to_string();
    assert!(err.contains("is not a pair model"), "{err}");
    std::fs::remove_file(&path).ok();
}

/// Maps texts to fixed vectors by a marker word, like a multilingual encoder that knows two texts
/// in different languages mean the same; other texts get a vector of their own.
struct MarkerEmbedder {
    markers: Vec<(&'static str, Vec<f32>)>,
}

const DIM: usize = 8;

impl Embedder for MarkerEmbedder {
    fn id(&self) -> &str {
        "marker-test"
    }
    fn dim(&self) -> usize {
        DIM
    }
    fn embed(&self, texts: &[&str]) -> Result<Vec<f32>, EmbedError> {
        let mut out = Vec::new();
        for t in texts {
            match self.markers.iter().find(|(m, _)| t.contains(m)) {
                Some((_, v)) => out.extend(v),
                None => {
                    let k = t.len() % DIM;
                    out.extend((0..DIM).map(|i| if i == k { 1.0 } else { 0.0 }));
                }
            }
        }
        Ok(out)
    }
}

fn unit(i: usize, tilt: f32) -> Vec<f32> {
    let mut v = [0.0; DIM];
    v[i] = 1.0;
    v[(i + 1) % DIM] = tilt;
    let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    v.iter().map(|x| x / n).collect()
}

/// A deep model that only looks at the text-embedding cosine: 0.95 ⇒ same story, 0.1 ⇒ not.
fn cosine_only_model(id: &str) -> PairModel {
    let names = deep_feature_names();
    let d = names.len();
    let mut linear = Linear {
        mean: vec![0.0; d],
        sd: vec![1.0; d],
        coef: vec![0.0; d],
        bias: 2.7,
    };
    let k = FEATURE_NAMES.len();
    linear.mean[k] = 0.5;
    linear.sd[k] = 0.15;
    linear.coef[k] = -0.5;
    PairModel {
        fitted_on: "hand-made for tests".into(),
        features: names.iter().map(|s| s.to_string()).collect(),
        linear,
        same_story_logit: (5.5, -2.2),
        embedder: Some(id.to_string()),
    }
}

fn article(id: &str, lang: &str, text: &str) -> Article {
    Article {
        id: id.into(),
        path: format!("test:{id}"),
        lines: split_lines(text),
        declared_lang: Lang::parse(lang),
        source: Some(format!("outlet-{id}")),
        published: Some("2026-03-02".into()),
        ..Article::default()
    }
}

fn collection() -> Vec<Article> {
    vec![
        // The same event in Greek and Polish, sharing no name, figure or word.
        article(
            "el",
            "el",
            "Σφοδρή καταιγίδα πλημμύρισε τους δρόμους της πόλης χθες το βράδυ.\nΟι κάτοικοι απομακρύνθηκαν με βάρκες.",
        ),
        article(
            "pl",
            "pl",
            "Gwałtowna burza zalała ulice miasta wczoraj wieczorem.\nMieszkańców ewakuowano łodziami.",
        ),
        article("x1", "en", "Parliament passed the budget after a long debate."),
        article("x2", "fr", "Le festival de jazz ouvre ses portes ce week-end."),
        article("x3", "de", "Die Bundesliga-Saison beginnt mit einem Derby."),
        article("x4", "it", "Il museo espone una nuova collezione di dipinti."),
    ]
}

fn linked(tilt_pl: Option<f32>) -> bool {
    let arts = collection();
    let e = MarkerEmbedder {
        markers: vec![
            ("Σφοδρή", unit(0, 0.0)),
            ("Gwałtowna", tilt_pl.map_or(unit(4, 0.0), |t| unit(0, t))),
            ("Parliament", unit(1, 0.0)),
            ("jazz", unit(2, 0.0)),
            ("Bundesliga", unit(3, 0.0)),
            ("museo", unit(5, 0.0)),
        ],
    };
    let emb = embed_articles(&arts, &e, &|_, _| {}).unwrap();
    let stories = build_stories_deep(
        &arts,
        None,
        &Options::default(),
        &emb,
        &cosine_only_model("marker-test"),
    )
    .unwrap();
    stories.iter().any(|s| {
        let ids: Vec<&str> = s.members.iter().map(|m| m.id.as_str()).collect();
        ids.contains(&"el") && ids.contains(&"pl")
    })
}

#[test]
fn embeddings_link_a_cross_language_pair_only_when_their_vectors_are_close() {
    // Lexically the two reports share nothing, so the linear tier keeps them apart.
    let lexical = build_stories(&collection(), None, &Options::default());
    assert!(lexical.iter().all(|s| s.members.len() == 1), "{lexical:#?}");
    // Close vectors (cosine ≈ 0.99): one story; orthogonal vectors: none.
    assert!(linked(Some(0.1)));
    assert!(!linked(None));
}

#[test]
fn stories_refuse_a_model_of_another_encoder() {
    let arts = collection();
    let emb = embed_articles(&arts, &HashEmbedder::new(16), &|_, _| {}).unwrap();
    let err = build_stories_deep(
        &arts,
        None,
        &Options::default(),
        &emb,
        &cosine_only_model("marker-test"),
    )
    .unwrap_err();
    assert!(matches!(err, DeepError::EmbedderMismatch { .. }), "{err}");
}
