//! The official SemEval-2023 Task 3 metrics.
//!
//! Subtask 1: macro-F1 over genres; subtask 2: micro-F1 over article × frame; subtask 3: micro-F1
//! over (article, line) × technique on the annotated lines only.

use newsprism_core::{Frame, Genre, Label, Technique};
use serde::Serialize;

/// Pooled true/false positive counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Counts {
    pub tp: u64,
    pub fp: u64,
    #[serde(rename = "fn")]
    pub fn_: u64,
}

impl Counts {
    pub fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }
    /// Counts of one multi-label example given as bitmasks.
    #[inline]
    pub fn of_sets(gold: u32, pred: u32) -> Counts {
        Counts {
            tp: (gold & pred).count_ones() as u64,
            fp: (pred & !gold).count_ones() as u64,
            fn_: (gold & !pred).count_ones() as u64,
        }
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Micro-F1 counts over multi-label examples (bitmasks).
pub fn micro(gold: &[u32], pred: &[u32]) -> Counts {
    let mut c = Counts::default();
    for (&g, &p) in gold.iter().zip(pred) {
        c.add(Counts::of_sets(g, p));
    }
    c
}

/// Macro-F1 over single-label classes, averaged over the classes that occur in gold or
/// predictions (as scikit-learn's `f1_score(average="macro")` does, which the task's scorer uses).
pub fn macro_f1(gold: &[usize], pred: &[usize], classes: usize) -> f64 {
    let mut sum = 0.0;
    let mut k = 0;
    for c in 0..classes {
        let mut cnt = Counts::default();
        for (&g, &p) in gold.iter().zip(pred) {
            match (g == c, p == c) {
                (true, true) => cnt.tp += 1,
                (false, true) => cnt.fp += 1,
                (true, false) => cnt.fn_ += 1,
                _ => {}
            }
        }
        if cnt.tp + cnt.fp + cnt.fn_ > 0 {
            sum += cnt.f1();
            k += 1;
        }
    }
    if k == 0 {
        0.0
    } else {
        sum / k as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn micro_counts() {
        let c = micro(&[0b011, 0b100, 0], &[0b001, 0b110, 0b1]);
        assert_eq!(
            c,
            Counts {
                tp: 2,
                fp: 2,
                fn_: 1
            }
        );
        assert!((c.f1() - 4.0 / 7.0).abs() < 1e-9);
    }

    #[test]
    fn macro_skips_absent_classes() {
        // Class 2 never occurs: the average is over classes 0 and 1.
        let f = macro_f1(&[0, 0, 1, 1], &[0, 1, 1, 1], 3);
        let f0 = 2.0 / 3.0;
        let f1 = 0.8;
        assert!((f - (f0 + f1) / 2.0).abs() < 1e-9, "{f}");
    }
}

/// Scores per language and their mean over languages (the task ranks on per-language scores; the
/// project's acceptance figures are means over languages).
#[derive(Clone, Debug, Default, Serialize, serde::Deserialize)]
pub struct Scores {
    pub per_language: std::collections::BTreeMap<String, LangScores>,
    pub mean: LangScores,
    /// Per frame and per technique, pooled over languages: the micro-F1 is carried by the
    /// frequent labels and hides which rare ones the model never finds.
    #[serde(default)]
    pub per_label: PerLabel,
}

/// Precision, recall and F1 of each label, pooled over all languages, in the task's label order.
#[derive(Clone, Debug, Default, Serialize, serde::Deserialize)]
pub struct PerLabel {
    pub genres: Vec<LabelScore>,
    pub frames: Vec<LabelScore>,
    pub techniques: Vec<LabelScore>,
}

#[derive(Clone, Debug, Default, Serialize, serde::Deserialize)]
pub struct LabelScore {
    pub label: String,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Gold occurrences.
    pub support: u64,
    pub predicted: u64,
}

impl LabelScore {
    fn of<L: Label>(l: L, c: Counts) -> LabelScore {
        LabelScore {
            label: l.name().to_string(),
            precision: c.precision(),
            recall: c.recall(),
            f1: c.f1(),
            support: c.tp + c.fn_,
            predicted: c.tp + c.fp,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, Serialize, serde::Deserialize)]
pub struct LangScores {
    pub subtask1_macro_f1: f64,
    pub subtask2_micro_f1: f64,
    pub subtask3_micro_f1: f64,
    pub articles: usize,
    pub annotated_lines: usize,
}

/// Accumulates gold and predicted labels of one language.
#[derive(Default)]
pub struct ScoreAcc {
    pub genre_gold: Vec<usize>,
    pub genre_pred: Vec<usize>,
    frames: Counts,
    techniques: Counts,
    frame_labels: [Counts; Frame::COUNT],
    technique_labels: [Counts; Technique::COUNT],
    pub articles: usize,
    pub lines: usize,
}

impl ScoreAcc {
    /// One article's gold and predicted frames (bitmasks).
    pub fn add_frames(&mut self, gold: u32, pred: u32) {
        self.frames.add(Counts::of_sets(gold, pred));
        add_per_label(&mut self.frame_labels, gold, pred);
    }
    /// One annotated line's gold and predicted techniques (bitmasks).
    pub fn add_techniques(&mut self, gold: u32, pred: u32) {
        self.techniques.add(Counts::of_sets(gold, pred));
        add_per_label(&mut self.technique_labels, gold, pred);
        self.lines += 1;
    }
}

fn add_per_label(acc: &mut [Counts], gold: u32, pred: u32) {
    for (l, c) in acc.iter_mut().enumerate() {
        c.add(Counts::of_sets(gold >> l & 1, pred >> l & 1));
    }
}

impl Scores {
    pub fn from_accumulators(
        per: std::collections::BTreeMap<newsprism_core::Lang, ScoreAcc>,
    ) -> Scores {
        let mut s = Scores::default();
        let mut frame_labels = [Counts::default(); Frame::COUNT];
        let mut technique_labels = [Counts::default(); Technique::COUNT];
        let mut genre_labels = [Counts::default(); Genre::COUNT];
        for (l, a) in per {
            for (&g, &p) in a.genre_gold.iter().zip(&a.genre_pred) {
                if p == g {
                    genre_labels[g].tp += 1;
                } else {
                    genre_labels[g].fn_ += 1;
                    genre_labels[p].fp += 1;
                }
            }
            for (t, c) in frame_labels.iter_mut().zip(&a.frame_labels) {
                t.add(*c);
            }
            for (t, c) in technique_labels.iter_mut().zip(&a.technique_labels) {
                t.add(*c);
            }
            s.per_language.insert(
                l.to_string(),
                LangScores {
                    subtask1_macro_f1: macro_f1(&a.genre_gold, &a.genre_pred, 3),
                    subtask2_micro_f1: a.frames.f1(),
                    subtask3_micro_f1: a.techniques.f1(),
                    articles: a.articles,
                    annotated_lines: a.lines,
                },
            );
        }
        let k = s.per_language.len().max(1) as f64;
        for v in s.per_language.values() {
            s.mean.subtask1_macro_f1 += v.subtask1_macro_f1 / k;
            s.mean.subtask2_micro_f1 += v.subtask2_micro_f1 / k;
            s.mean.subtask3_micro_f1 += v.subtask3_micro_f1 / k;
            s.mean.articles += v.articles;
            s.mean.annotated_lines += v.annotated_lines;
        }
        s.per_label = PerLabel {
            genres: Genre::ALL
                .iter()
                .map(|&g| LabelScore::of(g, genre_labels[g.index()]))
                .collect(),
            frames: Frame::ALL
                .iter()
                .map(|&f| LabelScore::of(f, frame_labels[f.index()]))
                .collect(),
            techniques: Technique::ALL
                .iter()
                .map(|&t| LabelScore::of(t, technique_labels[t.index()]))
                .collect(),
        };
        s
    }

    /// Mean and sample standard deviation of the scores of several cross-validation runs over
    /// different fold splits. ST1 rests on ~40 satire articles, so one split's figure moves by
    /// a few hundredths with the split alone; a change is only real when it beats this spread.
    /// `None` when `runs` is empty.
    pub fn spread(runs: &[Scores]) -> Option<(Scores, Scores)> {
        let first = runs.first()?;
        let n = runs.len() as f64;
        let stat = |pick: &dyn Fn(&Scores) -> LangScores| -> (LangScores, LangScores) {
            let vals: Vec<LangScores> = runs.iter().map(pick).collect();
            let f = |g: &dyn Fn(&LangScores) -> f64| -> (f64, f64) {
                let m = vals.iter().map(g).sum::<f64>() / n;
                let var = if runs.len() > 1 {
                    vals.iter().map(|v| (g(v) - m).powi(2)).sum::<f64>() / (n - 1.0)
                } else {
                    0.0
                };
                (m, var.sqrt())
            };
            let (m1, s1) = f(&|v| v.subtask1_macro_f1);
            let (m2, s2) = f(&|v| v.subtask2_micro_f1);
            let (m3, s3) = f(&|v| v.subtask3_micro_f1);
            let counts = vals[0];
            let mk = |a, b, c| LangScores {
                subtask1_macro_f1: a,
                subtask2_micro_f1: b,
                subtask3_micro_f1: c,
                ..counts
            };
            (mk(m1, m2, m3), mk(s1, s2, s3))
        };
        let (mut mean, mut sd) = (Scores::default(), Scores::default());
        for lang in first.per_language.keys() {
            let (m, d) = stat(&|s: &Scores| s.per_language.get(lang).copied().unwrap_or_default());
            mean.per_language.insert(lang.clone(), m);
            sd.per_language.insert(lang.clone(), d);
        }
        (mean.mean, sd.mean) = stat(&|s: &Scores| s.mean);
        Some((mean, sd))
    }
}

#[cfg(test)]
mod per_label_tests {
    use super::*;
    use newsprism_core::Lang;

    #[test]
    fn per_label_counts_pool_languages_and_match_the_micro_total() {
        let doubt = 1 << Technique::Doubt.index();
        let loaded = 1 << Technique::LoadedLanguage.index();
        let mut per = std::collections::BTreeMap::new();
        let mut en = ScoreAcc::default();
        en.genre_gold.extend([0, 0, 2]);
        en.genre_pred.extend([0, 2, 1]);
        en.add_techniques(doubt | loaded, doubt); // doubt found, loaded missed
        en.add_techniques(0, loaded); // loaded false positive
        let mut fr = ScoreAcc::default();
        fr.add_techniques(doubt, doubt);
        per.insert(Lang::EN, en);
        per.insert(Lang::FR, fr);
        let s = Scores::from_accumulators(per);
        let t = &s.per_label.techniques;
        assert_eq!(t.len(), Technique::COUNT);
        let d = &t[Technique::Doubt.index()];
        assert_eq!((d.label.as_str(), d.support, d.predicted), ("Doubt", 2, 2));
        assert_eq!(d.f1, 1.0);
        let l = &t[Technique::LoadedLanguage.index()];
        assert_eq!((l.support, l.predicted, l.f1), (1, 1, 0.0));
        assert_eq!(s.per_language["en"].annotated_lines, 2);
        let g = &s.per_label.genres;
        assert_eq!((g[0].support, g[0].predicted, g[0].f1), (2, 1, 2.0 / 3.0));
        assert_eq!((g[1].support, g[1].predicted), (0, 1));
        assert_eq!((g[2].support, g[2].predicted, g[2].f1), (1, 1, 0.0));
        // en: tp 1, fp 1, fn 1 → micro-F1 0.5.
        assert!((s.per_language["en"].subtask3_micro_f1 - 0.5).abs() < 1e-12);
    }
}

#[cfg(test)]
mod spread_tests {
    use super::*;

    fn run(st1: f64, st3: f64) -> Scores {
        let l = LangScores {
            subtask1_macro_f1: st1,
            subtask2_micro_f1: 0.5,
            subtask3_micro_f1: st3,
            articles: 10,
            annotated_lines: 100,
        };
        Scores {
            per_language: [("en".to_string(), l)].into_iter().collect(),
            mean: l,
            ..Scores::default()
        }
    }

    #[test]
    fn mean_and_sample_deviation_over_runs() {
        let (m, sd) = Scores::spread(&[run(0.4, 0.30), run(0.6, 0.30)]).unwrap();
        assert!((m.mean.subtask1_macro_f1 - 0.5).abs() < 1e-12);
        // Sample SD of {0.4, 0.6} is 0.1·√2.
        assert!((sd.mean.subtask1_macro_f1 - 0.1 * 2f64.sqrt()).abs() < 1e-12);
        assert_eq!(sd.per_language["en"].subtask3_micro_f1, 0.0);
        assert_eq!(m.per_language["en"].articles, 10);
        assert!(Scores::spread(&[]).is_none());
    }
}
