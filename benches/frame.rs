//! Frame time of the app's canvas and the cost of moving the timeline slider.
//!
//! - `frame_10k_pan` / `frame_10k_zoom` / `frame_10k_static`: one full frame (all
//!   panels, canvas meshes, labels, egui tessellation) of a generated 10 000-node /
//!   100 000-link network, CPU only (no GPU upload), while panning (meshes moved),
//!   zooming (meshes scaled, rebuilt every 8th frame) and when the map is unchanged
//!   (meshes reused).
//! - `slider_step`: moving the slider by one year (the pipeline's window for the new
//!   years, visibility) plus the frame that shows it, on the network the pipeline
//!   builds from a generated 10 000-record WoS file (`../shared/tools/gen_wos.py
//!   --records 10000 --seed 1`, written to `target/`; skipped with a note if absent).
//!
//! - `slider_step_10k_nodes`: the same on the generated 10k / 100k network.
//!
//! Run: `cargo bench --bench frame`.

use cocite::app::CociteApp;
use cocite::app::state::{Command, Settings};
use cocite::network::{Link, Network, Node, NodeKind};
use cocite::pipeline::{Analysis, AnalysisParams, ClusterInfo};
use std::path::{Path, PathBuf};
use std::sync::Arc;

// The `cocite` binary runs on mimalloc; measure with the same allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// Deterministic generator (SplitMix64).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// 10k nodes in 20 clusters (Gaussian blobs), 100k links, 80% inside clusters.
fn synthetic(nodes: usize, links: usize) -> Analysis {
    let mut rng = Rng(7);
    let clusters = 20u32;
    let mut net = Network {
        kind: NodeKind::Reference,
        ..Default::default()
    };
    for i in 0..nodes {
        let c = (i as u32) % clusters;
        let angle = c as f64 / clusters as f64 * std::f64::consts::TAU;
        let first = 1990 + rng.below(30) as i32;
        let per_year = (first..=2020)
            .map(|y| (y, 1 + rng.below(5) as u32))
            .collect();
        net.nodes.push(Node {
            id: format!("n{i}"),
            label: format!("AUTHOR{i} X, {first}, J SYNTH, V1, P{i}"),
            count: 1 + (rng.unit().powi(4) * 200.0) as u32,
            per_year,
            first_slice: first,
            year: Some(first),
            cluster: Some(c),
            x: Some(angle.cos() * 100.0 + (rng.unit() - 0.5) * 40.0),
            y: Some(angle.sin() * 100.0 + (rng.unit() - 0.5) * 40.0),
            ..Default::default()
        });
    }
    let mut pairs = std::collections::BTreeSet::new();
    while pairs.len() < links {
        let a = rng.below(nodes as u64) as u32;
        let b = if rng.unit() < 0.8 {
            (a + clusters * (1 + rng.below((nodes as u64 / clusters as u64) - 1) as u32))
                % nodes as u32
        } else {
            rng.below(nodes as u64) as u32
        };
        if a != b {
            pairs.insert((a.min(b), a.max(b)));
        }
    }
    for (s, t) in pairs {
        let first_year = net.nodes[s as usize]
            .first_slice
            .max(net.nodes[t as usize].first_slice);
        net.links.push(Link {
            source: s,
            target: t,
            weight: rng.unit(),
            count: 1.0,
            first_year,
        });
    }
    let cluster_infos = (0..clusters)
        .map(|id| ClusterInfo {
            id,
            size: nodes / clusters as usize,
            label: format!("topic {id}"),
            terms: Vec::new(),
            silhouette: 0.5,
            mean_year: Some(2005.0),
            top_members: Vec::new(),
            top_citing: Vec::new(),
        })
        .collect();
    Analysis {
        params: AnalysisParams::default(),
        span: Some((1990, 2020)),
        network: net,
        records_per_year: (1990..=2020)
            .map(|y| (y, 100 + (y - 1990) as usize * 10))
            .collect(),
        clusters: cluster_infos,
        ..Default::default()
    }
}

fn raw_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        ..Default::default()
    }
}

/// Runs one frame and tessellates it, as eframe does before handing meshes to the GPU.
fn frame(ctx: &egui::Context, app: &mut CociteApp) -> usize {
    let out = ctx.run_ui(raw_input(), |ui| app.ui_root(ui));
    ctx.tessellate(out.shapes, out.pixels_per_point).len()
}

/// The generated 10,000-node / 100,000-link app after two frames (meshes built, layout
/// of the panels settled).
fn warm_10k() -> (egui::Context, CociteApp) {
    let mut app = CociteApp::with_analysis(synthetic(10_000, 100_000), None, Settings::default());
    let ctx = egui::Context::default();
    frame(&ctx, &mut app);
    frame(&ctx, &mut app);
    (ctx, app)
}

/// A frame while panning: the camera moves every frame, so the meshes are moved into
/// place (not rebuilt).
#[divan::bench(sample_count = 20)]
fn frame_10k_pan(bencher: divan::Bencher) {
    let (ctx, mut app) = warm_10k();
    let mut step = 0.0f64;
    bencher.bench_local(|| {
        step = -step + if step > 0.0 { -0.5 } else { 0.5 };
        app.view.camera.center[0] += step;
        frame(&ctx, &mut app)
    });
}

/// Frames while zooming: in for 20 frames by 3 % each, then out again. The meshes are
/// scaled, and rebuilt when the zoom has changed by a quarter (every 8th frame here),
/// so the median is a scaled frame and the slowest a rebuilt one.
#[divan::bench(sample_count = 40)]
fn frame_10k_zoom(bencher: divan::Bencher) {
    let (ctx, mut app) = warm_10k();
    let mut k = 0u32;
    bencher.bench_local(|| {
        k += 1;
        let f = if (k / 20).is_multiple_of(2) {
            1.03
        } else {
            1.0 / 1.03
        };
        app.view.camera.zoom *= f;
        frame(&ctx, &mut app)
    });
}

/// The worst zoom frame: the zoom jumps by 30 % every frame, so every frame rebuilds
/// the meshes.
#[divan::bench(sample_count = 20)]
fn frame_10k_zoom_rebuild(bencher: divan::Bencher) {
    let (ctx, mut app) = warm_10k();
    let mut k = 0u32;
    bencher.bench_local(|| {
        k += 1;
        app.view.camera.zoom *= if k.is_multiple_of(2) { 1.3 } else { 1.0 / 1.3 };
        frame(&ctx, &mut app)
    });
}

/// A frame with nothing changed on the map (hover, tooltip, panels): meshes reused.
#[divan::bench(sample_count = 20)]
fn frame_10k_static(bencher: divan::Bencher) {
    let (ctx, mut app) = warm_10k();
    bencher.bench_local(|| frame(&ctx, &mut app));
}

fn generated_10k() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = root.join("target/gen_wos_10k.txt");
    if out.exists() {
        return Some(out);
    }
    let script = root.join("../shared/tools/gen_wos.py");
    if !script.exists() {
        eprintln!("slider_step skipped: ../shared/tools/gen_wos.py is absent");
        return None;
    }
    let ok = std::process::Command::new("python3")
        .arg(&script)
        .args(["--records", "10000", "--seed", "1", "--out"])
        .arg(&out)
        .status()
        .is_ok_and(|s| s.success());
    ok.then_some(out)
}

#[divan::bench(sample_count = 20)]
fn slider_step(bencher: divan::Bencher) {
    let Some(path) = generated_10k() else { return };
    let corpus = cocite::io::load(&[path]).expect("generated file loads");
    let analysis =
        cocite::pipeline::run(&corpus, &AnalysisParams::default()).expect("pipeline runs");
    eprintln!(
        "slider_step: {} records, {} nodes, {} links",
        corpus.records.len(),
        analysis.network.nodes.len(),
        analysis.network.links.len()
    );
    let app = CociteApp::with_analysis(analysis, Some(Arc::new(corpus)), Settings::default());
    bench_slider(bencher, app);
}

/// Moves the slider's last year back by one each iteration (wrapping to the full span)
/// and draws the frame that shows it.
fn bench_slider(bencher: divan::Bencher, mut app: CociteApp) {
    let ctx = egui::Context::default();
    frame(&ctx, &mut app);
    let (first, last) = app.span();
    let mut year = last;
    bencher.bench_local(|| {
        year = if year <= first + 1 { last } else { year - 1 };
        app.command(Command::SetYears(first, year));
        frame(&ctx, &mut app)
    });
}

/// The slider on the largest map: one year back on the generated 10 000-node /
/// 100 000-link network (window, the window's layout settled from the full one, the
/// frame showing it).
#[divan::bench(sample_count = 10)]
fn slider_step_10k_nodes(bencher: divan::Bencher) {
    let app = CociteApp::with_analysis(synthetic(10_000, 100_000), None, Settings::default());
    bench_slider(bencher, app);
}
