//! PNG: the figure's SVG ([`super::svg`]) rendered by resvg, so raster and vector
//! figures come from one drawing code path. The bundled font is the only font resvg
//! sees (no system fonts), so text looks the same on every machine. The file records
//! the chosen resolution in its `pHYs` chunk.

use super::ExportError;
use crate::scene::{FONT_DATA, FONT_FAMILY, Scene};
use resvg::{tiny_skia, usvg};
use std::sync::{Arc, OnceLock};

/// A font database holding only the bundled font, also as the `sans-serif` family.
pub fn font_db() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(FONT_DATA.to_vec());
        db.set_sans_serif_family(FONT_FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// Parses an SVG with the bundled font.
pub fn parse_svg(svg: &str) -> Result<usvg::Tree, ExportError> {
    let opt = usvg::Options {
        font_family: FONT_FAMILY.to_string(),
        fontdb: font_db(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &opt).map_err(|e| ExportError::Render(e.to_string()))
}

/// The figure as PNG bytes, `width · dpi / 96` pixels wide.
pub fn to_png(scene: &Scene, dpi: f64) -> Result<Vec<u8>, ExportError> {
    let tree = parse_svg(&super::svg::to_svg(scene))?;
    let dpi = if dpi.is_finite() && dpi > 0.0 {
        dpi
    } else {
        96.0
    };
    let zoom = (dpi / 96.0) as f32;
    let size = tree.size();
    let (w, h) = (
        (size.width() * zoom).round().max(1.0) as u32,
        (size.height() * zoom).round().max(1.0) as u32,
    );
    if (w as u64) * (h as u64) > 400_000_000 {
        return Err(ExportError::Render(format!(
            "{w}×{h} pixels is too large; lower the size or the DPI"
        )));
    }
    let mut pixmap = tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| ExportError::Render(format!("cannot allocate {w}×{h} pixels")))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(zoom, zoom),
        &mut pixmap.as_mut(),
    );
    encode(&pixmap, dpi)
}

fn encode(pixmap: &tiny_skia::Pixmap, dpi: f64) -> Result<Vec<u8>, ExportError> {
    let mut rgba = Vec::with_capacity(pixmap.data().len());
    for p in pixmap.pixels() {
        let c = p.demultiply();
        rgba.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
    }
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        let ppm = (dpi / 0.0254).round() as u32;
        enc.set_pixel_dims(Some(png::PixelDimensions {
            xppu: ppm,
            yppu: ppm,
            unit: png::Unit::Meter,
        }));
        let mut w = enc
            .write_header()
            .map_err(|e| ExportError::Render(e.to_string()))?;
        w.write_image_data(&rgba)
            .map_err(|e| ExportError::Render(e.to_string()))?;
    }
    Ok(out)
}
