//! Density view (van Eck & Waltman 2010, VOSviewer's item density): each visible node
//! spreads its weight (its count) with a Gaussian kernel; the summed density is shown
//! on a grid coloured blue → green → yellow, normalised to the densest cell. The
//! kernel width is fixed in world units so the map keeps its look when zooming.

use super::super::colours;
use super::CanvasInput;
use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Pos2, Rect, pos2};

/// Screen pixels per density cell.
const CELL: f32 = 6.0;
/// Kernel width in world units (the world is ±`WORLD_HALF`).
pub const SIGMA_WORLD: f32 = crate::scene::view::WORLD_HALF as f32 * 0.05;

/// Density on a grid of `cols × rows` cells covering `rect`, for points with weights.
pub fn density_grid(points: &[(Pos2, f32)], rect: Rect, sigma_px: f32) -> (usize, usize, Vec<f32>) {
    let cols = (rect.width() / CELL).ceil().max(1.0) as usize;
    let rows = (rect.height() / CELL).ceil().max(1.0) as usize;
    let mut grid = vec![0.0f32; cols * rows];
    let reach = (3.0 * sigma_px / CELL).ceil() as i64;
    let inv = 1.0 / (2.0 * sigma_px * sigma_px).max(1e-6);
    for &(p, w) in points {
        let cx = ((p.x - rect.min.x) / CELL).floor() as i64;
        let cy = ((p.y - rect.min.y) / CELL).floor() as i64;
        for y in (cy - reach).max(0)..=(cy + reach).min(rows as i64 - 1) {
            for x in (cx - reach).max(0)..=(cx + reach).min(cols as i64 - 1) {
                let centre = pos2(
                    rect.min.x + (x as f32 + 0.5) * CELL,
                    rect.min.y + (y as f32 + 0.5) * CELL,
                );
                let d2 = centre.distance_sq(p);
                grid[y as usize * cols + x as usize] += w * (-d2 * inv).exp();
            }
        }
    }
    (cols, rows, grid)
}

/// The density map of the visible nodes as one mesh of coloured cells.
pub fn density_mesh(input: &CanvasInput, screen: &[Pos2], rect: Rect, zoom: f32) -> Mesh {
    let points: Vec<(Pos2, f32)> = (0..screen.len())
        .filter(|&i| input.nodes_visible[i])
        .map(|i| (screen[i], input.net.nodes[i].count.max(1) as f32))
        .collect();
    let (cols, rows, grid) = density_grid(&points, rect, (SIGMA_WORLD * zoom).max(2.0));
    let max = grid.iter().copied().fold(0.0f32, f32::max).max(1e-6);
    let mut mesh = Mesh::default();
    for y in 0..rows {
        for x in 0..cols {
            let colour = colours::density_colour(grid[y * cols + x] / max);
            let min = pos2(rect.min.x + x as f32 * CELL, rect.min.y + y as f32 * CELL);
            let base = mesh.vertices.len() as u32;
            for p in [
                min,
                pos2(min.x + CELL, min.y),
                pos2(min.x + CELL, min.y + CELL),
                pos2(min.x, min.y + CELL),
            ] {
                mesh.vertices.push(Vertex {
                    pos: p,
                    uv: WHITE_UV,
                    color: colour,
                });
            }
            mesh.add_triangle(base, base + 1, base + 2);
            mesh.add_triangle(base, base + 2, base + 3);
        }
    }
    mesh
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn density_peaks_at_the_point_and_follows_the_kernel() {
        let rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(60.0, 60.0));
        // A point at the centre of cell (5, 5): that cell gets w·exp(0) = 2.
        let (cols, rows, g) = density_grid(&[(pos2(33.0, 33.0), 2.0)], rect, 6.0);
        assert_eq!((cols, rows), (10, 10));
        assert!((g[5 * cols + 5] - 2.0).abs() < 1e-6);
        // One cell (6 px = one sigma) to the right: 2·exp(−1/2).
        assert!((g[5 * cols + 6] - 2.0 * (-0.5f32).exp()).abs() < 1e-6);
        // Beyond 3 sigma nothing is added.
        assert_eq!(g[5 * cols + 9], 0.0);
    }
}
