//! `newsprism model pull` and `model import x.safetensors` end to end, against a tiny random
//! model served from 127.0.0.1 (no network, no real model, well under a second of work).

#![cfg(feature = "deep")]

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use common::http::{serve, Reply};
use newsprism_core::Embedder;
use newsprism_encoder::safetensors::Dtype;
use newsprism_encoder::testing::{HfLayout, TinyConfig, TinyModel};
use newsprism_encoder::E5Encoder;

const PREFIX: &str = "/intfloat/multilingual-e5-small/resolve/main";

fn newsprism(args: &[&str], endpoint_env: Option<&str>) -> (i32, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsprism"));
    cmd.args(args)
        .env_remove("NEWSPRISM_MODEL_DIR")
        .env_remove("HF_ENDPOINT")
        .stdin(Stdio::null());
    if let Some(e) = endpoint_env {
        cmd.env("HF_ENDPOINT", e);
    }
    let out = cmd.output().expect("run newsprism");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    dot / (a.iter().map(|x| x * x).sum::<f32>().sqrt()
        * b.iter().map(|x| x * x).sum::<f32>().sqrt())
}

/// The installed model's vectors agree with the f32 reference forward pass over the weights.
fn assert_matches_reference(model: &TinyModel, dir: &Path) {
    let enc = E5Encoder::open(Some(dir)).unwrap();
    let texts = ["The ARMY and the war", "Guerre\tet PAIX", "krieg news"];
    let got = enc.embed(&texts).unwrap();
    for (text, row) in texts.iter().zip(got.chunks(enc.dim())) {
        let mut ids = vec![0u32];
        ids.extend(enc.content_tokens(text));
        ids.push(2);
        let cos = cosine(row, &model.reference_embed(&ids));
        assert!(cos > 0.99, "{text:?}: cosine {cos}");
    }
    // The charsmap normaliser came through: case and tabs do not change the tokens.
    assert_eq!(
        enc.content_tokens("The ARMY"),
        enc.content_tokens("the army")
    );
}

fn hf_files(model: &TinyModel) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    (
        model.safetensors_bytes(HfLayout::Bert, Dtype::F32),
        model.tokenizer_json().to_string().into_bytes(),
        model.config_json(HfLayout::Bert).to_string().into_bytes(),
    )
}

#[test]
fn pull_downloads_converts_verifies_and_installs() {
    let model = TinyModel::generate(TinyConfig::default(), 41);
    let (st, tok, cfg) = hf_files(&model);
    // Like the hub: the weights redirect to a CDN path.
    let server = serve(vec![
        (
            &format!("{PREFIX}/model.safetensors"),
            Reply::Redirect("/cdn/blob".into()),
        ),
        ("/cdn/blob", Reply::Body(st)),
        (&format!("{PREFIX}/tokenizer.json"), Reply::Body(tok)),
        (&format!("{PREFIX}/config.json"), Reply::Body(cfg)),
    ]);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("models");
    let d = dir.to_str().unwrap();
    let (code, err) = newsprism(
        &["model", "pull", "--endpoint", &server.url, "--model-dir", d],
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("installed multilingual-e5-small-q4:"), "{err}");
    // A tiny model is not the encoder the built-in deep model was trained on, and it says so.
    assert!(
        err.contains("built-in deep model was trained on encoder"),
        "{err}"
    );
    assert_matches_reference(&model, &dir);
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        ["e5-small-q4.bin", "tokenizer.json"],
        "downloads cleaned up"
    );

    // HF_ENDPOINT (with a trailing slash) instead of --endpoint, f32, over the old install.
    let endpoint = format!("{}/", server.url);
    let (code, err) = newsprism(
        &["model", "pull", "--f32", "--model-dir", d],
        Some(&endpoint),
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("installed multilingual-e5-small-f32:"),
        "{err}"
    );
    assert_matches_reference(&model, &dir);
    assert!(server
        .requests
        .lock()
        .unwrap()
        .iter()
        .all(|p| !p.contains("//")));
}

#[test]
fn failed_pulls_name_the_url_and_install_nothing() {
    let model = TinyModel::generate(TinyConfig::default(), 42);
    let (st, tok, cfg) = hf_files(&model);
    let mut bad_header = st.clone();
    bad_header[8] = b'[';
    let missing_tensor = model.safetensors_bytes_without(
        HfLayout::Bert,
        Dtype::F32,
        &["encoder.layer.0.attention.self.key.bias"],
    );
    let mut routes = Vec::new();
    let cases: Vec<(&str, Reply, &str)> = vec![
        (
            "cut",
            Reply::Truncated(st.clone(), st.len() / 3),
            "model.safetensors: truncated download",
        ),
        ("header", Reply::Body(bad_header), "not a safetensors file"),
        (
            "missing",
            Reply::Body(missing_tensor),
            "missing tensor encoder.layer.0.attention.self.key.bias",
        ),
    ];
    let paths: Vec<String> = cases
        .iter()
        .map(|(rev, _, _)| format!("/intfloat/multilingual-e5-small/resolve/{rev}"))
        .collect();
    for ((_, reply, _), p) in cases.iter().zip(&paths) {
        routes.push((format!("{p}/model.safetensors"), reply.clone()));
        routes.push((format!("{p}/tokenizer.json"), Reply::Body(tok.clone())));
        routes.push((format!("{p}/config.json"), Reply::Body(cfg.clone())));
    }
    let server = serve(
        routes
            .iter()
            .map(|(p, r)| (p.as_str(), r.clone()))
            .collect(),
    );
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("models");
    let d = dir.to_str().unwrap();

    let pull = |rev: &str| {
        newsprism(
            &[
                "model",
                "pull",
                "--endpoint",
                &server.url,
                "--revision",
                rev,
                "--model-dir",
                d,
            ],
            None,
        )
    };

    // 404: a revision that does not exist.
    let (code, err) = pull("nope");
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!(
            "{}/intfloat/multilingual-e5-small/resolve/nope/config.json",
            server.url
        )) && err.contains("404"),
        "{err}"
    );
    assert!(!dir.exists(), "nothing installed: {err}");

    for (rev, _, want) in &cases {
        let (code, err) = pull(rev);
        assert_eq!(code, 1, "{rev}: {err}");
        assert!(
            err.contains(want) && err.contains(&format!("resolve/{rev}")),
            "{rev}: {err}"
        );
        assert!(!dir.exists(), "{rev}: nothing installed: {err}");
    }
}

#[test]
fn import_accepts_a_local_safetensors_snapshot() {
    let model = TinyModel::generate(TinyConfig::default(), 43);
    let tmp = tempfile::tempdir().unwrap();
    let snap = tmp.path().join("snapshot");
    std::fs::create_dir_all(&snap).unwrap();
    model.write_hf(&snap, HfLayout::Bert).unwrap();
    let st = snap.join("model.safetensors");
    let st = st.to_str().unwrap();
    let dir = tmp.path().join("models");
    let d = dir.to_str().unwrap();

    let (code, err) = newsprism(&["model", "import", st, "--model-dir", d], None);
    assert_eq!(code, 1);
    assert!(err.contains("--tokenizer"), "{err}");
    assert!(!dir.exists());

    let tok = snap.join("tokenizer.json");
    // config.json is found beside the weights.
    let (code, err) = newsprism(
        &[
            "model",
            "import",
            st,
            "--tokenizer",
            tok.to_str().unwrap(),
            "--model-dir",
            d,
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert_matches_reference(&model, &dir);
}
