//! Layouts of the merged network: force-directed (fdg-sim, ForceAtlas2 with
//! Barnes–Hut), timeline and time-zone (filled in by the layout issue).

use crate::pipeline::{Analysis, Progress};

/// Writes `x`, `y` for every node of `analysis.network` (stub).
pub fn run(_analysis: &mut Analysis, _progress: Progress) {}
