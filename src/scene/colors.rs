//! The colour scheme shared by the exported figures and the app, so a figure matches
//! the screen:
//! - clusters: a categorical palette (Tableau 10, then its lighter companions from
//!   Tableau 20), cluster `k` takes entry `k mod 20`; unclustered nodes are grey;
//! - years: CiteSpace's cool-to-warm convention (Chen 2006) — old years blue, through
//!   cyan, green and yellow, to red for the newest — as a piecewise-linear ramp in sRGB;
//! - rings: purple for betweenness centrality ≥ 0.1 and red for a citation burst, as
//!   CiteSpace draws them.

use serde::{Deserialize, Serialize};

/// An sRGB colour with straight (not premultiplied) alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rgba(pub [u8; 4]);

impl Rgba {
    /// An opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Rgba([r, g, b, 255])
    }

    /// The same colour with alpha `a` (0–1).
    pub fn with_alpha(self, a: f64) -> Self {
        let [r, g, b, _] = self.0;
        Rgba([r, g, b, (a.clamp(0.0, 1.0) * 255.0).round() as u8])
    }

    /// `#rrggbb` (alpha is written separately, as SVG's `*-opacity`).
    pub fn hex(self) -> String {
        let [r, g, b, _] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// Alpha as 0–1.
    pub fn alpha(self) -> f64 {
        self.0[3] as f64 / 255.0
    }
}

/// Cluster colours: Tableau 10 followed by the light half of Tableau 20.
pub const CLUSTER_PALETTE: [Rgba; 20] = [
    Rgba::rgb(0x4e, 0x79, 0xa7),
    Rgba::rgb(0xf2, 0x8e, 0x2b),
    Rgba::rgb(0xe1, 0x57, 0x59),
    Rgba::rgb(0x76, 0xb7, 0xb2),
    Rgba::rgb(0x59, 0xa1, 0x4f),
    Rgba::rgb(0xed, 0xc9, 0x48),
    Rgba::rgb(0xb0, 0x7a, 0xa1),
    Rgba::rgb(0xff, 0x9d, 0xa7),
    Rgba::rgb(0x9c, 0x75, 0x5f),
    Rgba::rgb(0xba, 0xb0, 0xac),
    Rgba::rgb(0xae, 0xc7, 0xe8),
    Rgba::rgb(0xff, 0xbb, 0x78),
    Rgba::rgb(0x98, 0xdf, 0x8a),
    Rgba::rgb(0xff, 0x98, 0x96),
    Rgba::rgb(0xc5, 0xb0, 0xd5),
    Rgba::rgb(0xc4, 0x9c, 0x94),
    Rgba::rgb(0xf7, 0xb6, 0xd2),
    Rgba::rgb(0xdb, 0xdb, 0x8d),
    Rgba::rgb(0x9e, 0xda, 0xe5),
    Rgba::rgb(0x17, 0xbe, 0xcf),
];

/// Colour of nodes without a cluster.
pub const UNCLUSTERED: Rgba = Rgba::rgb(0x9a, 0x9a, 0x9a);
/// CiteSpace's purple ring: betweenness centrality at or above [`CENTRALITY_RING_MIN`].
pub const CENTRALITY_RING: Rgba = Rgba::rgb(0x8e, 0x24, 0xaa);
/// CiteSpace's red ring: a citation burst.
pub const BURST_RING: Rgba = Rgba::rgb(0xe0, 0x1b, 0x1b);
/// Betweenness from which a node gets the purple ring (CiteSpace: 0.1).
pub const CENTRALITY_RING_MIN: f64 = 0.1;
/// Figure background.
pub const BACKGROUND: Rgba = Rgba::rgb(0xff, 0xff, 0xff);
/// Text and axes.
pub const INK: Rgba = Rgba::rgb(0x22, 0x22, 0x22);

/// The colour of cluster `c` (grey for none).
pub fn cluster_color(c: Option<u32>) -> Rgba {
    match c {
        Some(k) => CLUSTER_PALETTE[k as usize % CLUSTER_PALETTE.len()],
        None => UNCLUSTERED,
    }
}

/// Stops of the year ramp, oldest first.
const YEAR_STOPS: [[u8; 3]; 6] = [
    [0x2c, 0x3e, 0xa8],
    [0x1f, 0x9b, 0xd7],
    [0x2e, 0xb8, 0x72],
    [0xe8, 0xd4, 0x2a],
    [0xf2, 0x8c, 0x28],
    [0xd7, 0x26, 0x26],
];

/// The year ramp at `t` in 0–1 (clamped): blue (old) to red (new).
pub fn year_ramp(t: f64) -> Rgba {
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let s = t * (YEAR_STOPS.len() - 1) as f64;
    let i = (s.floor() as usize).min(YEAR_STOPS.len() - 2);
    let f = s - i as f64;
    let (a, b) = (YEAR_STOPS[i], YEAR_STOPS[i + 1]);
    let mix = |k: usize| (a[k] as f64 + (b[k] as f64 - a[k] as f64) * f).round() as u8;
    Rgba::rgb(mix(0), mix(1), mix(2))
}

/// The colour of `year` on a scale from `first` to `last` (a one-year scale is red).
pub fn year_color(year: i32, first: i32, last: i32) -> Rgba {
    if last <= first {
        return year_ramp(1.0);
    }
    year_ramp((year - first) as f64 / (last - first) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ramp_ends_and_middle() {
        assert_eq!(year_color(2000, 2000, 2010), Rgba::rgb(0x2c, 0x3e, 0xa8));
        assert_eq!(year_color(2010, 2000, 2010), Rgba::rgb(0xd7, 0x26, 0x26));
        // t = 0.5 sits halfway between stops 2 and 3 (s = 2.5).
        assert_eq!(year_ramp(0.5), Rgba::rgb(0x8b, 0xc6, 0x4e));
        assert_eq!(year_color(1990, 2000, 2010), year_ramp(0.0));
    }

    #[test]
    fn palette_wraps_and_hex() {
        assert_eq!(cluster_color(Some(20)), cluster_color(Some(0)));
        assert_eq!(cluster_color(None), UNCLUSTERED);
        assert_eq!(CLUSTER_PALETTE[0].hex(), "#4e79a7");
        assert_eq!(INK.with_alpha(0.5).0[3], 128);
    }
}
