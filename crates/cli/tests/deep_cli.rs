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
            stderr.contains("no-model-here") && stderr.contains("setup-encoder"),
            "{args:?} should explain how to install the encoder: {stderr}"
        );
    }
    assert!(
        !Path::new(out).exists(),
        "nothing is trained without the encoder"
    );
}
