//! The main path of a citation network ([`crate::analysis::mainpath`]) as a layer of
//! thick orange lines over the links, under the nodes: each main-path link that is
//! visible, wider than the widest ordinary link.

use super::colors::MAIN_PATH;
use super::draw::{Frame, Visible, position};
use super::{Layer, Shape, Stroke};
use crate::pipeline::Analysis;

/// The main-path layer; `None` when the analysis has no main path.
pub(super) fn layer(a: &Analysis, f: &Frame, vis: &Visible) -> Option<Layer> {
    let path = a.main_path.as_ref()?;
    let net = &a.network;
    let stroke = Stroke {
        color: MAIN_PATH.with_alpha(0.9),
        width: f.r_min * 2.4,
    };
    let shapes = path
        .links
        .iter()
        .filter(|&&i| vis.links.get(i as usize).copied().unwrap_or(false))
        .filter_map(|&i| {
            let l = net.links.get(i as usize)?;
            let from = position(l.source as usize, f)?;
            let to = position(l.target as usize, f)?;
            Some(Shape::Line { from, to, stroke })
        })
        .collect();
    Some(Layer {
        name: "main_path",
        shapes,
    })
}
