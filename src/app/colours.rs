//! Colours for egui from the core palette ([`crate::scene::colors`]), so that the
//! canvas and the exported figures colour alike.

use egui::Color32;

/// A core colour ([`crate::scene::colors`], shared with the exported figures) for egui.
pub fn egui_colour(c: crate::scene::colors::Rgba) -> Color32 {
    let [r, g, b, a] = c.0;
    Color32::from_rgba_unmultiplied(r, g, b, a)
}

/// Colour of cluster `c` (grey when unclustered): the figures' palette.
pub fn cluster_colour(c: Option<u32>) -> Color32 {
    egui_colour(crate::scene::colors::cluster_color(c))
}

/// CiteSpace's year colours, cool (old) to warm (recent), `t` in 0..=1: the figures' ramp.
pub fn year_colour(t: f32) -> Color32 {
    egui_colour(crate::scene::colors::year_ramp(t as f64))
}

/// VOSviewer's density colours: blue (low) through green to yellow (high).
pub fn density_colour(t: f32) -> Color32 {
    const STOPS: [(f64, [u8; 3]); 4] = [
        (0.0, [40, 40, 130]),
        (0.35, [30, 140, 160]),
        (0.7, [110, 200, 80]),
        (1.0, [250, 235, 40]),
    ];
    egui_colour(crate::scene::colors::ramp(&STOPS, t as f64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gradients_hit_their_stops() {
        // The app draws with the figures' colours (scene::colors).
        assert_eq!(year_colour(0.0), Color32::from_rgb(44, 62, 180));
        assert_eq!(year_colour(1.0), Color32::from_rgb(230, 60, 30));
        assert_eq!(cluster_colour(Some(13)), Color32::from_rgb(255, 127, 14));
        assert_eq!(cluster_colour(None), Color32::from_gray(150));
        assert_eq!(density_colour(2.0), Color32::from_rgb(250, 235, 40));
        // halfway between (0.0, [40,40,130]) and (0.35, [30,140,160]) at t = 0.175
        assert_eq!(density_colour(0.175), Color32::from_rgb(35, 90, 145));
    }
}
