//! The `newsprism` command: thin glue over the library crates.
//!
//! Each subcommand lives in `cmd/<name>.rs` with its own clap `Args`; shared plumbing (reading
//! inputs with per-item error reports, output formats, exit codes) is in the sibling modules.

mod cmd;
mod deep;
#[cfg(feature = "deep")]
mod download;
mod exit;
mod inputs;
mod output;

use clap::{Parser, Subcommand};

/// How online news persuades, and how outlets tell the same story.
#[derive(Parser)]
#[command(name = "newsprism", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Genre, framing and paragraph-level persuasion techniques, with cue words.
    Analyze(cmd::analyze::Args),
    /// Train the linear models on a labelled SemEval-2023 Task 3 folder.
    Train(cmd::train::Args),
    /// Score the model on a labelled folder with the task's official metrics.
    Eval(cmd::eval::Args),
    /// Print the extracted, cleaned articles (text, metadata, removed lines, attribution).
    Extract(cmd::extract::Args),
    /// Download pages or a feed's items over HTTP(S) and print them as extracted articles.
    Fetch(cmd::fetch::Args),
    /// Analyse articles and keep them in a store (SQLite + full-text index) for search and serve.
    Ingest(cmd::ingest::Args),
    /// Search a store: full text plus filters, as a table or JSON.
    Search(cmd::search::Args),
    /// Serve a store's JSON API and web UI over HTTP.
    Serve(cmd::serve::Args),
    /// Group articles about the same event across outlets and languages; mark reposts.
    Stories(cmd::stories::Args),
    /// Compare two articles' claims, or score pairs on the SemEval-2022 Task 8 scale.
    Compare(cmd::compare::Args),
    /// Install or inspect the multilingual encoder used by `--deep`.
    Model(cmd::model::Args),
}

fn main() {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(a) => cmd::analyze::run(a),
        Command::Train(a) => cmd::train::run(a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Extract(a) => cmd::extract::run(a),
        Command::Fetch(a) => cmd::fetch::run(a),
        Command::Ingest(a) => cmd::ingest::run(a),
        Command::Search(a) => cmd::search::run(a),
        Command::Serve(a) => cmd::serve::run(a),
        Command::Stories(a) => cmd::stories::run(a),
        Command::Compare(a) => cmd::compare::run(a),
        Command::Model(a) => cmd::model::run(a),
    };
    std::process::exit(exit::code(result));
}
