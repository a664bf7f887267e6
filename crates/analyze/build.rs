//! Embeds `models/newsprism.model` when it exists, so the binary works on a fresh clone with no
//! data and no setup; without it the build still succeeds and `Model::load_default` says how to
//! train one.

fn main() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/newsprism.model");
    println!("cargo::rustc-check-cfg=cfg(has_default_model)");
    println!("cargo::rerun-if-changed={}", path.display());
    if path.exists() {
        println!("cargo::rustc-cfg=has_default_model");
    }
    // The deep tier's model (about as large again) only where it can be used: builds with the
    // `embedded-deep-model` feature (the CLI's `deep` feature turns it on).
    let deep =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/newsprism-deep.model");
    println!("cargo::rustc-check-cfg=cfg(has_default_deep_model)");
    println!("cargo::rerun-if-changed={}", deep.display());
    if deep.exists() && std::env::var_os("CARGO_FEATURE_EMBEDDED_DEEP_MODEL").is_some() {
        println!("cargo::rustc-cfg=has_default_deep_model");
    }
}
