//! The official SemEval-2023 Task 3 metrics.
//!
//! Subtask 1: macro-F1 over genres; subtask 2: micro-F1 over article × frame; subtask 3: micro-F1
//! over (article, line) × technique on the annotated lines only.

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
    pub frames: Counts,
    pub techniques: Counts,
    pub articles: usize,
    pub lines: usize,
}

impl Scores {
    pub fn from_accumulators(
        per: std::collections::BTreeMap<newsprism_core::Lang, ScoreAcc>,
    ) -> Scores {
        let mut s = Scores::default();
        for (l, a) in per {
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
