//! Export of the current view: PNG (a screenshot of the canvas) and SVG (the visible
//! nodes and links in the current view's positions), and the merge thesaurus file.

use super::CociteApp;
use super::scene::{self, node_radius};
use std::fmt::Write as _;
use std::path::PathBuf;

/// Where merges are saved by default: `thesaurus.txt` in the app's data directory.
pub fn default_thesaurus_file() -> PathBuf {
    eframe::storage_dir("cocite")
        .unwrap_or_else(std::env::temp_dir)
        .join("thesaurus.txt")
}

/// Writes the thesaurus in VOSviewer's format (`label<TAB>replace by`) to `path`.
pub fn save_thesaurus(path: &std::path::Path, entries: &[(String, String)]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut text = String::from("label\treplace by\n");
    for (a, b) in entries {
        let _ = writeln!(text, "{a}\t{b}");
    }
    std::fs::write(path, text)
}

/// The visible part of the map as an SVG document: links coloured by first year,
/// nodes by cluster, labels for the largest nodes.
pub fn svg(app: &CociteApp) -> String {
    let net = &app.analysis.network;
    let d = &app.derived;
    let (first, last) = app.span();
    let t = |y: i32| {
        if last > first {
            (y - first) as f32 / (last - first) as f32
        } else {
            1.0
        }
    };
    let pts: Vec<egui::Pos2> = (0..net.nodes.len())
        .filter(|&i| d.nodes_visible[i])
        .map(|i| d.pos[i])
        .collect();
    let b = if pts.is_empty() {
        egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1.0, 1.0))
    } else {
        egui::Rect::from_points(&pts).expand(40.0)
    };
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{:.1} {:.1} {:.1} {:.1}\">\n<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"white\"/>\n<g stroke-opacity=\"0.5\">\n",
        b.min.x,
        b.min.y,
        b.width(),
        b.height(),
        b.min.x,
        b.min.y,
        b.width(),
        b.height()
    );
    let hex = |c: egui::Color32| format!("#{:02x}{:02x}{:02x}", c.r(), c.g(), c.b());
    for (k, l) in net
        .links
        .iter()
        .enumerate()
        .filter(|(k, _)| d.links_visible[*k])
    {
        let _ = k;
        let (a, c) = (d.pos[l.source as usize], d.pos[l.target as usize]);
        let _ = writeln!(
            s,
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{}\"/>",
            a.x,
            a.y,
            c.x,
            c.y,
            hex(scene::year_colour(t(l.first_year)))
        );
    }
    s.push_str("</g>\n<g stroke=\"white\" stroke-width=\"0.5\">\n");
    let mut order: Vec<usize> = (0..net.nodes.len())
        .filter(|&i| d.nodes_visible[i])
        .collect();
    order.sort_by_key(|&i| std::cmp::Reverse(net.nodes[i].count));
    for &i in order.iter().rev() {
        let (n, p) = (&net.nodes[i], d.pos[i]);
        let _ = writeln!(
            s,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{:.1}\" fill=\"{}\"><title>{}</title></circle>",
            p.x,
            p.y,
            node_radius(n.count),
            hex(scene::cluster_colour(n.cluster)),
            xml(&n.label)
        );
    }
    s.push_str("</g>\n<g font-family=\"sans-serif\" font-size=\"12\" text-anchor=\"middle\">\n");
    for &i in order.iter().take(40) {
        let (n, p) = (&net.nodes[i], d.pos[i]);
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            p.x,
            p.y + node_radius(n.count) + 12.0,
            xml(&super::labels::short_label(&n.label))
        );
    }
    s.push_str("</g>\n</svg>\n");
    s
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Encodes an RGBA image as PNG.
pub fn encode_png(image: &egui::ColorImage) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let [w, h] = image.size;
    let mut enc = png::Encoder::new(&mut out, w as u32, h as u32);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    let mut writer = enc.write_header().map_err(|e| e.to_string())?;
    writer
        .write_image_data(image.as_raw())
        .map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

impl CociteApp {
    /// The current view as SVG (what File → Export SVG writes).
    pub fn svg(&self) -> String {
        svg(self)
    }

    pub(super) fn export_svg(&mut self) {
        let Some(path) = rfd::FileDialog::new()
            .add_filter("SVG", &["svg"])
            .set_file_name("cocite-map.svg")
            .save_file()
        else {
            return;
        };
        self.view.status = match std::fs::write(&path, svg(self)) {
            Ok(()) => format!("Saved {}", path.display()),
            Err(e) => format!("Cannot write {}: {e}", path.display()),
        };
    }

    pub(super) fn export_png(&mut self) {
        let Some(path) = rfd::FileDialog::new()
            .add_filter("PNG", &["png"])
            .set_file_name("cocite-map.png")
            .save_file()
        else {
            return;
        };
        let Some(ctx) = self.worker_ctx() else { return };
        let rect = self.canvas_rect;
        let ppp = ctx.pixels_per_point();
        ctx.request_screenshot(move |image| {
            let region = image.region(&rect, Some(ppp));
            let result = encode_png(&region)
                .and_then(|bytes| std::fs::write(&path, bytes).map_err(|e| e.to_string()));
            if let Err(e) = result {
                eprintln!("cocite: cannot write {}: {e}", path.display());
            }
        });
        self.view.status = "Saving PNG…".into();
    }
}
