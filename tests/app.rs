//! Headless UI tests of the app with egui_kittest (no GPU, no display): the app opens
//! the bundled demo dataset through the shared pipeline and the widgets drive it.
//! Expected numbers come from the pipeline itself (`Network::window`), which the
//! timeline slider must show exactly.
#![cfg(feature = "gui")]

use cocite::app::state::{Command, Settings, ViewKind};
use cocite::app::{CociteApp, demo_paths};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::time::Duration;

fn demo_app() -> CociteApp {
    let mut app = CociteApp::new(demo_paths(), Settings::default());
    assert!(
        app.wait_idle(Duration::from_secs(120)),
        "pipeline did not finish"
    );
    assert_eq!(app.last_error(), None);
    app
}

fn harness(app: CociteApp) -> Harness<'static, CociteApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(
            |ui, app: &mut CociteApp| {
                app.logic(ui.ctx());
                app.ui_root(ui);
            },
            app,
        );
    h.run_steps(3);
    h
}

#[test]
fn starts_on_the_demo_and_shows_nodes() {
    let h = harness(demo_app());
    let app = h.state();
    assert_eq!(app.corpus.as_ref().map(|c| c.records.len()), Some(96));
    assert_eq!(app.corpus.as_ref().map(|c| c.problems.len()), Some(0));
    let net = &app.analysis.network;
    assert!(!net.nodes.is_empty(), "the demo network has nodes");
    let (first, last) = app.span();
    assert_eq!((app.view.year_from, app.view.year_to), (first, last));
    assert_eq!(app.visible_nodes(), net.window(first, last).visible_nodes);
    assert!(app.visible_nodes() > 0);
    let text = format!(
        "Showing {} of {} nodes",
        app.visible_nodes(),
        net.nodes.len()
    );
    h.get_by_label_contains(&text);
}

#[test]
fn slider_to_an_early_year_shows_the_pipeline_window() {
    let mut h = harness(demo_app());
    let (first, last) = h.state().span();
    let total = h.state().visible_nodes();
    let full_pos = h.state().derived.pos.clone();
    // The demo spans 1992–2015; 2005 keeps the early part of the map only.
    let early = 2005;
    assert!(first < early && early < last);
    h.get_by_role_and_label(egui::accesskit::Role::Slider, "To year")
        .set_value_accesskit(early as f64);
    h.run_steps(2);
    let app = h.state();
    assert_eq!((app.view.year_from, app.view.year_to), (first, early));
    let expected = app.analysis.network.window(first, early).visible_nodes;
    assert_eq!(app.visible_nodes(), expected);
    assert!(
        expected < total,
        "an early window shows fewer nodes ({expected} of {total})"
    );
    assert!(expected > 0);
    // The map is that window's own network settled from the full layout, exactly as
    // the core computes it (`layout::window_layout`), drawn in the full map's frame.
    let net = &app.analysis.network;
    let settled = cocite::layout::window_layout(
        net,
        &net.window(first, early),
        &app.analysis.params.layout,
        app.analysis.params.analysis.seed,
    );
    let want: Vec<egui::Pos2> = cocite::scene::view::cluster_positions(net, &settled)
        .into_iter()
        .map(|[x, y]| egui::pos2(x as f32, y as f32))
        .collect();
    assert_eq!(app.derived.pos, want);
    let moved = (0..net.nodes.len())
        .filter(|&i| settled[i].is_some())
        .filter(|&i| app.derived.pos[i].distance(full_pos[i]) > 1e-3)
        .count();
    assert!(moved > expected / 2, "{moved} of {expected} nodes settled");
}

#[test]
fn clicking_a_cluster_in_the_list_selects_it() {
    let mut h = harness(demo_app());
    let cluster = h
        .state()
        .analysis
        .clusters
        .first()
        .cloned()
        .expect("the demo map has clusters");
    h.get_by_label(&cluster.label).click();
    h.run_steps(2);
    assert_eq!(h.state().view.selection.cluster, Some(cluster.id));
    // The details panel lists the cluster's members, as many as the pipeline says.
    h.get_by_label(&format!("{} members", cluster.size));
    // Hiding it removes exactly its members from the map.
    let before = h.state().visible_nodes();
    let shown_members = {
        let app = h.state();
        (0..app.analysis.network.nodes.len())
            .filter(|&i| {
                app.derived.nodes_visible[i]
                    && app.analysis.network.nodes[i].cluster == Some(cluster.id)
            })
            .count()
    };
    h.get_all_by_label("hide")
        .next()
        .expect("eye buttons")
        .click();
    h.run_steps(2);
    assert_eq!(h.state().visible_nodes(), before - shown_members);
}

#[test]
fn search_selects_the_node_and_view_switch_keeps_it() {
    let mut h = harness(demo_app());
    let (index, label) = {
        let net = &h.state().analysis.network;
        let i = (0..net.nodes.len())
            .max_by_key(|&i| net.nodes[i].count)
            .expect("nodes");
        (i as u32, net.nodes[i].label.clone())
    };
    let search = h.get_by_role(egui::accesskit::Role::TextInput);
    search.focus();
    search.type_text(&label.to_lowercase());
    h.run_steps(1);
    h.get_by_label("Find").click();
    h.run_steps(2);
    assert_eq!(h.state().view.selection.nodes, vec![index]);
    h.get_by_label("Timeline view").click();
    h.run_steps(2);
    assert_eq!(h.state().view.view, ViewKind::Timeline);
    h.get_by_label("Cluster view").click();
    h.run_steps(2);
    assert_eq!(h.state().view.view, ViewKind::Cluster);
    assert_eq!(h.state().view.selection.nodes, vec![index]);
}

#[test]
fn merging_two_nodes_saves_a_thesaurus_and_recomputes() {
    let mut app = demo_app();
    let dir = std::env::temp_dir().join(format!("cocite-app-test-{}", std::process::id()));
    app.thesaurus_file = dir.join("thesaurus.txt");
    let net = &app.analysis.network;
    let mut order: Vec<usize> = (0..net.nodes.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(net.nodes[i].count), i));
    let (a, b) = (order[0], order[1]);
    let (target, variant) = (net.nodes[a].label.clone(), net.nodes[b].label.clone());
    // References keyed by DOI are written with their DOI, as WoS writes them.
    let th = |i: usize| match &net.nodes[i].doi {
        Some(doi) => format!("{}, DOI {doi}", net.nodes[i].label),
        None => net.nodes[i].label.clone(),
    };
    let (target_entry, variant_entry) = (th(a), th(b));
    // The merged item is cited by every record that cites either of the two.
    let mut union: Vec<u32> = app.node_records[a]
        .iter()
        .chain(&app.node_records[b])
        .copied()
        .collect();
    union.sort_unstable();
    union.dedup();
    app.command(Command::SelectNode {
        node: a as u32,
        add: false,
    });
    app.command(Command::SelectNode {
        node: b as u32,
        add: true,
    });
    let mut h = harness(app);
    h.get_by_label("Merge").click();
    h.run_steps(1);
    let app = h.state_mut();
    assert!(app.wait_idle(Duration::from_secs(120)));
    assert_eq!(
        app.settings.params.network.thesaurus,
        vec![(variant_entry.clone(), target_entry.clone())]
    );
    let saved = std::fs::read_to_string(&app.thesaurus_file).expect("thesaurus written");
    assert_eq!(
        saved,
        format!("label\treplace by\n{variant_entry}\t{target_entry}\n")
    );
    let net = &app.analysis.network;
    assert!(
        !net.nodes.iter().any(|n| n.label == variant),
        "the variant is gone"
    );
    let merged = net
        .nodes
        .iter()
        .position(|n| n.label == target || n.label == target_entry)
        .expect("the merged node");
    assert_eq!(app.node_records[merged], union);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn keyboard_space_plays_and_escape_clears_the_selection() {
    let mut app = demo_app();
    app.command(Command::SelectNode {
        node: 0,
        add: false,
    });
    let mut h = harness(app);
    assert_eq!(h.state().view.selection.nodes, vec![0]);
    h.key_press(egui::Key::Escape);
    h.run_steps(1);
    assert!(h.state().view.selection.is_empty());
    assert!(!h.state().view.playing);
    h.key_press(egui::Key::Space);
    h.run_steps(1);
    assert!(h.state().view.playing);
    h.key_press(egui::Key::Space);
    h.run_steps(1);
    assert!(!h.state().view.playing);
}

#[test]
fn clicking_a_node_on_the_canvas_selects_it_and_lists_its_records() {
    let mut h = harness(demo_app());
    // The most cited node, found where the canvas drew it.
    let (index, records) = {
        let app = h.state();
        let net = &app.analysis.network;
        let i = (0..net.nodes.len())
            .max_by_key(|&i| (net.nodes[i].count, std::cmp::Reverse(i)))
            .expect("nodes");
        (i as u32, app.node_records[i].len())
    };
    let at = h.state().node_screen_pos(index).expect("drawn");
    h.hover_at(at);
    h.run_steps(1);
    h.drag_at(at);
    h.drop_at(at);
    h.run_steps(2);
    assert_eq!(h.state().view.selection.nodes, vec![index]);
    h.get_by_label_contains(&format!("{records} records"));
}

#[test]
fn live_layout_steps_forceatlas2_until_it_settles() {
    let mut app = demo_app();
    let before = app.derived.cluster_pos.clone();
    app.command(Command::ToggleLiveLayout);
    assert!(app.live.is_some());
    let mut h = harness(app);
    let mut frames = 0;
    while h.state().live.is_some() && frames < 500 {
        h.run_steps(1);
        frames += 1;
    }
    let app = h.state();
    assert!(
        app.live.is_none(),
        "ForceAtlas2 converged within {frames} frames"
    );
    assert!(
        app.view.status.starts_with("Layout settled after"),
        "{}",
        app.view.status
    );
    assert_eq!(app.derived.cluster_pos.len(), before.len());
    assert_ne!(app.derived.cluster_pos, before, "the nodes moved");
}

#[test]
fn svg_export_draws_what_the_window_shows() {
    use cocite::scene::Shape;
    let mut app = demo_app();
    let (first, _) = app.span();
    app.command(Command::SetYears(first, 2008));
    let window = app.analysis.network.window(first, 2008);
    // The figure is the core scene of this view: one filled disc per visible node
    // (rings are unfilled), one line per visible link.
    let scene = app.figure_scene();
    let discs = scene
        .layer("nodes")
        .unwrap()
        .shapes
        .iter()
        .filter(|s| matches!(s, Shape::Circle { fill: Some(_), .. }))
        .count();
    let lines = scene
        .layer("links")
        .unwrap()
        .shapes
        .iter()
        .filter(|s| matches!(s, Shape::Line { .. }))
        .count();
    assert_eq!(discs, window.visible_nodes);
    assert_eq!(lines, window.visible_links);
    let svg = app.svg();
    assert!(
        svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "{}",
        &svg[..80]
    );
}

#[test]
fn run_recomputes_with_the_edited_parameters_on_the_worker() {
    let mut app = demo_app();
    app.settings.params.network.kind = cocite::network::NodeKind::Keyword;
    let mut h = harness(app);
    h.get_by_label("Run").click();
    h.run_steps(1);
    let app = h.state_mut();
    assert!(app.wait_idle(Duration::from_secs(120)));
    let expected =
        cocite::pipeline::run(app.corpus.as_deref().expect("corpus"), &app.settings.params)
            .expect("runs");
    assert_eq!(
        app.analysis.network.kind,
        cocite::network::NodeKind::Keyword
    );
    assert_eq!(
        app.analysis.network.nodes.len(),
        expected.network.nodes.len()
    );
    assert_eq!(
        app.analysis.network.links.len(),
        expected.network.links.len()
    );
    assert_eq!(app.node_records.len(), expected.network.nodes.len());
}

#[test]
fn a_saved_session_reopens_the_same_map() {
    // Save the demo at an early window, in the timeline view, with a node selected and
    // a cluster hidden; opening the file (as `cocite open map.cocite` does) gives the
    // same view, years, selection and positions.
    let mut app = demo_app();
    let (first, _) = app.span();
    app.command(Command::SetYears(first, 2005));
    app.command(Command::SetView(ViewKind::Timeline));
    app.command(Command::SelectNode {
        node: 3,
        add: false,
    });
    app.command(Command::ToggleClusterHidden(1));
    let dir = std::env::temp_dir().join(format!("cocite-app-session-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("map.cocite");
    app.save_session(&path).expect("session saved");

    let mut reopened = CociteApp::new(vec![path.clone()], Settings::default());
    assert!(
        reopened.wait_idle(Duration::from_secs(120)),
        "session did not open"
    );
    assert_eq!(reopened.last_error(), None);
    assert_eq!(
        (reopened.view.year_from, reopened.view.year_to),
        (first, 2005)
    );
    assert_eq!(reopened.view.view, ViewKind::Timeline);
    assert_eq!(reopened.view.selection.nodes, vec![3]);
    assert!(reopened.view.hidden_clusters.contains(&1));
    assert_eq!(reopened.visible_nodes(), app.visible_nodes());
    assert_eq!(reopened.derived.pos, app.derived.pos);
    reopened.command(Command::SetView(ViewKind::Cluster));
    app.command(Command::SetView(ViewKind::Cluster));
    assert_eq!(reopened.derived.pos, app.derived.pos);
    std::fs::remove_dir_all(&dir).ok();
}

/// The canvas and a figure of the same view choose and place the same labels: both
/// call the core label engine (`scene::labels`) with the view's positions.
#[test]
fn canvas_and_figure_place_the_same_labels() {
    for view in [ViewKind::Cluster, ViewKind::Timeline] {
        let mut h = harness(demo_app());
        h.state_mut().command(Command::SetView(view));
        h.run_steps(3);
        let app = h.state();
        let on_screen: Vec<(String, i64, i64)> = app
            .labels
            .iter()
            .map(|l| {
                let r = app.canvas_rect();
                let x = l.pos[0] - r.min.x as f64;
                let y = l.pos[1] - r.min.y as f64;
                (
                    l.text.clone(),
                    (x * 100.0).round() as i64,
                    (y * 100.0).round() as i64,
                )
            })
            .collect();
        assert!(on_screen.len() > 10, "{view:?}: {} labels", on_screen.len());
        assert!(
            on_screen.iter().any(|l| l.0.starts_with('#')),
            "cluster labels"
        );
        let scene = app.shown_scene();
        let in_figure: Vec<(String, i64, i64)> = scene
            .layer("labels")
            .expect("labels layer")
            .shapes
            .iter()
            .filter_map(|s| match s {
                cocite::scene::Shape::Text { text, pos, .. } => Some((
                    text.clone(),
                    (pos[0] * 100.0).round() as i64,
                    (pos[1] * 100.0).round() as i64,
                )),
                _ => None,
            })
            .collect();
        // Same labels in the same order at the same places (to 0.05 px: the canvas
        // works in f32 screen points, the figure in f64).
        let texts = |v: &[(String, i64, i64)]| v.iter().map(|l| l.0.clone()).collect::<Vec<_>>();
        assert_eq!(texts(&on_screen), texts(&in_figure), "{view:?}");
        for (a, b) in on_screen.iter().zip(&in_figure) {
            assert!(
                (a.1 - b.1).abs() <= 5 && (a.2 - b.2).abs() <= 5,
                "{view:?}: {a:?} vs {b:?}"
            );
        }
    }
}

/// A network made elsewhere (Zachary's karate club as GraphML) opens in the app: all 34
/// nodes shown (it has no years for the slider to hide them by), clustered.
#[test]
fn a_network_made_elsewhere_opens_with_every_node() {
    let karate =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/networks/karate.graphml");
    let mut app = CociteApp::new(vec![karate], Settings::default());
    assert!(
        app.wait_idle(Duration::from_secs(60)),
        "import did not finish"
    );
    assert_eq!(app.last_error(), None);
    assert!(app.corpus.is_none() && app.imported.is_some());
    assert_eq!(app.analysis.network.nodes.len(), 34);
    assert_eq!(app.analysis.network.links.len(), 78);
    assert_eq!(app.visible_nodes(), 34);
    assert!(app.analysis.modularity.is_some_and(|q| q >= 0.35));
}

/// The themes window computes the conceptual structure with the core (`themes::run`)
/// on the worker and draws its figures; the thematic map equals the command's.
#[test]
fn the_themes_window_computes_the_thematic_map() {
    let mut h = harness(demo_app());
    h.state_mut().command(Command::ShowThemes);
    h.state_mut().themes.cuts = "2010".into();
    h.state_mut().command(Command::RunThemes);
    assert!(h.state_mut().wait_idle(Duration::from_secs(60)));
    h.run_steps(2);
    let app = h.state();
    let t = app.themes.result.as_ref().expect("themes computed");
    let corpus = app.corpus.as_ref().expect("demo");
    let p = cocite::themes::ThemesParams {
        cuts: vec![2010],
        ..Default::default()
    };
    let want = cocite::themes::run(corpus, &p).expect("runs");
    assert_eq!(t.map, want.map);
    assert!(t.evolution.is_some());
    h.get_by_label("Thematic evolution");
}

/// File → Export report writes the same folder as `cocite report` (the core's
/// `export::report::write_dir` on the map on screen).
#[test]
fn export_report_writes_the_report_folder() {
    let app = demo_app();
    let dir = std::env::temp_dir().join(format!("cocite-app-report-{}", std::process::id()));
    let corpus = app.corpus.clone().expect("demo");
    let n = app.write_report(&dir, &corpus).expect("writes");
    assert!(n >= 10, "{n} files");
    let html = std::fs::read_to_string(dir.join("index.html")).expect("index.html");
    assert!(html.contains("bursts.svg") && html.contains("network.svg"));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("report.json")).expect("json"))
            .expect("parses");
    assert_eq!(json["main_information"]["documents"], 96);
    std::fs::remove_dir_all(&dir).ok();
}
