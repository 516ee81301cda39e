//! Burst detection by Kleinberg's (2002) two-state automaton in its batched form
//! (Kleinberg, "Bursty and hierarchical structure in streams", §4 "enumerating
//! bursts"), as CiteSpace applies it to per-year counts.
//!
//! Slice t has d_t records of which r_t are relevant (cite the reference, use the
//! keyword). The base state emits relevant records at rate p0 = R/D (totals over all
//! slices), the burst state at p1 = s · p0, capped at [`MAX_P1`]. The cost of state i
//! in slice t is σ(i, t) = −ln[ C(d_t, r_t) p_i^r_t (1 − p_i)^(d_t − r_t) ]; entering
//! the burst state costs γ ln n (n = number of slices), leaving it is free, and the
//! automaton starts in the base state. Viterbi gives the cheapest state sequence
//! (ties resolved toward the base state). Each maximal run of burst states is a burst
//! of strength Σ_t σ(0, t) − σ(1, t) (the binomial coefficient cancels). Runs shorter
//! than the minimum duration are dropped, as CiteSpace's "minimum duration" does.
//! Defaults s = 2, γ = 1 (CiteSpace); minimum duration [`DEFAULT_MIN_DURATION`].

use crate::network::Burst;

/// Default rate ratio s of the burst state.
pub const DEFAULT_S: f64 = 2.0;
/// Default transition cost factor γ.
pub const DEFAULT_GAMMA: f64 = 1.0;
/// Default minimum burst duration in slices (CiteSpace's burstness panel shows 2).
pub const DEFAULT_MIN_DURATION: usize = 2;
/// Cap on the burst-state rate so its cost stays finite.
pub const MAX_P1: f64 = 0.9999;

/// Cost −ln P(r of d relevant | rate p) without the binomial coefficient.
fn cost(d: f64, r: f64, p: f64) -> f64 {
    let mut c = 0.0;
    if r > 0.0 {
        c -= r * p.ln();
    }
    if d - r > 0.0 {
        c -= (d - r) * (1.0 - p).ln();
    }
    c
}

/// The rates (p0, p1) of a series, or `None` when nothing is relevant.
fn rates(r: &[u64], d: &[u64], s: f64) -> Option<(f64, f64)> {
    let big_r: u64 = r.iter().sum();
    let big_d: u64 = r.iter().zip(d).map(|(&r, &d)| d.max(r)).sum();
    if big_r == 0 || big_d == 0 {
        return None;
    }
    let p0 = big_r as f64 / big_d as f64;
    Some((p0, (s * p0).min(MAX_P1)))
}

/// The optimal state sequence (0 = base, 1 = burst) for relevant counts `r` among
/// `d` records per slice. Series of unequal length are cut to the shorter.
pub fn kleinberg(r: &[u64], d: &[u64], s: f64, gamma: f64) -> Vec<u8> {
    let n = r.len().min(d.len());
    let (r, d) = (&r[..n], &d[..n]);
    let Some((p0, p1)) = rates(r, d, s) else {
        return vec![0; n];
    };
    if p1 <= p0 {
        return vec![0; n];
    }
    let up = gamma * (n as f64).ln();
    // best[q]: cheapest cost of a prefix ending in state q; from[t][q]: previous state.
    let mut best = [0.0, f64::INFINITY];
    let mut from = vec![[0u8; 2]; n];
    for t in 0..n {
        let (dt, rt) = (d[t].max(r[t]) as f64, r[t] as f64);
        let to0 = if best[0] <= best[1] {
            (best[0], 0)
        } else {
            (best[1], 1)
        };
        let to1 = if best[1] <= best[0] + up {
            (best[1], 1)
        } else {
            (best[0] + up, 0)
        };
        from[t] = [to0.1, to1.1];
        best = [to0.0 + cost(dt, rt, p0), to1.0 + cost(dt, rt, p1)];
    }
    let mut states = vec![0u8; n];
    let mut q = if best[1] < best[0] { 1 } else { 0 };
    for t in (0..n).rev() {
        states[t] = q;
        q = from[t][q as usize];
    }
    states
}

/// Bursts of a series: begin and end are indices into `years`, which names each slice.
/// Only bursts lasting at least `min_duration` slices are kept, in time order.
pub fn detect(
    r: &[u64],
    d: &[u64],
    years: &[i32],
    s: f64,
    gamma: f64,
    min_duration: usize,
) -> Vec<Burst> {
    let n = r.len().min(d.len()).min(years.len());
    let states = kleinberg(&r[..n], &d[..n], s, gamma);
    let Some((p0, p1)) = rates(&r[..n], &d[..n], s) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut t = 0;
    while t < n {
        if states[t] == 0 {
            t += 1;
            continue;
        }
        let begin = t;
        while t + 1 < n && states[t + 1] == 1 {
            t += 1;
        }
        if t + 1 - begin >= min_duration.max(1) {
            let strength = (begin..=t)
                .map(|u| {
                    let (du, ru) = (d[u].max(r[u]) as f64, r[u] as f64);
                    cost(du, ru, p0) - cost(du, ru, p1)
                })
                .sum();
            out.push(Burst {
                strength,
                begin: years[begin],
                end: years[t],
            });
        }
        t += 1;
    }
    out
}

/// The strongest burst of a series (CiteSpace reports one burst per node).
pub fn strongest(bursts: &[Burst]) -> Option<Burst> {
    bursts
        .iter()
        .copied()
        .fold(None, |best: Option<Burst>, b| match best {
            Some(x) if x.strength >= b.strength => Some(x),
            _ => Some(b),
        })
}

/// Sigma (Chen et al. 2009): (betweenness + 1)^(burst strength); 1 without a burst.
pub fn sigma(betweenness: f64, burst: Option<&Burst>) -> f64 {
    burst.map_or(1.0, |b| (betweenness + 1.0).powf(b.strength))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_computed_single_burst() {
        // r = [0, 4, 0], d = [4, 4, 4]: p0 = 1/3, p1 = 2/3, entering the burst costs
        // ln 3 = 1.0986. Empty slices cost −4 ln(2/3) = 1.6219 in the base state and
        // −4 ln(1/3) = 4.3944 in the burst state; the full slice the other way round.
        // 000 costs 7.6382, 010 costs 1.6219 + 1.0986 + 1.6219 + 1.6219 = 5.9643 (best).
        // Strength = 4.3944 − 1.6219 = 4 ln 2.
        assert_eq!(kleinberg(&[0, 4, 0], &[4, 4, 4], 2.0, 1.0), vec![0, 1, 0]);
        let b = detect(&[0, 4, 0], &[4, 4, 4], &[2000, 2001, 2002], 2.0, 1.0, 1);
        assert_eq!(b.len(), 1);
        assert_eq!((b[0].begin, b[0].end), (2001, 2001));
        assert!((b[0].strength - 4.0 * 2f64.ln()).abs() < 1e-12);
        // The same burst is too short for a minimum duration of 2.
        assert!(detect(&[0, 4, 0], &[4, 4, 4], &[2000, 2001, 2002], 2.0, 1.0, 2).is_empty());
    }

    #[test]
    fn constant_rate_and_empty_series_have_no_burst() {
        assert_eq!(
            kleinberg(&[3, 3, 3, 3], &[10, 10, 10, 10], 2.0, 1.0),
            vec![0; 4]
        );
        assert_eq!(kleinberg(&[0, 0], &[10, 10], 2.0, 1.0), vec![0; 2]);
        assert!(detect(&[], &[], &[], 2.0, 1.0, 1).is_empty());
    }

    #[test]
    fn sigma_is_one_without_burst() {
        assert_eq!(sigma(0.3, None), 1.0);
        let b = Burst {
            strength: 2.0,
            begin: 2000,
            end: 2003,
        };
        assert!((sigma(0.5, Some(&b)) - 2.25).abs() < 1e-12);
    }
}
