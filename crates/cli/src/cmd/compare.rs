//! `newsprism compare A B`: two articles side by side (same story? repost? which claims agree,
//! which conflict, persuasion profiles), and `newsprism compare --pairs FILE.jsonl`: similarity of
//! many pairs on the SemEval-2022 Task 8 scale, with `--eval` for the cross-validated Pearson.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::{bail, Context};
use newsprism_core::Article;
use newsprism_stories::pairs::{
    cross_validate, cross_validate_deep, embed_pairs, fit_model, fit_model_deep, fit_note,
    fit_note_deep, score, score_deep, CvReport, PairRecord, LAMBDAS,
};
use newsprism_stories::pairwise::{compare_two, compare_two_deep, TwoWay};

use super::stories::{clip, deep_setup, embed_with_progress, write_comparison, Format};
use crate::deep::DeepArgs;
use crate::inputs::{progress, read_articles, Outcome};

#[derive(clap::Args)]
#[command(after_help = "Examples:\n  newsprism compare a.txt b.txt\n  \
    newsprism compare --pairs pairs.jsonl > scores.jsonl\n  \
    newsprism compare --pairs train-pairs.jsonl --eval\n  \
    newsprism compare --pairs train-pairs.jsonl --deep --eval    # lexical vs with embeddings\n  \
    newsprism compare --pairs train-pairs.jsonl --deep --fit crates/stories/data/pair_model_deep.json")]
pub struct Args {
    /// The two articles (files, or `-` for one of them on stdin); a JSONL file contributes its
    /// first article.
    #[arg(
        num_args = 2,
        value_names = ["A", "B"],
        required_unless_present = "pairs",
        conflicts_with = "pairs"
    )]
    articles: Vec<String>,
    /// JSONL of pairs (pair_id, text1, text2, optional title1/title2/lang1/lang2); writes one line
    /// per pair with pair_id, same_story (probability) and similarity (1 same … 4 unrelated).
    #[arg(long)]
    pairs: Option<PathBuf>,
    /// With --pairs on labelled pairs (`overall`): print the 5-fold cross-validated Pearson
    /// correlation of the similarity with `overall` instead of scores.
    #[arg(long, requires = "pairs")]
    eval: bool,
    /// With --pairs on labelled pairs: refit the coefficients on all pairs (penalty chosen by
    /// cross-validation) and write the model JSON here (the shipped one is
    /// crates/stories/data/pair_model.json).
    #[arg(long, requires = "pairs")]
    fit: Option<PathBuf>,
    /// Output format [default: table on a terminal, json otherwise; --pairs always writes JSONL].
    #[arg(long, short, value_enum)]
    format: Option<Format>,
    /// Skip the persuasion profiles (no analysis model run).
    #[arg(long)]
    no_profiles: bool,
    /// Analysis model for the profiles [default: the model built into this binary].
    #[arg(long)]
    model: Option<PathBuf>,
    /// Write here instead of stdout.
    #[arg(long, short)]
    out: Option<PathBuf>,
    #[command(flatten)]
    deep: DeepArgs,
    /// With --deep: the pair model to score with (a file written by `--deep --fit`) [default: the
    /// shipped deep model].
    #[arg(long, value_name = "FILE", requires = "deep", conflicts_with_all = ["eval", "fit"])]
    pair_model: Option<PathBuf>,
}

fn writer(out: &Option<PathBuf>) -> anyhow::Result<Box<dyn Write>> {
    Ok(match out {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot write {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}

pub fn run(a: Args) -> anyhow::Result<Outcome> {
    if let Some(p) = a.pairs.clone() {
        return run_pairs(&a, &p);
    }
    if a.articles.len() != 2 {
        bail!("compare needs two articles (A B) or --pairs FILE.jsonl; see --help");
    }
    let deep = deep_setup(&a.deep, a.pair_model.as_deref())?;
    let mut outcome = Outcome::default();
    let mut arts: Vec<Article> = Vec::new();
    for p in &a.articles {
        let (mut got, o) = read_articles(std::slice::from_ref(p));
        outcome.succeeded += o.succeeded;
        outcome.failed += o.failed;
        if got.is_empty() {
            bail!("{p}: no article could be read");
        }
        if got.len() > 1 {
            eprintln!(
                "newsprism: {p}: {} articles, comparing the first",
                got.len()
            );
        }
        arts.push(got.swap_remove(0));
    }
    let analyses = if a.no_profiles {
        None
    } else {
        match super::analyze::load_model(a.model.as_deref()) {
            Ok(m) => Some(super::analyze::analyze_all(&m, &arts)),
            Err(e) => {
                eprintln!("newsprism: persuasion profiles left out: {e:#}");
                None
            }
        }
    };
    let r = match &deep {
        Some((embedder, model)) => {
            let emb = embed_with_progress(&arts, embedder.as_ref())?;
            compare_two_deep(&arts[0], &arts[1], analyses.as_deref(), &emb, model)?
        }
        None => compare_two(&arts[0], &arts[1], analyses.as_deref()),
    };
    let to_terminal = a.out.is_none() && std::io::stdout().is_terminal();
    let format = a.format.unwrap_or(if to_terminal {
        Format::Table
    } else {
        Format::Json
    });
    let mut w = writer(&a.out)?;
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut w, &r)?;
            writeln!(w)?;
        }
        Format::Jsonl => {
            serde_json::to_writer(&mut w, &r)?;
            writeln!(w)?;
        }
        Format::Table => write_two(&mut w, &r)?,
    }
    w.flush()?;
    Ok(outcome)
}

fn write_two(w: &mut impl Write, r: &TwoWay) -> std::io::Result<()> {
    for (tag, s) in [("A", &r.a), ("B", &r.b)] {
        writeln!(
            w,
            "{tag}: {} · {} · {} · {}",
            clip(s.title.as_deref().unwrap_or(&s.id), 70),
            s.outlet,
            s.lang.as_deref().unwrap_or("??"),
            s.published.as_deref().unwrap_or("undated")
        )?;
    }
    let verdict = if r.same_story >= 0.5 {
        "same story"
    } else {
        "different stories"
    };
    writeln!(
        w,
        "\n{verdict}: same-story probability {:.2}, similarity {:.2} (1 same … 4 unrelated)",
        r.same_story, r.similarity
    )?;
    if let Some(c) = r.embedding_cosine {
        writeln!(
            w,
            "Embedding cosine {c:.3} (e5 on SemEval-2022 pairs: unrelated ≈ 0.79, same topic ≈ 0.85, same story ≈ 0.93)"
        )?;
    }
    if let Some((who, kind, of)) = &r.repost {
        writeln!(
            w,
            "{} is a {:?} of {} — not an independent source",
            who.to_uppercase(),
            kind,
            of.to_uppercase()
        )?;
    }
    for (heading, actors) in [
        ("Both name", &r.shared_actors),
        ("Only A", &r.only_a_actors),
        ("Only B", &r.only_b_actors),
    ] {
        let names = if actors.is_empty() {
            "-".to_string()
        } else {
            actors.join(", ")
        };
        writeln!(w, "{heading}: {names}")?;
    }
    write_comparison(w, &r.comparison)?;
    for (tag, s) in [("A", &r.a), ("B", &r.b)] {
        for q in &s.claims.quotes {
            writeln!(
                w,
                "   {tag} quotes {} ({}): «{}»",
                q.speaker.as_deref().unwrap_or("unnamed speaker"),
                q.verb.as_deref().unwrap_or("-"),
                clip(&q.quote, 90)
            )?;
        }
    }
    Ok(())
}

fn run_pairs(a: &Args, path: &PathBuf) -> anyhow::Result<Outcome> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {name}"))?;
    let mut outcome = Outcome::default();
    let mut recs: Vec<PairRecord> = Vec::new();
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let item = format!("{name}:{}", i + 1);
        let parsed = std::str::from_utf8(raw)
            .map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))
            .and_then(|l| {
                serde_json::from_str::<PairRecord>(l).map_err(|e| format!("bad JSON: {e}"))
            });
        match parsed {
            Ok(r) => {
                recs.push(r);
                outcome.succeeded += 1;
            }
            Err(e) => {
                eprintln!("newsprism: skipped {item}: {e}");
                outcome.failed += 1;
            }
        }
    }
    if recs.is_empty() {
        bail!("{name}: no pair could be read");
    }
    let file = path
        .file_name()
        .map_or(name.clone(), |f| f.to_string_lossy().into_owned());
    let mut w = writer(&a.out)?;
    let json = matches!(a.format, Some(Format::Json) | Some(Format::Jsonl));
    if a.deep.deep && (a.eval || a.fit.is_some()) {
        // Check before spending minutes on embedding.
        if recs.iter().filter(|r| r.overall.is_some()).count() < 10 {
            bail!("{name}: too few pairs with an `overall` score to cross-validate");
        }
        let Some(embedder) = a.deep.embedder()? else {
            bail!("--deep needs the encoder");
        };
        let bar = progress(recs.len() as u64 * 4, "embedding");
        let emb = embed_pairs(&recs, embedder.as_ref(), &|done, total| {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        });
        bar.finish_and_clear();
        let emb = emb?;
        let Some(r) = cross_validate_deep(&recs, &emb, 5, LAMBDAS) else {
            bail!("{name}: too few pairs with an `overall` score to cross-validate");
        };
        if json {
            serde_json::to_writer_pretty(&mut w, &r)?;
            writeln!(w)?;
        } else {
            write_cv_side_by_side(&mut w, &r.lexical, &r.deep, &r.embedder)?;
        }
        if let Some(out) = &a.fit {
            let m = fit_model_deep(&recs, &emb, r.deep.lambda, &fit_note_deep(&r, &file));
            write_model(&m, out)?;
        }
    } else if a.eval || a.fit.is_some() {
        let Some(r) = cross_validate(&recs, 5, LAMBDAS) else {
            bail!("{name}: too few pairs with an `overall` score to cross-validate");
        };
        if json {
            serde_json::to_writer_pretty(&mut w, &r)?;
            writeln!(w)?;
        } else {
            writeln!(
                w,
                "{}-fold cross-validated Pearson on {} pairs: {:.3} (ridge penalty {})",
                r.folds, r.pairs, r.pearson, r.lambda
            )?;
            writeln!(
                w,
                "baseline (character 4-gram TF-IDF cosine alone): {:.3}",
                r.baseline_char4
            )?;
            writeln!(
                w,
                "each language pair predicted from the others only: {:.3}",
                r.leave_language_pair_out
            )?;
            for (l, n, p) in &r.by_lang {
                writeln!(w, "  {l:<6} {n:>5} pairs  {p:.3}")?;
            }
        }
        if let Some(out) = &a.fit {
            let m = fit_model(&recs, r.lambda, &fit_note(&r, &file));
            write_model(&m, out)?;
        }
    } else if let Some((embedder, model)) = deep_setup(&a.deep, a.pair_model.as_deref())? {
        let bar = progress(recs.len() as u64 * 4, "embedding");
        let emb = embed_pairs(&recs, embedder.as_ref(), &|done, total| {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        });
        bar.finish_and_clear();
        for s in score_deep(&recs, &model, &emb?)? {
            serde_json::to_writer(&mut w, &s)?;
            writeln!(w)?;
        }
    } else {
        for s in score(&recs, newsprism_stories::similarity::PairModel::builtin()) {
            serde_json::to_writer(&mut w, &s)?;
            writeln!(w)?;
        }
    }
    w.flush()?;
    Ok(outcome)
}

fn write_model(m: &newsprism_stories::similarity::PairModel, out: &PathBuf) -> anyhow::Result<()> {
    let json = serde_json::to_string_pretty(m)?;
    std::fs::write(out, json + "\n").with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!("newsprism: wrote {}", out.display());
    Ok(())
}

/// Lexical and deep cross-validation on the same folds, as a table.
fn write_cv_side_by_side(
    w: &mut impl Write,
    lex: &CvReport,
    deep: &CvReport,
    embedder: &str,
) -> std::io::Result<()> {
    writeln!(
        w,
        "Pearson with `overall` on {} pairs, same folds for both models (deep: + `{embedder}` embeddings)",
        deep.pairs
    )?;
    writeln!(w, "{:<44} {:>8} {:>8}", "", "lexical", "deep")?;
    writeln!(
        w,
        "{:<44} {:>8.3} {:>8.3}",
        format!("{}-fold cross-validated", deep.folds),
        lex.pearson,
        deep.pearson
    )?;
    writeln!(
        w,
        "{:<44} {:>8.3} {:>8.3}",
        "each language pair predicted from the others",
        lex.leave_language_pair_out,
        deep.leave_language_pair_out
    )?;
    writeln!(
        w,
        "{:<44} {:>8} {:>8}",
        "ridge penalty (chosen by CV)", lex.lambda, deep.lambda
    )?;
    writeln!(
        w,
        "per language pair: {:>14} {:>8} {:>8} {:>8}",
        "cv lexical", "cv deep", "held-out lex", "held-out deep"
    )?;
    for (l, n, p) in &lex.by_lang {
        let find =
            |v: &[(String, usize, f64)]| v.iter().find(|x| &x.0 == l).map_or(f64::NAN, |x| x.2);
        writeln!(
            w,
            "  {l:<6} {n:>5} pairs {:>11.3} {:>8.3} {:>8.3} {:>8.3}",
            p,
            find(&deep.by_lang),
            find(&lex.leave_language_pair_out_by_lang),
            find(&deep.leave_language_pair_out_by_lang)
        )?;
    }
    writeln!(
        w,
        "baselines: character 4-gram TF-IDF cosine alone {:.3}; embedding cosine alone {:.3}",
        lex.baseline_char4,
        deep.baseline_embedding.unwrap_or(f64::NAN)
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_mode_scores_good_lines_and_reports_bad_ones() {
        let tmp = std::env::temp_dir();
        let input = tmp.join(format!("newsprism-pairs-in-{}.jsonl", std::process::id()));
        let output = tmp.join(format!("newsprism-pairs-out-{}.jsonl", std::process::id()));
        std::fs::write(
            &input,
            b"{\"pair_id\": \"p1\", \"text1\": \"Eight police officers killed in Korvask.\", \"text2\": \"Huit policiers tues a Korvask.\", \"lang1\": \"en\", \"lang2\": \"fr\"}\n\
              {\"pair_id\": 2, \"text1\": \"x\"}\n\xff\n\n",
        )
        .unwrap();
        let args = Args {
            articles: vec![],
            pairs: Some(input.clone()),
            eval: false,
            fit: None,
            format: None,
            no_profiles: true,
            model: None,
            out: Some(output.clone()),
            deep: DeepArgs::default(),
            pair_model: None,
        };
        let outcome = run(args).unwrap();
        let text = std::fs::read_to_string(&output).unwrap();
        std::fs::remove_file(&input).ok();
        std::fs::remove_file(&output).ok();
        assert_eq!((outcome.succeeded, outcome.failed), (1, 2));
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0]["pair_id"], "p1");
        let sim = lines[0]["similarity"].as_f64().unwrap();
        assert!((1.0..=4.0).contains(&sim));
        assert!(lines[0]["same_story"].as_f64().is_some());
        assert!(lines[0].get("embedding_cosine").is_none());
    }

    #[cfg(feature = "deep")]
    #[test]
    fn deep_without_an_encoder_fails_with_the_missing_path_before_any_work() {
        let input =
            std::env::temp_dir().join(format!("newsprism-deep-in-{}.jsonl", std::process::id()));
        std::fs::write(
            &input,
            "{\"pair_id\": \"p1\", \"text1\": \"a b c\", \"text2\": \"a b d\"}\n",
        )
        .unwrap();
        let missing = std::env::temp_dir().join("newsprism-no-such-model-dir");
        let args = Args {
            articles: vec![],
            pairs: Some(input.clone()),
            eval: false,
            fit: None,
            format: None,
            no_profiles: true,
            model: None,
            out: Some(std::env::temp_dir().join("newsprism-deep-out-unused.jsonl")),
            deep: DeepArgs {
                deep: true,
                model_dir: Some(missing.clone()),
            },
            pair_model: None,
        };
        let Err(err) = run(args) else {
            panic!("--deep without an encoder must fail");
        };
        std::fs::remove_file(&input).ok();
        let msg = format!("{err:#}");
        assert!(msg.contains("newsprism-no-such-model-dir"), "{msg}");
    }
}
