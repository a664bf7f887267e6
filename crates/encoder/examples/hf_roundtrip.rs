//! One-off check of `model pull`'s converter against the real model (not a CI test: it needs
//! the installed multilingual-e5-small and writes ~470 MB to a temporary directory).
//!
//! Exports the installed E5S1 weights as a Hugging Face `BertModel` snapshot (f32, 4-bit
//! matrices dequantised), converts that back with `install::import_hf` as `model pull` would,
//! and compares embeddings and token ids of multilingual sentences with the original encoder
//! (and, for the 4-bit conversion, the file itself).
//!
//! ```sh
//! cargo run --release -p newsprism-encoder --example hf_roundtrip [-- MODEL_DIR]
//! ```

use newsprism_core::Embedder;
use newsprism_encoder::convert::MatrixDtype;
use newsprism_encoder::{install, testing, E5Encoder};

const SENTENCES: [&str; 8] = [
    "The government announced new measures against inflation on Tuesday.",
    "Die Regierung kündigte am Dienstag neue Maßnahmen gegen die Inflation an.",
    "Le gouvernement a annoncé mardi de nouvelles mesures contre l'inflation.",
    "Правительство во вторник объявило о новых мерах против инфляции.",
    "Rząd ogłosił we wtorek nowe środki przeciwko inflacji.",
    "Η κυβέρνηση ανακοίνωσε την Τρίτη νέα μέτρα κατά του πληθωρισμού.",
    "ＦＵＬＬＷＩＤＴＨ ｔｅｘｔ, ﬁ ligatures… and “quotes”\tand\u{00a0}spaces",
    "政府は火曜日、インフレ対策の新たな措置を発表した。",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = match std::env::args().nth(1) {
        Some(d) => std::path::PathBuf::from(d),
        None => install::locate(None)?,
    };
    let original = E5Encoder::load(&dir.join(install::WEIGHTS_FILE))?;
    let tmp = std::env::temp_dir().join(format!("newsprism-hf-roundtrip-{}", std::process::id()));
    std::fs::create_dir_all(&tmp)?;
    testing::export_hf(&dir.join(install::WEIGHTS_FILE), &tmp)?;
    let want = original.embed(&SENTENCES)?;
    for dtype in [MatrixDtype::F32, MatrixDtype::Q4] {
        let dest = tmp.join(format!("installed-{dtype:?}"));
        let t = std::time::Instant::now();
        let done = install::import_hf(
            &tmp.join("model.safetensors"),
            &dir.join(install::TOKENIZER_FILE),
            Some(&tmp.join("config.json")),
            &dest,
            dtype,
        )?;
        let converted = E5Encoder::open(Some(&dest))?;
        let got = converted.embed(&SENTENCES)?;
        let mut min = 1f32;
        for (i, s) in SENTENCES.iter().enumerate() {
            let (a, b) = (&want[i * 384..(i + 1) * 384], &got[i * 384..(i + 1) * 384]);
            let cos: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
            min = min.min(cos);
            let same = original.content_tokens(s) == converted.content_tokens(s);
            println!("{dtype:?}  cosine {cos:.6}  tokens identical: {same}  {s}");
        }
        let identical = std::fs::read(dest.join(install::WEIGHTS_FILE))?
            == std::fs::read(dir.join(install::WEIGHTS_FILE))?;
        println!("{dtype:?}: file byte-identical to the original: {identical}");
        println!(
            "{dtype:?}: {} ({:.1} s to convert and load), min cosine {min:.6}, file {} MB",
            done.id,
            t.elapsed().as_secs_f64(),
            std::fs::metadata(dest.join(install::WEIGHTS_FILE))?.len() >> 20
        );
    }
    if std::env::var_os("KEEP").is_none() {
        std::fs::remove_dir_all(&tmp)?;
    } else {
        println!("kept {}", tmp.display());
    }
    Ok(())
}
