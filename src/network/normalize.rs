//! Link strength from co-occurrence counts. With c_i, c_j the counts of the two items
//! (records containing each), c_ij their co-occurrence count and N the number of
//! records:
//! - raw: c_ij;
//! - cosine (Salton & McGill 1983): c_ij / √(c_i c_j) — CiteSpace's default;
//! - Jaccard: c_ij / (c_i + c_j − c_ij);
//! - Dice: 2 c_ij / (c_i + c_j);
//! - association strength (van Eck & Waltman 2009): N · c_ij / (c_i c_j), the ratio of
//!   observed to expected co-occurrences under independence (1 = as expected). Scaling
//!   by N (rather than leaving c_ij / (c_i c_j)) keeps values comparable across slices.
//!
//! With fractional counting c_ij is the fractional co-occurrence (each record gives each
//! pair of its n items 1/(n − 1)); the counts c_i stay whole record counts.

use super::Measure;

/// Link strength; 0 when undefined (a zero count).
pub fn strength(measure: Measure, cij: f64, ci: f64, cj: f64, n: f64) -> f64 {
    let v = match measure {
        Measure::Raw => cij,
        Measure::Cosine => cij / (ci * cj).sqrt(),
        Measure::Jaccard => cij / (ci + cj - cij),
        Measure::Dice => 2.0 * cij / (ci + cj),
        Measure::Association => n * cij / (ci * cj),
    };
    if v.is_finite() { v } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_hand() {
        // c_i = 4, c_j = 9, c_ij = 3, N = 20
        assert_eq!(strength(Measure::Raw, 3.0, 4.0, 9.0, 20.0), 3.0);
        assert_eq!(strength(Measure::Cosine, 3.0, 4.0, 9.0, 20.0), 0.5);
        assert_eq!(strength(Measure::Jaccard, 3.0, 4.0, 9.0, 20.0), 0.3);
        assert_eq!(strength(Measure::Dice, 3.0, 4.0, 9.0, 20.0), 6.0 / 13.0);
        assert_eq!(
            strength(Measure::Association, 3.0, 4.0, 9.0, 20.0),
            60.0 / 36.0
        );
        assert_eq!(strength(Measure::Cosine, 1.0, 0.0, 9.0, 20.0), 0.0);
    }
}
