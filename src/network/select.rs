//! Node selection per time slice, as CiteSpace defines it (Chen 2006, JASIST 57(3);
//! CiteSpace's project panel).
//!
//! Candidates are the items occurring in the slice with their slice counts. They are
//! ranked by count, descending; **ties are broken by the item's key in ascending
//! order**, so the result never depends on load order.
//! - `top:N` keeps the first N of the ranking (all if fewer).
//! - `toppct:P` keeps the first ⌈P/100 · candidates⌉.
//! - `g:k` (scaled g-index, Egghe 2006 as CiteSpace scales it) keeps the first g, where
//!   g is the largest rank with g² ≤ k · (c₁ + … + c_g); k = 1 is the plain g-index.
//!   g is capped at the number of candidates.
//! - `threshold:c,cc,ccv` keeps items with count ≥ c, where c is interpolated linearly
//!   between the first, middle and last slice's values (see [`interpolate`]); the cc
//!   and ccv parts filter links (in [`crate::network::build`]).
//! - `all` keeps every candidate.

use super::Selection;

/// Interpolated threshold triple for slice `index` of `slices`: linear from `first`
/// (slice 0) to `middle` (the middle slice) to `last` (the last slice). A single slice
/// uses `first`.
pub fn interpolate(
    first: [f64; 3],
    middle: [f64; 3],
    last: [f64; 3],
    index: usize,
    slices: usize,
) -> [f64; 3] {
    if slices <= 1 {
        return first;
    }
    let t = index as f64 / (slices - 1) as f64;
    let lerp = |a: [f64; 3], b: [f64; 3], u: f64| [0, 1, 2].map(|i| a[i] + (b[i] - a[i]) * u);
    if t <= 0.5 {
        lerp(first, middle, t * 2.0)
    } else {
        lerp(middle, last, (t - 0.5) * 2.0)
    }
}

/// The scaled g-index of counts sorted in descending order.
pub fn g_index(sorted_desc: &[u32], k: f64) -> usize {
    let mut sum = 0.0;
    let mut g = 0;
    for (i, &c) in sorted_desc.iter().enumerate() {
        sum += c as f64;
        let rank = (i + 1) as f64;
        if rank * rank <= k * sum {
            g = i + 1;
        }
    }
    g
}

/// Selects items. `candidates` are (item, count) with count > 0, `key` gives an item's
/// key for ties; returns the kept items, in ranking order for `top`, `toppct` and `g`,
/// by item id for `threshold` and `all`. `slice` and `slices` place the slice for
/// interpolated thresholds.
///
/// Only the kept items are sorted: the N-th count is found in linear time and keys are
/// read and compared only for the items kept or tied at it (slices have hundreds of
/// thousands of candidates, most of them tied at count 1).
pub fn select<'k>(
    candidates: &mut [(u32, u32)],
    key: &dyn Fn(u32) -> &'k str,
    rule: &Selection,
    slice: usize,
    slices: usize,
) -> Vec<u32> {
    let n = candidates.len();
    let keep = match *rule {
        Selection::All => return sorted_ids(candidates.iter()),
        Selection::Threshold {
            first,
            middle,
            last,
        } => {
            let c = interpolate(first, middle, last, slice, slices)[0];
            return sorted_ids(candidates.iter().filter(|x| x.1 as f64 >= c));
        }
        Selection::Top { n: top } => top.min(n),
        Selection::TopPct { pct } => ((pct / 100.0 * n as f64).ceil() as usize).min(n),
        Selection::GIndex { k } => {
            let mut counts: Vec<u32> = candidates.iter().map(|c| c.1).collect();
            counts.sort_unstable_by(|a, b| b.cmp(a));
            g_index(&counts, k)
        }
    };
    top_k(candidates, key, keep)
}

fn sorted_ids<'a>(it: impl Iterator<Item = &'a (u32, u32)>) -> Vec<u32> {
    let mut ids: Vec<u32> = it.map(|c| c.0).collect();
    ids.sort_unstable();
    ids
}

/// The first `k` of the ranking (count descending, key ascending).
fn top_k<'k>(candidates: &mut [(u32, u32)], key: &dyn Fn(u32) -> &'k str, k: usize) -> Vec<u32> {
    if k == 0 {
        return Vec::new();
    }
    let keyed = |c: &(u32, u32)| (c.0, c.1, key(c.0));
    let rank =
        |a: &(u32, u32, &str), b: &(u32, u32, &str)| b.1.cmp(&a.1).then_with(|| a.2.cmp(b.2));
    if k < candidates.len() {
        candidates.select_nth_unstable_by(k - 1, |a, b| b.1.cmp(&a.1));
        let kth = candidates[k - 1].1;
        // Everything above the k-th count is in; ties at it are decided by key. Items
        // tied at `kth` may sit on both sides of position k − 1.
        let (head, tail) = candidates.split_at_mut(k);
        let mut kept: Vec<(u32, u32, &str)> =
            head.iter().filter(|c| c.1 > kth).map(keyed).collect();
        let mut tied: Vec<(u32, u32, &str)> = head
            .iter()
            .chain(tail.iter())
            .filter(|c| c.1 == kth)
            .map(keyed)
            .collect();
        tied.sort_unstable_by(rank);
        let room = k - kept.len();
        kept.extend(tied.into_iter().take(room));
        kept.sort_unstable_by(rank);
        kept.into_iter().map(|c| c.0).collect()
    } else {
        let mut all: Vec<(u32, u32, &str)> = candidates.iter().map(keyed).collect();
        all.sort_unstable_by(rank);
        all.into_iter().map(|c| c.0).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `select` on (item, count, key) triples.
    fn select(
        c: &mut [(u32, u32, &'static str)],
        rule: &Selection,
        i: usize,
        n: usize,
    ) -> Vec<u32> {
        let keys: std::collections::HashMap<u32, &'static str> =
            c.iter().map(|&(id, _, k)| (id, k)).collect();
        let mut pairs: Vec<(u32, u32)> = c.iter().map(|&(id, n, _)| (id, n)).collect();
        super::select(&mut pairs, &|id| keys[&id], rule, i, n)
    }

    fn cands() -> Vec<(u32, u32, &'static str)> {
        // counts 10, 8, 5, 5, 3, 1 (items 0..6, keys to break the 5–5 tie: "c" < "d")
        vec![
            (3, 5, "d"),
            (0, 10, "a"),
            (1, 8, "b"),
            (2, 5, "c"),
            (4, 3, "e"),
            (5, 1, "f"),
        ]
    }

    #[test]
    fn top_and_ties() {
        assert_eq!(
            select(&mut cands(), &Selection::Top { n: 3 }, 0, 1),
            vec![0, 1, 2]
        );
        assert_eq!(
            select(&mut cands(), &Selection::Top { n: 100 }, 0, 1).len(),
            6
        );
        // ceil(0.34 * 6) = 3
        assert_eq!(
            select(&mut cands(), &Selection::TopPct { pct: 34.0 }, 0, 1),
            vec![0, 1, 2]
        );
        assert_eq!(select(&mut cands(), &Selection::All, 0, 1).len(), 6);
    }

    #[test]
    fn g_index_by_hand() {
        // Cumulative sums 10, 18, 23, 28, 31, 32. Plain g (k=1): 1≤10, 4≤18, 9≤23,
        // 16≤28, 25≤31, 36>32 → g = 5.
        assert_eq!(g_index(&[10, 8, 5, 5, 3, 1], 1.0), 5);
        // k = 0.5: 1≤5, 4≤9, 9≤11.5, 16>14, 25>15.5 → g = 3.
        assert_eq!(g_index(&[10, 8, 5, 5, 3, 1], 0.5), 3);
        // k = 25 keeps all (capped at 6).
        assert_eq!(g_index(&[10, 8, 5, 5, 3, 1], 25.0), 6);
        assert_eq!(
            select(&mut cands(), &Selection::GIndex { k: 0.5 }, 0, 1),
            vec![0, 1, 2]
        );
    }

    #[test]
    fn thresholds_interpolate() {
        let f = [2.0, 2.0, 0.2];
        let m = [4.0, 3.0, 0.3];
        let l = [6.0, 4.0, 0.4];
        assert_eq!(interpolate(f, m, l, 0, 5), f);
        assert_eq!(interpolate(f, m, l, 2, 5), m);
        assert_eq!(interpolate(f, m, l, 4, 5), l);
        assert_eq!(interpolate(f, m, l, 1, 5)[0], 3.0);
        assert_eq!(interpolate(f, m, l, 3, 5)[0], 5.0);
        let rule = Selection::Threshold {
            first: [5.0, 1.0, 0.0],
            middle: [5.0, 1.0, 0.0],
            last: [5.0, 1.0, 0.0],
        };
        assert_eq!(select(&mut cands(), &rule, 0, 1), vec![0, 1, 2, 3]);
    }

    #[test]
    fn top_k_ties_straddling_the_cut() {
        // Counts 3, 2, 2, 2, 1 with keys chosen so the tie at 2 is decided by key:
        // top 3 = the count-3 item, then the two smallest keys among the 2s ("b", "c").
        let c = || {
            vec![
                (10, 2, "d"),
                (11, 1, "a"),
                (12, 2, "c"),
                (13, 3, "z"),
                (14, 2, "b"),
            ]
        };
        assert_eq!(
            select(&mut c(), &Selection::Top { n: 3 }, 0, 1),
            vec![13, 14, 12]
        );
        assert_eq!(
            select(&mut c(), &Selection::Top { n: 4 }, 0, 1),
            vec![13, 14, 12, 10]
        );
    }
}
