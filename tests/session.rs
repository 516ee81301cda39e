//! Sessions on the demo data: a saved session reopens to an equal analysis (same
//! clusters, same positions, including a node moved by hand), finds its data when the
//! folder moves, warns when an input changed, and fails clearly when one is missing.

use cocite::export;
use cocite::pipeline::{self, Analysis, AnalysisParams, LayoutMethod};
use cocite::scene::SceneOptions;
use cocite::session::{self, SessionError, SliderMode, ViewKind, ViewState};
use std::path::{Path, PathBuf};

fn demo_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/valuecreation2_96_records.txt")
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cocite-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

/// Everything but the timings, which differ from run to run.
fn same(a: &Analysis, b: &Analysis) {
    assert_eq!(a.params, b.params);
    assert_eq!(
        a.network, b.network,
        "nodes (clusters, positions, ...) and links"
    );
    assert_eq!(a.clusters, b.clusters);
    assert_eq!(a.slices, b.slices);
    assert_eq!(a.modularity, b.modularity);
    assert_eq!(a.mean_silhouette, b.mean_silhouette);
}

/// A session in `dir` over a copy of the demo file there.
fn saved_session(dir: &Path) -> (PathBuf, Analysis) {
    let data = dir.join("data");
    std::fs::create_dir_all(&data).expect("data dir");
    std::fs::copy(demo_file(), data.join("demo.txt")).expect("copy demo");
    let corpus = cocite::io::load(&[data]).expect("loads");
    let params = AnalysisParams {
        analysis: cocite::pipeline::AnalysisOptions {
            seed: 7,
            ..Default::default()
        },
        layout: cocite::pipeline::LayoutParams {
            method: LayoutMethod::Fa2,
            iterations: 80,
            ..Default::default()
        },
        ..AnalysisParams::default()
    };
    let mut a = pipeline::run(&corpus, &params).expect("runs");
    // The user dragged the first node: the session must bring it back there.
    a.network.nodes[0].x = Some(123.456_789);
    a.network.nodes[0].y = Some(-0.1 + 0.2);
    let view = ViewState {
        view: ViewKind::Timeline,
        slider: session::Slider {
            mode: SliderMode::Window,
            from: Some(2005),
            to: Some(2010),
        },
        selected: Some(a.network.nodes[3].id.clone()),
        ..ViewState::default()
    };
    let path = dir.join("map.cocite");
    let s = session::Session::new(&path, &corpus, &a, view).expect("session");
    session::save(&path, &s).expect("saves");
    (path, a)
}

#[test]
fn reopened_session_gives_the_same_analysis() {
    let dir = temp_dir("session");
    let (path, a) = saved_session(&dir);
    let s = session::read(&path).expect("reads");
    assert_eq!(s.inputs.len(), 1);
    assert_eq!(s.inputs[0].path, "data/demo.txt", "relative to the session");
    assert_eq!(s.inputs[0].sha256.len(), 64);
    assert_eq!(s.view.view, ViewKind::Timeline);
    assert_eq!(s.view.slider.to, Some(2010));
    let opened = session::open(&path).expect("opens");
    assert!(opened.warnings.is_empty(), "{:?}", opened.warnings);
    same(&opened.analysis, &a);
    assert_eq!(opened.analysis.network.nodes[0].x, Some(123.456_789));
    assert_eq!(opened.session.view, s.view);
    // No temporary file is left beside the session.
    let names: Vec<String> = std::fs::read_dir(&dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");

    // The folder moves (a teacher hands it out): relative paths still resolve.
    let moved = temp_dir("session-moved");
    std::fs::create_dir_all(moved.join("data")).expect("dir");
    std::fs::copy(dir.join("data/demo.txt"), moved.join("data/demo.txt")).expect("copy");
    std::fs::copy(&path, moved.join("map.cocite")).expect("copy");
    let again = session::open(&moved.join("map.cocite")).expect("opens moved");
    same(&again.analysis, &a);

    // A changed input still opens, with a warning.
    let mut text = std::fs::read(moved.join("data/demo.txt")).expect("read");
    text.extend_from_slice(b"\n");
    std::fs::write(moved.join("data/demo.txt"), text).expect("write");
    let changed = session::open(&moved.join("map.cocite")).expect("opens changed");
    assert!(
        changed.warnings.iter().any(|w| w.contains("has changed")),
        "{:?}",
        changed.warnings
    );

    // A missing input is an error naming it.
    std::fs::remove_file(moved.join("data/demo.txt")).expect("rm");
    match session::open(&moved.join("map.cocite")) {
        Err(SessionError::MissingInputs(m)) => assert_eq!(m, ["data/demo.txt"]),
        other => panic!("expected MissingInputs, got {other:?}"),
    }
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&moved);
}

#[test]
fn bad_session_files_are_errors() {
    let dir = temp_dir("session-bad");
    let p = dir.join("x.cocite");
    std::fs::write(&p, b"{\"format\": \"something else\"}").expect("write");
    assert!(matches!(
        session::read(&p),
        Err(SessionError::Format { .. })
    ));
    std::fs::write(&p, b"not json").expect("write");
    assert!(matches!(
        session::read(&p),
        Err(SessionError::Format { .. })
    ));
    std::fs::write(&p, b"{\"format\": \"cocite-session\", \"version\": 99}").expect("write");
    assert!(matches!(
        session::read(&p),
        Err(SessionError::TooNew { version: 99, .. })
    ));
    assert!(matches!(
        session::read(&dir.join("none.cocite")),
        Err(SessionError::Io { .. })
    ));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn export_write_saves_a_session_with_the_figure_options() {
    let dir = temp_dir("session-export");
    std::fs::copy(demo_file(), dir.join("demo.txt")).expect("copy");
    let corpus = cocite::io::load(&[dir.join("demo.txt")]).expect("loads");
    let params = AnalysisParams {
        layout: cocite::pipeline::LayoutParams {
            iterations: 30,
            ..Default::default()
        },
        ..AnalysisParams::default()
    };
    let a = pipeline::run(&corpus, &params).expect("runs");
    let opts = SceneOptions {
        width: 900.0,
        ..SceneOptions::default()
    };
    let path = dir.join("s.cocite");
    export::write(&path, &a, Some(&corpus), &opts).expect("writes");
    let s = session::read(&path).expect("reads");
    assert_eq!(s.inputs[0].path, "demo.txt");
    assert_eq!(s.view.figure.width, 900.0);
    assert_eq!(s.positions.len(), a.network.nodes.len());
    let _ = std::fs::remove_dir_all(&dir);
}
