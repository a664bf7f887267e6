//! Least-squares fitting and cross-validation for the pair-similarity mapping, small enough to
//! live here instead of pulling in a linear-algebra crate.

// Matrix code reads best with explicit indices.
#![allow(clippy::needless_range_loop)]

/// A fitted linear model over standardised features: `y = bias + Σ coef_i · (x_i − mean_i) / sd_i`.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Linear {
    pub mean: Vec<f64>,
    pub sd: Vec<f64>,
    pub coef: Vec<f64>,
    pub bias: f64,
}

impl Linear {
    /// The model's output for one feature vector (features constant in training are ignored).
    pub fn predict(&self, x: &[f64]) -> f64 {
        let mut y = self.bias;
        for i in 0..self.coef.len() {
            // A feature that was constant in training carries no information.
            if self.sd[i] > 1e-6 {
                y += self.coef[i] * (x[i] - self.mean[i]) / self.sd[i];
            }
        }
        y
    }
}

/// Ridge regression (L2 penalty `lambda` on standardised coefficients).
pub fn ridge(xs: &[Vec<f64>], ys: &[f64], lambda: f64) -> Linear {
    let n = xs.len().max(1) as f64;
    let d = xs.first().map_or(0, Vec::len);
    let mut mean = vec![0.0; d];
    for x in xs {
        for i in 0..d {
            mean[i] += x[i] / n;
        }
    }
    let mut sd = vec![0.0; d];
    for x in xs {
        for i in 0..d {
            sd[i] += (x[i] - mean[i]).powi(2) / n;
        }
    }
    for s in &mut sd {
        *s = s.sqrt().max(1e-9);
    }
    let ymean = ys.iter().sum::<f64>() / n;
    // Normal equations (Z'Z + λI) w = Z'y on standardised Z.
    let mut a = vec![vec![0.0; d + 1]; d];
    for (x, y) in xs.iter().zip(ys) {
        let z: Vec<f64> = (0..d).map(|i| (x[i] - mean[i]) / sd[i]).collect();
        for i in 0..d {
            for j in 0..d {
                a[i][j] += z[i] * z[j];
            }
            a[i][d] += z[i] * (y - ymean);
        }
    }
    for (i, row) in a.iter_mut().enumerate() {
        row[i] += lambda;
    }
    let coef = solve(a);
    Linear {
        mean,
        sd,
        coef,
        bias: ymean,
    }
}

/// Ridge regression with sign constraints: `signs[i]` is -1 (coefficient must be ≤ 0), +1 (≥ 0)
/// or 0 (free). Features whose fitted sign is wrong are dropped and the rest refitted, until all
/// signs hold (a simple active-set heuristic). Constraining overlap signals to "more overlap ⇒
/// more similar" keeps the mapping sane outside the training distribution (e.g. cross-lingual
/// pairs with perfect name overlap but no shared words).
pub fn ridge_signed(xs: &[Vec<f64>], ys: &[f64], lambda: f64, signs: &[i8]) -> Linear {
    let d = signs.len();
    let mut active: Vec<usize> = (0..d).collect();
    loop {
        let sub: Vec<Vec<f64>> = xs
            .iter()
            .map(|x| active.iter().map(|&i| x[i]).collect())
            .collect();
        let m = ridge(&sub, ys, lambda);
        let worst = active
            .iter()
            .enumerate()
            .filter(|(k, &i)| f64::from(signs[i]) * m.coef[*k] < 0.0)
            .max_by(|a, b| (m.coef[a.0].abs()).total_cmp(&m.coef[b.0].abs()))
            .map(|(k, _)| k);
        match worst {
            Some(k) => {
                active.remove(k);
            }
            None => {
                let mut full = Linear {
                    mean: vec![0.0; d],
                    sd: vec![1.0; d],
                    coef: vec![0.0; d],
                    bias: m.bias,
                };
                for (k, &i) in active.iter().enumerate() {
                    full.mean[i] = m.mean[k];
                    full.sd[i] = m.sd[k];
                    full.coef[i] = m.coef[k];
                }
                return full;
            }
        }
    }
}

/// Gaussian elimination with partial pivoting on an augmented matrix.
fn solve(mut a: Vec<Vec<f64>>) -> Vec<f64> {
    let d = a.len();
    for c in 0..d {
        let p = (c..d)
            .max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs()))
            .unwrap_or(c);
        a.swap(c, p);
        let piv = a[c][c];
        if piv.abs() < 1e-12 {
            continue;
        }
        for r in 0..d {
            if r != c {
                let f = a[r][c] / piv;
                if f != 0.0 {
                    for k in c..=d {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
    }
    (0..d)
        .map(|i| {
            if a[i][i].abs() < 1e-12 {
                0.0
            } else {
                a[i][d] / a[i][i]
            }
        })
        .collect()
}

/// One-feature logistic regression `P(y) = σ(a + b·x)` by Newton's method (with a tiny ridge
/// so separable data stays finite). Returns `(a, b)`.
pub fn logistic_1d(xs: &[f64], ys: &[bool]) -> (f64, f64) {
    let (mut a, mut b) = (0.0f64, 0.0f64);
    for _ in 0..50 {
        let (mut ga, mut gb, mut haa, mut hab, mut hbb) = (0.0, 0.0, 1e-6, 0.0, 1e-6);
        for (&x, &y) in xs.iter().zip(ys) {
            let p = 1.0 / (1.0 + (-(a + b * x)).exp());
            let r = p - f64::from(u8::from(y));
            ga += r;
            gb += r * x;
            let w = (p * (1.0 - p)).max(1e-9);
            haa += w;
            hab += w * x;
            hbb += w * x * x;
        }
        gb += 1e-3 * b;
        hbb += 1e-3;
        let det = haa * hbb - hab * hab;
        if det.abs() < 1e-12 {
            break;
        }
        let da = (hbb * ga - hab * gb) / det;
        let db = (haa * gb - hab * ga) / det;
        a -= da;
        b -= db;
        if da.abs() + db.abs() < 1e-9 {
            break;
        }
    }
    (a, b)
}

/// Pearson correlation; 0 when either side is constant.
pub fn pearson(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len().min(b.len());
    if n < 2 {
        return 0.0;
    }
    let ma = a[..n].iter().sum::<f64>() / n as f64;
    let mb = b[..n].iter().sum::<f64>() / n as f64;
    let (mut sab, mut saa, mut sbb) = (0.0, 0.0, 0.0);
    for i in 0..n {
        let (x, y) = (a[i] - ma, b[i] - mb);
        sab += x * y;
        saa += x * x;
        sbb += y * y;
    }
    if saa <= 0.0 || sbb <= 0.0 {
        0.0
    } else {
        sab / (saa * sbb).sqrt()
    }
}

/// Out-of-fold predictions of k-fold cross-validation; folds are taken by `group` (so both
/// texts of a story stay on one side), assigned deterministically by hashing the group.
pub fn cross_val_predict(
    xs: &[Vec<f64>],
    ys: &[f64],
    groups: &[u64],
    k: usize,
    fit: impl Fn(&[Vec<f64>], &[f64]) -> Linear,
) -> Vec<f64> {
    let fold_of = |g: u64| ((g.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 33) % k as u64) as usize;
    let mut pred = vec![0.0; xs.len()];
    for f in 0..k {
        let (mut tx, mut ty) = (Vec::new(), Vec::new());
        for i in 0..xs.len() {
            if fold_of(groups[i]) != f {
                tx.push(xs[i].clone());
                ty.push(ys[i]);
            }
        }
        let m = fit(&tx, &ty);
        for i in 0..xs.len() {
            if fold_of(groups[i]) == f {
                pred[i] = m.predict(&xs[i]);
            }
        }
    }
    pred
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovers_a_line() {
        let xs: Vec<Vec<f64>> = (0..50)
            .map(|i| vec![i as f64, (i * 7 % 5) as f64])
            .collect();
        let ys: Vec<f64> = xs.iter().map(|x| 2.0 * x[0] - 3.0 * x[1] + 1.0).collect();
        let m = ridge(&xs, &ys, 1e-9);
        for (x, y) in xs.iter().zip(&ys) {
            assert!((m.predict(x) - y).abs() < 1e-6);
        }
        assert!((pearson(&ys, &ys) - 1.0).abs() < 1e-12);
        assert_eq!(pearson(&[1.0, 1.0], &[1.0, 2.0]), 0.0);
        let xs: Vec<f64> = (0..200).map(|i| f64::from(i) / 50.0).collect();
        let ys: Vec<bool> = xs
            .iter()
            .enumerate()
            .map(|(i, &x)| x < 2.0 || i % 7 == 0)
            .collect();
        let (a, b) = logistic_1d(&xs, &ys);
        assert!(b < 0.0 && (-a / b - 2.0).abs() < 0.5, "{a} {b}");
    }
}
