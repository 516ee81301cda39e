//! Time to build and write figures and data files of the demo map (605 nodes, 9,392
//! links after the default pipeline, ForceAtlas2 layout). Run: `cargo bench --bench export`.

use cocite::export::{gexf, graphml, pajek, pdf, png, svg, vosviewer};
use cocite::pipeline::{self, Analysis, AnalysisParams};
use cocite::scene::{self, SceneOptions};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

fn demo() -> &'static Analysis {
    static A: OnceLock<Analysis> = OnceLock::new();
    A.get_or_init(|| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo");
        let corpus = cocite::io::load(&[path]).expect("demo loads");
        pipeline::run(&corpus, &AnalysisParams::default()).expect("pipeline")
    })
}

#[divan::bench(sample_count = 20)]
fn scene_build() -> scene::Scene {
    scene::build(demo(), &SceneOptions::default())
}

#[divan::bench(sample_count = 20)]
fn svg_from_scene(b: divan::Bencher) {
    let s = scene::build(demo(), &SceneOptions::default());
    b.bench_local(|| svg::to_svg(&s));
}

/// 1600 × 1100 pixels (96 dpi) and 3200 × 2200 (192 dpi).
#[divan::bench(args = [96.0, 192.0], sample_count = 5)]
fn png_from_scene(b: divan::Bencher, dpi: f64) {
    let s = scene::build(demo(), &SceneOptions::default());
    b.bench_local(|| png::to_png(&s, dpi).expect("renders"));
}

#[divan::bench(sample_count = 5)]
fn pdf_from_scene(b: divan::Bencher) {
    let s = scene::build(demo(), &SceneOptions::default());
    b.bench_local(|| pdf::to_pdf(&s).expect("converts"));
}

#[divan::bench(sample_count = 20)]
fn graphml_text() -> String {
    graphml::to_graphml(demo())
}

#[divan::bench(sample_count = 20)]
fn gexf_text() -> String {
    gexf::to_gexf(demo())
}

#[divan::bench(sample_count = 20)]
fn pajek_and_vosviewer_text() -> (String, String, String) {
    let a = demo();
    (
        pajek::to_pajek(a),
        vosviewer::map_file(a),
        vosviewer::network_file(a),
    )
}
