//! Force layouts on planted-partition graphs: determinism, cluster separation, warm-start
//! stability and the Barnes–Hut approximation against exact forces.

use cocite::layout::barnes_hut::{QuadTree, Repulsion, exact_forces};
use cocite::layout::{
    Fa2Params, ForceAtlas2, LayoutGraph, diameter, planted_partition, settle, warm_start,
};

fn dist(a: [f32; 2], b: [f32; 2]) -> f64 {
    (((a[0] - b[0]) as f64).powi(2) + ((a[1] - b[1]) as f64).powi(2)).sqrt()
}

/// Mean distance between nodes of the same cluster and between nodes of different ones.
fn intra_inter(pos: &[[f32; 2]], membership: &[u32]) -> (f64, f64) {
    let (mut intra, mut ni, mut inter, mut no) = (0.0, 0usize, 0.0, 0usize);
    for i in 0..pos.len() {
        for j in i + 1..pos.len() {
            if membership[i] == membership[j] {
                intra += dist(pos[i], pos[j]);
                ni += 1;
            } else {
                inter += dist(pos[i], pos[j]);
                no += 1;
            }
        }
    }
    (intra / ni as f64, inter / no as f64)
}

fn layout(g: &LayoutGraph, seed: u64, steps: u32) -> Vec<[f32; 2]> {
    let mut fa2 = ForceAtlas2::new(Fa2Params::default());
    let mut pos = fa2.init(g, seed);
    for _ in 0..steps {
        fa2.step(&mut pos, g);
    }
    pos
}

#[test]
fn same_seed_same_layout_other_seed_other_layout() {
    // 2000 nodes: large enough for the parallel Barnes–Hut and attraction paths.
    let (g, _) = planted_partition(4, 500, 4, 0.9, 11);
    let a = layout(&g, 1, 30);
    assert_eq!(a, layout(&g, 1, 30));
    assert_ne!(a, layout(&g, 2, 30));
}

#[test]
fn two_planted_clusters_end_apart() {
    // Two clusters of 100, 90 % of links inside. Expected: intra ≪ inter.
    let (g, membership) = planted_partition(2, 100, 4, 0.9, 5);
    let pos = layout(&g, 3, 300);
    let (intra, inter) = intra_inter(&pos, &membership);
    println!(
        "two clusters: intra {intra:.2}, inter {inter:.2}, ratio {:.3}",
        intra / inter
    );
    assert!(intra < 0.5 * inter, "intra {intra} inter {inter}");
}

#[test]
fn lin_log_separates_clusters_too() {
    let (g, membership) = planted_partition(2, 100, 4, 0.9, 5);
    let mut fa2 = ForceAtlas2::new(Fa2Params {
        lin_log: true,
        ..Fa2Params::default()
    });
    let mut pos = fa2.init(&g, 3);
    fa2.run(&mut pos, &g, 300, |_| true);
    let (intra, inter) = intra_inter(&pos, &membership);
    println!("lin-log: intra {intra:.2}, inter {inter:.2}");
    assert!(intra < 0.5 * inter, "intra {intra} inter {inter}");
}

#[test]
fn warm_start_after_adding_five_percent_keeps_the_map() {
    // Lay out 950 of 1000 nodes, add the other 50 (5 %), warm-start and settle for 30
    // steps: existing nodes move on average less than 10 % of the diameter.
    let (full, _) = planted_partition(5, 200, 4, 0.9, 21);
    let n = full.node_count();
    let shown = |i: usize| i % 20 != 7; // 950 nodes
    let old_index: Vec<usize> = (0..n).filter(|&i| shown(i)).collect();
    let mut local = vec![usize::MAX; n];
    for (k, &i) in old_index.iter().enumerate() {
        local[i] = k;
    }
    let sub_edges: Vec<(usize, usize, f64)> = full
        .links()
        .filter(|&(i, j, _)| shown(i) && shown(j))
        .map(|(i, j, w)| (local[i], local[j], w as f64))
        .collect();
    let sub = LayoutGraph::from_edges(old_index.len(), sub_edges);
    let mut fa2 = ForceAtlas2::new(Fa2Params::default());
    let mut old = fa2.init(&sub, 4);
    fa2.run(&mut old, &sub, 500, |_| true);

    let mut prev = vec![None; n];
    for (k, &i) in old_index.iter().enumerate() {
        prev[i] = Some(old[k]);
    }
    let mut pos = warm_start(&prev, &full, 4);
    settle(&mut fa2, &mut pos, &full, 30);
    let moved: f64 = old_index
        .iter()
        .enumerate()
        .map(|(k, &i)| dist(old[k], pos[i]))
        .sum::<f64>()
        / old.len() as f64;
    let d = diameter(&old) as f64;
    println!(
        "warm start: mean move {moved:.3}, diameter {d:.1}, share {:.4}",
        moved / d
    );
    assert!(moved < 0.10 * d, "moved {moved} of diameter {d}");
}

#[test]
fn barnes_hut_agrees_with_exact_forces_at_theta_half() {
    // Random positions of a random graph (masses deg + 1). Tolerance: the relative
    // error ‖F_bh − F_exact‖ / ‖F_exact‖ is below 1 % overall (summed over nodes), and
    // for 99 % of the nodes below 2 % for the repulsion and 5 % for the full FA2 force
    // (where attraction cancels part of the repulsion, so the same absolute error is a
    // larger share). Measured: p99 0.8 % and 2.1 %, overall 0.1 % and 0.2 %.
    let (g, _) = planted_partition(1, 3000, 5, 1.0, 8);
    let mut fa2 = ForceAtlas2::new(Fa2Params::default());
    let pos = fa2.init(&g, 9);
    let mass: Vec<f32> = (0..g.node_count())
        .map(|i| g.degree(i) as f32 + 1.0)
        .collect();
    let bh = QuadTree::build(&pos, &mass).forces(Repulsion {
        scaling: 2.0,
        theta: 0.5,
    });
    let exact = exact_forces(&pos, &mass, 2.0);
    check_close(&bh, &exact, "repulsion", 0.02);

    fa2.params.theta = 0.5;
    let full_bh = fa2.forces(&pos, &mass, &g);
    fa2.params.theta = 0.0;
    let full_exact = fa2.forces(&pos, &mass, &g);
    check_close(&full_bh, &full_exact, "full FA2 force", 0.05);
}

#[test]
fn prevent_overlap_above_the_exact_size_agrees_with_the_exact_law_and_separates_nodes() {
    // 3000 nodes laid out for 100 steps, radii such that many pairs overlap. Above
    // EXACT_OVERLAP_MAX nodes the law is Gephi's Barnes–Hut one: anti-collision
    // between nodes nearer than 2 (r_i + r_j), the plain k_r m_i m_j / d beyond. The
    // fast path (θ = 0.5) against that law summed exactly over all pairs here: same
    // tolerances as the plain repulsion test above. Then 100 steps of prevent-overlap
    // remove a good share of the overlaps.
    use cocite::layout::forceatlas2::EXACT_OVERLAP_MAX;
    let (g, _) = planted_partition(3, 1000, 5, 0.9, 8);
    assert!(g.node_count() > EXACT_OVERLAP_MAX);
    let mut fa2 = ForceAtlas2::new(Fa2Params::default());
    let mut pos = fa2.init(&g, 9);
    fa2.run(&mut pos, &g, 100, |_| true);
    let r = 0.0015 * diameter(&pos);
    let radii: Vec<f32> = (0..g.node_count())
        .map(|i| r * (1.0 + (i % 3) as f32))
        .collect();
    let overlaps = |pos: &[[f32; 2]]| {
        let mut k = 0;
        for i in 0..pos.len() {
            for j in i + 1..pos.len() {
                if dist(pos[i], pos[j]) < (radii[i] + radii[j]) as f64 {
                    k += 1;
                }
            }
        }
        k
    };
    let mass: Vec<f32> = (0..g.node_count())
        .map(|i| g.degree(i) as f32 + 1.0)
        .collect();
    fa2.set_radii(radii.clone());
    fa2.params.prevent_overlap = true;
    fa2.params.theta = 0.5;
    fa2.params.gravity = 0.0;
    let empty = LayoutGraph::from_edges(g.node_count(), Vec::<(usize, usize, f64)>::new());
    let approx = fa2.forces(&pos, &mass, &empty);
    let kr = fa2.params.scaling;
    let exact: Vec<[f32; 2]> = (0..pos.len())
        .map(|i| {
            let mut f = [0.0f64; 2];
            for j in (0..pos.len()).filter(|&j| j != i) {
                let (dx, dy) = (
                    (pos[i][0] - pos[j][0]) as f64,
                    (pos[i][1] - pos[j][1]) as f64,
                );
                let d = (dx * dx + dy * dy).sqrt();
                let s = (radii[i] + radii[j]) as f64;
                let mm = (kr * mass[i] * mass[j]) as f64;
                let k = if d >= 2.0 * s {
                    mm / (d * d)
                } else if d > s {
                    mm / ((d - s) * (d - s))
                } else {
                    100.0 * mm
                };
                f[0] += dx * k;
                f[1] += dy * k;
            }
            [f[0] as f32, f[1] as f32]
        })
        .collect();
    check_close(&approx, &exact, "prevent-overlap repulsion", 0.05);
    fa2.params.gravity = Fa2Params::default().gravity;

    fa2.params.theta = cocite::layout::forceatlas2::DEFAULT_THETA;
    let before = overlaps(&pos);
    fa2.reset();
    fa2.run(&mut pos, &g, 100, |_| true);
    let after = overlaps(&pos);
    // Measured: 2392 -> 1335 (exact law: 1233); the rest are pairs in clusters whose
    // discs take more room than the attraction lets them have.
    println!("overlapping pairs: {before} before, {after} after prevent-overlap");
    assert!(
        before > 1000 && 3 * after < 2 * before,
        "{before} -> {after}"
    );
}

fn check_close(approx: &[[f32; 2]], exact: &[[f32; 2]], what: &str, p99_max: f64) {
    let norm = |v: [f32; 2]| ((v[0] as f64).powi(2) + (v[1] as f64).powi(2)).sqrt();
    let mut rel: Vec<f64> = approx
        .iter()
        .zip(exact)
        .map(|(a, e)| norm([a[0] - e[0], a[1] - e[1]]) / norm(*e).max(1e-9))
        .collect();
    let total_err: f64 = approx
        .iter()
        .zip(exact)
        .map(|(a, e)| norm([a[0] - e[0], a[1] - e[1]]))
        .sum();
    let total: f64 = exact.iter().map(|e| norm(*e)).sum();
    rel.sort_by(f64::total_cmp);
    let p99 = rel[rel.len() * 99 / 100];
    println!(
        "{what}: p99 relative error {p99:.5}, overall {:.5}, max {:.5}",
        total_err / total,
        rel[rel.len() - 1]
    );
    assert!(p99 < p99_max, "{what}: p99 {p99}");
    assert!(
        total_err / total < 0.01,
        "{what}: overall {}",
        total_err / total
    );
}

#[test]
fn pinned_nodes_stay_put_and_convergence_is_reached() {
    let (g, _) = planted_partition(3, 50, 4, 0.9, 2);
    let mut fa2 = ForceAtlas2::new(Fa2Params::default());
    let mut pos = fa2.init(&g, 1);
    let p0 = pos[0];
    fa2.pin(0);
    let mut steps = 0;
    while !fa2.converged() && steps < 5000 {
        fa2.step(&mut pos, &g);
        steps += 1;
    }
    println!(
        "converged after {steps} steps, energy {:?}",
        fa2.last_stats()
    );
    assert_eq!(pos[0], p0);
    assert!(fa2.converged(), "not converged after {steps} steps");
}

#[cfg(feature = "fdg")]
mod fdg_sim {
    use super::*;
    use cocite::layout::fdg::{FdgLayout, FdgParams};

    fn fdg_layout(g: &LayoutGraph, seed: u64, steps: u32) -> Vec<[f32; 2]> {
        let mut fdg = FdgLayout::new(FdgParams::default());
        let mut pos = fdg.init(g, seed);
        for _ in 0..steps {
            fdg.step(&mut pos, g);
        }
        pos
    }

    #[test]
    fn fdg_is_deterministic_for_a_seed_despite_its_global_rng() {
        let (g, _) = planted_partition(2, 50, 3, 0.9, 1);
        assert_eq!(fdg_layout(&g, 7, 50), fdg_layout(&g, 7, 50));
        assert_ne!(fdg_layout(&g, 7, 50), fdg_layout(&g, 8, 50));
    }

    #[test]
    fn fdg_separates_two_planted_clusters() {
        let (g, membership) = planted_partition(2, 100, 4, 0.9, 5);
        let pos = fdg_layout(&g, 3, 500);
        let (intra, inter) = intra_inter(&pos, &membership);
        println!("fdg two clusters: intra {intra:.2}, inter {inter:.2}");
        assert!(intra < 0.5 * inter, "intra {intra} inter {inter}");
    }

    #[test]
    fn fdg_stays_finite_on_the_demo_map() {
        // The 96-record demo (605 nodes, average degree 31): without the temperature cap
        // fdg-sim's velocities blew up (diameter 10¹⁸ within 300 steps).
        use cocite::pipeline::{AnalysisParams, LayoutMethod};
        let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo");
        let corpus = cocite::io::load(&[demo]).expect("demo loads");
        let params = AnalysisParams {
            layout: cocite::pipeline::LayoutParams {
                method: LayoutMethod::Fdg,
                ..Default::default()
            },
            ..AnalysisParams::default()
        };
        let a = cocite::pipeline::run(&corpus, &params).expect("pipeline runs");
        assert!(a.notes.is_empty(), "{:?}", a.notes);
        assert!(
            a.layout_energy.is_some_and(f64::is_finite),
            "{:?}",
            a.layout_energy
        );
        let pos: Vec<[f32; 2]> = a
            .network
            .nodes
            .iter()
            .map(|n| {
                [
                    n.x.unwrap_or(f64::NAN) as f32,
                    n.y.unwrap_or(f64::NAN) as f32,
                ]
            })
            .collect();
        assert!(pos.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
        // Start square: side k √n = 45 √605 ≈ 1107.
        let d = diameter(&pos);
        println!("fdg demo diameter {d}");
        assert!(d < 10.0 * 1107.0, "diameter {d}");
    }

    #[test]
    fn fdg_pinned_node_stays() {
        let (g, _) = planted_partition(1, 30, 3, 1.0, 1);
        let mut fdg = FdgLayout::new(FdgParams::default());
        let mut pos = fdg.init(&g, 1);
        let p0 = pos[4];
        fdg.pin(4);
        for _ in 0..20 {
            fdg.step(&mut pos, &g);
        }
        assert_eq!(pos[4], p0);
        assert_ne!(pos[5], fdg.init(&g, 1)[5]);
    }
}

#[test]
fn slider_window_settles_from_the_full_layout() {
    // The demo map (96 records, 1994–2023): the whole span gives the pipeline's layout
    // unchanged; the window up to 2012 shows fewer nodes, which move (their later
    // links are gone) but stay close: on average under 10 % of the map's diameter, as
    // the warm-start test above. The same window twice gives the same positions.
    use cocite::layout::window_layout;
    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo");
    let corpus = cocite::io::load(&[demo]).expect("demo loads");
    let a = cocite::pipeline::run(&corpus, &Default::default()).expect("pipeline runs");
    let net = &a.network;
    let full: Vec<[f32; 2]> = net
        .nodes
        .iter()
        .map(|n| [n.x.unwrap() as f32, n.y.unwrap() as f32])
        .collect();
    let (first, last) = a.span.expect("span");
    let all = window_layout(
        net,
        &net.window(first, last),
        &a.params.layout,
        a.params.analysis.seed,
    );
    assert!(all.iter().zip(&full).all(|(p, q)| *p == Some(*q)));

    let view = net.window(first, 2012);
    assert!(view.visible_nodes > 0 && view.visible_nodes < net.nodes.len());
    let early = window_layout(net, &view, &a.params.layout, a.params.analysis.seed);
    assert_eq!(
        early,
        window_layout(net, &view, &a.params.layout, a.params.analysis.seed)
    );
    let shown: Vec<usize> = (0..net.nodes.len()).filter(|&i| view.nodes[i]).collect();
    assert!(
        early
            .iter()
            .enumerate()
            .all(|(i, p)| p.is_some() == view.nodes[i])
    );
    let moved = shown
        .iter()
        .map(|&i| dist(early[i].unwrap(), full[i]))
        .sum::<f64>()
        / shown.len() as f64;
    let d = diameter(&full) as f64;
    println!(
        "window ..2012: {} of {} nodes, mean move {moved:.2}, diameter {d:.1}",
        shown.len(),
        net.nodes.len()
    );
    assert!(moved > 0.0, "the window's own network was not settled");
    assert!(moved < 0.10 * d, "moved {moved} of diameter {d}");
}
