//! Figures: the scene of a hand-built network (rings, radii, colours checked by hand),
//! and SVG/PNG/PDF of the demo map (SVG parses with usvg and keeps its text, PNG decodes
//! at the size asked for and shows the title's glyphs, PDF starts as a PDF).

mod common;

use cocite::export::{self, png::parse_svg};
use cocite::pipeline::{self, Analysis, AnalysisParams, LayoutMethod};
use cocite::scene::{self, SceneOptions, Shape, colors};
use common::fixture;
use std::path::{Path, PathBuf};

/// A drawn circle: centre, radius, fill, stroke.
type Circle = ([f64; 2], f64, Option<colors::Rgba>, Option<scene::Stroke>);

fn circles(s: &scene::Scene) -> Vec<Circle> {
    s.layer("nodes")
        .expect("nodes layer")
        .shapes
        .iter()
        .filter_map(|sh| match sh {
            Shape::Circle {
                center,
                radius,
                fill,
                stroke,
            } => Some((*center, *radius, *fill, *stroke)),
            _ => None,
        })
        .collect()
}

#[test]
fn tree_rings_centrality_and_burst_rings() {
    let a = fixture();
    let s = scene::build(&a, &SceneOptions::default());
    let c = circles(&s);
    // Node 0 (count 10, the largest) is drawn first: disks for 2002 (all 10) and 2001
    // (3 of 10), then the purple ring (betweenness 0.25) and the red one (burst).
    let r = c[0].1;
    assert_eq!(c[0].2, Some(colors::year_color(2002, 2001, 2003)));
    assert!((c[1].1 - r * 0.3).abs() < 1e-9);
    assert_eq!(c[1].2, Some(colors::year_color(2001, 2001, 2003)));
    assert_eq!(c[2].3.expect("ring").color, colors::CENTRALITY_RING);
    assert_eq!(c[3].3.expect("ring").color, colors::BURST_RING);
    assert!(c[3].1 > c[2].1, "burst ring outside the centrality ring");
    // Node 3 has no position: 1 + 2 + 1 + 1 disks and rings for nodes 0, 1, 2 only.
    assert_eq!(c.len(), 6);
    // Radii are linear in √count (the app's 3 + 2.2·√count, scaled).
    let (r10, r4, r2) = (c[0].1, c[4].1, c[5].1);
    let ratio = (r4 - r2) / (r10 - r2);
    let expect = (4f64.sqrt() - 2f64.sqrt()) / (10f64.sqrt() - 2f64.sqrt());
    assert!((ratio - expect).abs() < 1e-9, "{ratio} vs {expect}");
    // Without rings, nodes take their cluster colour.
    let plain = scene::build(
        &a,
        &SceneOptions {
            tree_rings: false,
            ..SceneOptions::default()
        },
    );
    assert_eq!(circles(&plain)[0].2, Some(colors::cluster_color(Some(0))));
    // Links: three, coloured by first year.
    let links = &s.layer("links").expect("links").shapes;
    assert_eq!(links.len(), 3);
    // The slider window 2001–2001 shows node 0 only (nodes 1, 2 first occur later).
    let early = scene::build(
        &a,
        &SceneOptions {
            window: Some((2001, 2001)),
            ..SceneOptions::default()
        },
    );
    let e = circles(&early);
    assert_eq!(
        e.len(),
        2,
        "one disk (2001 only) and the centrality ring; no burst yet"
    );
    assert_eq!(e[0].2, Some(colors::year_color(2001, 2001, 2003)));
}

#[test]
fn labels_name_clusters_and_top_nodes() {
    let a = fixture();
    let s = scene::build(&a, &SceneOptions::default());
    let texts: Vec<(&String, [f64; 2], f64)> = s
        .layer("labels")
        .expect("labels")
        .shapes
        .iter()
        .filter_map(|sh| match sh {
            Shape::Text {
                text, pos, size, ..
            } => Some((text, *pos, *size)),
            _ => None,
        })
        .collect();
    let names: Vec<&str> = texts.iter().map(|t| t.0.as_str()).collect();
    assert!(
        names.contains(&"#0 alpha") && names.contains(&"Smith J, 2001"),
        "{names:?}"
    );
}

fn demo_analysis(layout: LayoutMethod) -> Analysis {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo");
    let corpus = cocite::io::load(&[demo]).expect("demo loads");
    let params = AnalysisParams {
        layout: cocite::pipeline::LayoutParams {
            method: layout,
            iterations: 100,
            ..Default::default()
        },
        ..AnalysisParams::default()
    };
    pipeline::run(&corpus, &params).expect("pipeline")
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cocite-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

/// Boxes of the labels layer's texts (x0, y0, x1, y1), from the font's widths.
fn label_boxes(s: &scene::Scene) -> Vec<[f64; 4]> {
    s.layer("labels")
        .expect("labels")
        .shapes
        .iter()
        .filter_map(|sh| match sh {
            Shape::Text {
                text,
                pos,
                size,
                anchor,
                ..
            } => {
                let w = scene::text::text_width(text, *size);
                let x0 = match anchor {
                    scene::Anchor::Start => pos[0],
                    scene::Anchor::Middle => pos[0] - w / 2.0,
                    scene::Anchor::End => pos[0] - w,
                };
                let asc = scene::text::ascent(*size);
                Some([x0, pos[1] - asc, x0 + w, pos[1]])
            }
            _ => None,
        })
        .collect()
}

#[test]
fn demo_svg_png_pdf() {
    let a = demo_analysis(LayoutMethod::Fa2);
    // Labels on the full-size figure: 30 node labels at most plus cluster labels, none
    // overlapping another (greedy placement), all inside the figure.
    let full = scene::build(&a, &SceneOptions::default());
    let boxes = label_boxes(&full);
    assert!(boxes.len() >= 15, "{} labels placed", boxes.len());
    for (i, p) in boxes.iter().enumerate() {
        assert!(p[0] >= 0.0 && p[2] <= full.width && p[1] >= 0.0 && p[3] <= full.height);
        for q in &boxes[i + 1..] {
            let overlap = p[0] < q[2] - 1e-9
                && q[0] < p[2] - 1e-9
                && p[1] < q[3] - 1e-9
                && q[1] < p[3] - 1e-9;
            assert!(!overlap, "labels overlap: {p:?} {q:?}");
        }
    }
    let opts = SceneOptions {
        width: 480.0,
        height: 320.0,
        dpi: 144.0,
        title: Some("Demo <map> & co".into()),
        ..SceneOptions::default()
    };
    let dir = temp_dir("figs");
    for ext in ["svg", "png", "pdf"] {
        export::write(&dir.join(format!("fig.{ext}")), &a, None, &opts).expect(ext);
    }
    let svg = std::fs::read_to_string(dir.join("fig.svg")).expect("svg");
    let tree = parse_svg(&svg).expect("usvg parses the SVG");
    assert_eq!((tree.size().width(), tree.size().height()), (480.0, 320.0));
    assert!(svg.contains("Demo &lt;map&gt; &amp; co"));
    let texts = svg.matches("<text ").count();
    assert!(texts >= 10, "title, labels and legend: {texts} texts");
    // usvg turns text it can shape into paths: with the bundled font all of it is kept.
    let mut groups = 0;
    fn count_text(g: &resvg::usvg::Group, n: &mut usize) {
        for c in g.children() {
            match c {
                resvg::usvg::Node::Text(_) => *n += 1,
                resvg::usvg::Node::Group(g) => count_text(g, n),
                _ => {}
            }
        }
    }
    count_text(tree.root(), &mut groups);
    assert_eq!(groups, texts, "every text element survives parsing");

    let png_bytes = std::fs::read(dir.join("fig.png")).expect("png");
    let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    let mut reader = decoder.read_info().expect("png header");
    let info = reader.info();
    // 480 × 320 CSS px at 144 dpi = 720 × 480 pixels.
    assert_eq!((info.width, info.height), (720, 480));
    let dims = info.pixel_dims.expect("pHYs");
    assert_eq!(dims.xppu, (144.0f64 / 0.0254).round() as u32);
    let mut buf = vec![0; reader.output_buffer_size().expect("buffer size")];
    let frame = reader.next_frame(&mut buf).expect("pixels");
    assert_eq!(frame.color_type, png::ColorType::Rgba);
    // The title's glyphs: dark pixels in the title band (text would vanish without a font).
    let dark = (0..60usize)
        .flat_map(|y| (0..300usize).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            let i = (y * 720 + x) * 4;
            buf[i] < 100 && buf[i + 1] < 100 && buf[i + 2] < 100
        })
        .count();
    assert!(dark > 200, "title text rendered: {dark} dark pixels");

    let pdf = std::fs::read(dir.join("fig.pdf")).expect("pdf");
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.windows(5).any(|w| w == b"%%EOF"));
    // Text stays text: the bundled font is embedded.
    assert!(pdf.windows(9).any(|w| w == b"/FontFile"), "font embedded");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn timeline_has_year_axis() {
    let a = demo_analysis(LayoutMethod::Timeline);
    let s = scene::build(&a, &SceneOptions::default());
    let labels: Vec<(String, f64)> = s
        .layer("axis")
        .expect("time views have an axis")
        .shapes
        .iter()
        .filter_map(|sh| match sh {
            Shape::Text { text, pos, .. } => Some((text.clone(), pos[0])),
            _ => None,
        })
        .collect();
    let years: Vec<(i32, f64)> = labels
        .iter()
        .map(|(t, x)| (t.trim_start_matches('≤').parse().expect("a year"), *x))
        .collect();
    assert!(years.len() >= 3, "{years:?}");
    // The axis starts at the 5th percentile of the publication years, so the demo's
    // oldest works are drawn at its first year: that tick says so ("≤"), no other does.
    let oldest = a.network.nodes.iter().filter_map(|n| n.year).min();
    assert!(oldest.is_some_and(|y| y < years[0].0), "{oldest:?}");
    assert!(labels[0].0.starts_with('≤'), "{labels:?}");
    assert!(labels[1..].iter().all(|(t, _)| !t.contains('≤')));
    // Equal steps in years are equal steps in x.
    let dx = (years[1].1 - years[0].1) / (years[1].0 - years[0].0) as f64;
    for w in years.windows(2) {
        let step = (w[1].1 - w[0].1) / (w[1].0 - w[0].0) as f64;
        assert!((step - dx).abs() < 1e-6 && dx > 0.0);
    }
    // The axis and the nodes share one projection: a node at layout x (year − first)·80
    // + offset (TimeParams::default().year_width = 80 world units) is drawn at
    // x(first) + layout x · dx / 80, where the axis puts `first`.
    let timed = cocite::layout::timed_nodes(&a.network, false, 1.0);
    let first = timed.iter().map(|t| t.year).min().expect("years");
    let x_first = years[0].1 + (first - years[0].0) as f64 * dx;
    let centres: Vec<f64> = s
        .layer("nodes")
        .expect("nodes")
        .shapes
        .iter()
        .filter_map(|sh| match sh {
            Shape::Circle {
                center,
                fill: Some(_),
                ..
            } => Some(center[0]),
            _ => None,
        })
        .collect();
    for n in &a.network.nodes {
        let x = x_first + n.x.expect("timeline position") * dx / 80.0;
        assert!(
            centres.iter().any(|c| (c - x).abs() < 1e-6),
            "{} expected at x {x}",
            n.label
        );
    }
    assert!(
        s.layer("zones").expect("zones").shapes.is_empty(),
        "zones only in time-zone view"
    );
}
