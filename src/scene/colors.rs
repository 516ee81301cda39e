//! The colour scheme shared by the exported figures and the app, so a figure matches
//! the screen:
//! - clusters: a categorical palette of 12 (Tableau 10 and two darker companions),
//!   cluster `k` takes entry `k mod 12`; unclustered nodes are grey;
//! - years: CiteSpace's cool-to-warm convention (Chen 2006) — old years blue, through
//!   cyan, green and yellow, to red for the newest — as a piecewise-linear ramp in sRGB;
//!
//! These are the values the app drew with before this module existed (`app::scene`),
//! so the app can take its colours from here without a visible change.
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

/// Cluster colours: Tableau 10 followed by two darker companions (the app's palette
/// since its first version); cluster `k` takes entry `k mod 12`.
pub const CLUSTER_PALETTE: [Rgba; 12] = [
    Rgba::rgb(31, 119, 180),
    Rgba::rgb(255, 127, 14),
    Rgba::rgb(44, 160, 44),
    Rgba::rgb(214, 39, 40),
    Rgba::rgb(148, 103, 189),
    Rgba::rgb(140, 86, 75),
    Rgba::rgb(227, 119, 194),
    Rgba::rgb(127, 127, 127),
    Rgba::rgb(188, 189, 34),
    Rgba::rgb(23, 190, 207),
    Rgba::rgb(57, 59, 121),
    Rgba::rgb(99, 121, 57),
];

/// Colour of nodes without a cluster.
pub const UNCLUSTERED: Rgba = Rgba::rgb(150, 150, 150);
/// CiteSpace's purple ring: betweenness centrality at or above [`CENTRALITY_RING_MIN`].
pub const CENTRALITY_RING: Rgba = Rgba::rgb(150, 60, 200);
/// CiteSpace's red ring: a citation burst.
pub const BURST_RING: Rgba = Rgba::rgb(220, 30, 30);
/// The main path of a citation network, drawn over its links (orange, apart from the
/// year ramp's blues and reds and the rings' purple and red).
pub const MAIN_PATH: Rgba = Rgba::rgb(0xf0, 0x8c, 0x00);
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

/// Stops of the year ramp: position in 0–1 and colour, oldest first.
const YEAR_STOPS: [(f64, [u8; 3]); 5] = [
    (0.0, [44, 62, 180]),
    (0.3, [0, 160, 200]),
    (0.55, [60, 180, 75]),
    (0.8, [240, 200, 30]),
    (1.0, [230, 60, 30]),
];

/// The colour of a cluster's label text: its cluster colour darkened (on a light
/// background) or lightened (on a dark one), opaque, so that it reads over the map
/// (the figures and the canvas use it alike).
pub fn cluster_text_color(c: Option<u32>, dark_background: bool) -> Rgba {
    let [r, g, b, _] = cluster_color(c).0;
    let f = |v: u8| {
        let v = v as f64;
        (if dark_background {
            v + (255.0 - v) * 0.4
        } else {
            v * 0.6
        })
        .round() as u8
    };
    Rgba([f(r), f(g), f(b), 255])
}
/// The year ramp at `t` in 0–1 (clamped): blue (old), cyan, green, yellow, red (new).
pub fn year_ramp(t: f64) -> Rgba {
    ramp(&YEAR_STOPS, t)
}

/// A piecewise-linear colour ramp in sRGB through `stops` (position in 0–1 and colour,
/// ascending) at `t`, clamped to 0–1 (a non-finite `t` counts as 0).
pub fn ramp(stops: &[(f64, [u8; 3])], t: f64) -> Rgba {
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        0.0
    };
    for w in stops.windows(2) {
        let ((t0, a), (t1, b)) = (w[0], w[1]);
        if t <= t1 {
            let f = (t - t0) / (t1 - t0).max(1e-12);
            let mix = |k: usize| (a[k] as f64 + (b[k] as f64 - a[k] as f64) * f).round() as u8;
            return Rgba::rgb(mix(0), mix(1), mix(2));
        }
    }
    let [r, g, b] = stops.last().map_or([0, 0, 0], |s| s.1);
    Rgba::rgb(r, g, b)
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
        assert_eq!(year_color(2000, 2000, 2010), Rgba::rgb(44, 62, 180));
        assert_eq!(year_color(2010, 2000, 2010), Rgba::rgb(230, 60, 30));
        // t = 0.3 is a stop; t = 0.675 is halfway between the stops at 0.55 and 0.8.
        assert_eq!(year_ramp(0.3), Rgba::rgb(0, 160, 200));
        assert_eq!(year_ramp(0.675), Rgba::rgb(150, 190, 53));
        assert_eq!(year_color(1990, 2000, 2010), year_ramp(0.0));
    }

    #[test]
    fn palette_wraps_and_hex() {
        assert_eq!(cluster_color(Some(12)), cluster_color(Some(0)));
        assert_eq!(cluster_color(None), UNCLUSTERED);
        assert_eq!(CLUSTER_PALETTE[0].hex(), "#1f77b4");
        assert_eq!(INK.with_alpha(0.5).0[3], 128);
    }
}
