//! Checks of a report folder shared by the report tests: every file there, index.html
//! links only files of the folder, and bursts.svg shows exactly report.json's bursts.

use std::path::Path;

/// The texts of one `<g id="NAME">` layer of an SVG: (x, y, text), unescaped.
pub fn layer_texts(svg: &str, name: &str) -> Vec<(f64, f64, String)> {
    let start = svg.find(&format!("<g id=\"{name}\">")).expect("layer");
    let body = &svg[start..start + svg[start..].find("</g>").expect("layer end")];
    let attr = |tag: &str, a: &str| -> f64 {
        let i = tag.find(&format!(" {a}=\"")).expect("attribute") + a.len() + 3;
        tag[i..i + tag[i..].find('"').expect("quote")]
            .parse()
            .expect("number")
    };
    body.split("<text")
        .skip(1)
        .map(|t| {
            let (tag, rest) = t.split_once('>').expect("tag");
            let text = rest.split("</text>").next().expect("text");
            let text = text
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
            (attr(tag, "x"), attr(tag, "y"), text)
        })
        .collect()
}

/// Checks that `bursts.svg` in `dir` shows exactly the rows of `report.json` there, in
/// order: label (cut with an ellipsis where long), year, strength, begin and end on one
/// line, and one red cell per burst year. Returns the number of rows.
pub fn check_burst_figure(dir: &Path) -> usize {
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("report.json")).expect("report.json"))
            .expect("json");
    let rows = json["bursts"]["rows"].as_array().expect("rows");
    let svg = std::fs::read_to_string(dir.join("bursts.svg")).expect("bursts.svg");
    let mut texts = layer_texts(&svg, "rows");
    texts.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.total_cmp(&b.0)));
    let lines: Vec<Vec<String>> = texts
        .chunk_by(|a, b| a.1 == b.1)
        .map(|c| c.iter().map(|t| t.2.clone()).collect())
        .collect();
    assert_eq!(lines.len(), rows.len(), "one line per row");
    let mut red = 0;
    for (line, row) in lines.iter().zip(rows) {
        let label = row["label"].as_str().expect("label");
        let shown = line[0].trim_end_matches('…');
        assert!(
            label.starts_with(shown) && !shown.is_empty(),
            "{shown} vs {label}"
        );
        let year = row["year"]
            .as_i64()
            .map(|y| y.to_string())
            .unwrap_or_default();
        let strength = format!("{:.2}", row["strength"].as_f64().expect("strength"));
        let (b, e) = (
            row["begin"].as_i64().expect("begin"),
            row["end"].as_i64().expect("end"),
        );
        assert_eq!(line[1..], [year, strength, b.to_string(), e.to_string()]);
        red += e - b + 1;
    }
    let burst_layer = &svg[svg.find("<g id=\"burst\">").expect("burst layer")..];
    let cells = burst_layer[..burst_layer.find("</g>").expect("end")]
        .matches("<rect")
        .count();
    assert_eq!(cells as i64, red, "one red cell per burst year");
    rows.len()
}

/// Every file `cocite report` writes.
pub const FILES: [&str; 15] = [
    "index.html",
    "report.json",
    "network.svg",
    "network.png",
    "timeline.svg",
    "timeline.png",
    "bursts.svg",
    "bursts.png",
    "annual_production.svg",
    "annual_production.png",
    "main_information.csv",
    "annual_production.csv",
    "clusters.csv",
    "citing.csv",
    "bursts.csv",
];

/// Checks the folder: every file there and not empty, every local link of index.html a
/// file of the folder.
pub fn check_folder(dir: &Path) {
    for f in FILES {
        let len = std::fs::metadata(dir.join(f)).map(|m| m.len()).unwrap_or(0);
        assert!(len > 0, "{f} missing or empty in {}", dir.display());
    }
    let html = std::fs::read_to_string(dir.join("index.html")).expect("index.html");
    assert!(html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"));
    for part in html
        .split("src=\"")
        .skip(1)
        .chain(html.split("href=\"").skip(1))
    {
        let target = &part[..part.find('"').expect("quote")];
        if !target.starts_with('#') {
            assert!(dir.join(target).is_file(), "index.html links {target}");
        }
    }
}
