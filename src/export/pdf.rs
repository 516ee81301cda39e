//! PDF: the figure's SVG converted by svg2pdf (the typst project's converter), with
//! the bundled font embedded (subset), so the PDF is vector like the SVG. svg2pdf 0.13
//! builds on usvg 0.45, which is why cocite's resvg is 0.45 too: one SVG stack.

use super::ExportError;
use crate::scene::Scene;

/// The figure as PDF bytes; the page is the figure's size at 96 CSS px per inch.
pub fn to_pdf(scene: &Scene) -> Result<Vec<u8>, ExportError> {
    let tree = super::png::parse_svg(&super::svg::to_svg(scene))?;
    svg2pdf::to_pdf(
        &tree,
        svg2pdf::ConversionOptions::default(),
        svg2pdf::PageOptions { dpi: 96.0 },
    )
    .map_err(|e| ExportError::Render(e.to_string()))
}
