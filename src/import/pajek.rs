//! Pajek `.net` reader (Batagelj & Mrvar, Pajek manual, "Network" files): `%`
//! comments, `*Network`, `*Vertices n` with lines `id "label" x y z ...` (a vertex
//! without a line is labelled by its number; coordinates are optional, extra drawing
//! parameters after them are ignored), then `*Edges` / `*Arcs` lines `i j [weight]`
//! and `*Edgeslist` / `*Arcslist` lines `i j k ...` (i linked to each of j, k, ...).
//! Arcs are read as undirected links ([`super`] merges both directions).
//!
//! Node ids are the vertex numbers. Pajek's coordinates (0–1, y downwards like
//! cocite's) are kept as they are. `*Matrix` sections are not read (an error says so).

use super::{ParseError, RawLink, RawNetwork, RawNode};

/// True when the first line that is not a comment opens a Pajek network.
pub fn looks_like(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('%'))
        .is_some_and(|l| {
            let l = l.to_lowercase();
            l.starts_with("*vertices") || l.starts_with("*network")
        })
}

/// Sections of a Pajek file.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Section {
    None,
    Vertices,
    Links,
    List,
}

/// The label (quoted or one word) and the coordinates after a vertex number.
fn vertex_rest(rest: &str) -> (Option<String>, Vec<f64>) {
    let rest = rest.trim_start();
    let (label, after) = if let Some(q) = rest.strip_prefix('"') {
        match q.find('"') {
            Some(end) => (Some(q[..end].to_string()), &q[end + 1..]),
            None => (Some(q.to_string()), ""),
        }
    } else {
        match rest.split_once(char::is_whitespace) {
            Some((l, a)) => (Some(l.to_string()), a),
            None => ((!rest.is_empty()).then(|| rest.to_string()), ""),
        }
    };
    let coords = after
        .split_whitespace()
        .map_while(|t| t.parse::<f64>().ok().filter(|v| v.is_finite()))
        .take(3)
        .collect();
    (label, coords)
}

/// Reads a Pajek network.
pub fn read(text: &str) -> Result<RawNetwork, ParseError> {
    let mut raw = RawNetwork::default();
    let mut section = Section::None;
    let mut n = 0usize;
    let mut declared: Vec<bool> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let no = i + 1;
        let t = line.trim();
        if t.is_empty() || t.starts_with('%') {
            continue;
        }
        if let Some(head) = t.strip_prefix('*') {
            let mut words = head.split_whitespace();
            let name = words.next().unwrap_or("").to_lowercase();
            section = match name.as_str() {
                "vertices" => {
                    if n > 0 {
                        raw.notes.push(format!(
                            "line {no}: a second *Vertices section (a Pajek project file?): only the first network was read"
                        ));
                        break;
                    }
                    n = words.next().and_then(|w| w.parse().ok()).ok_or_else(|| {
                        ParseError::at(no, "*Vertices needs the number of vertices")
                    })?;
                    declared = vec![false; n];
                    raw.nodes = (1..=n).map(|v| RawNode::new(v.to_string(), no)).collect();
                    Section::Vertices
                }
                "edges" | "arcs" => Section::Links,
                "edgeslist" | "arcslist" => Section::List,
                "network" => Section::None,
                "matrix" => {
                    return Err(ParseError::at(
                        no,
                        "*Matrix sections are not supported: save the network with *Edges or *Arcs",
                    ));
                }
                _ => {
                    raw.notes.push(format!(
                        "line {no}: section *{name} and what follows were not read"
                    ));
                    break;
                }
            };
            continue;
        }
        let vertex = |tok: &str| -> Result<usize, ParseError> {
            tok.parse::<usize>()
                .ok()
                .filter(|v| (1..=n).contains(v))
                .ok_or_else(|| {
                    ParseError::at(no, format!("{tok:?} is not a vertex number from 1 to {n}"))
                })
        };
        let mut words = t.split_whitespace();
        let first = words.next().unwrap_or("");
        match section {
            Section::None => {
                return Err(ParseError::at(no, "a line before the *Vertices section"));
            }
            Section::Vertices => {
                let v = vertex(first)?;
                if std::mem::replace(&mut declared[v - 1], true) {
                    return Err(ParseError::at(no, format!("vertex {v} is listed twice")));
                }
                let (label, coords) = vertex_rest(&t[first.len()..]);
                let node = &mut raw.nodes[v - 1];
                node.line = no;
                node.label = label;
                if let [x, y, ..] = coords[..] {
                    (node.x, node.y) = (Some(x), Some(y));
                }
            }
            Section::Links => {
                let s = vertex(first)?;
                let target = words
                    .next()
                    .ok_or_else(|| ParseError::at(no, "a link needs two vertex numbers"))?;
                let mut l = RawLink::new(s.to_string(), vertex(target)?.to_string(), no);
                l.weight = words
                    .next()
                    .and_then(|w| w.parse::<f64>().ok())
                    .filter(|w| w.is_finite());
                raw.links.push(l);
            }
            Section::List => {
                let s = vertex(first)?;
                for w in words {
                    raw.links
                        .push(RawLink::new(s.to_string(), vertex(w)?.to_string(), no));
                }
            }
        }
    }
    if n == 0 && raw.nodes.is_empty() {
        return Err(ParseError::new("no *Vertices section"));
    }
    Ok(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_vertices_edges_and_lists() {
        let text = "% made by hand\n*Network test\n*Vertices 4\n1 \"Smith, J\" 0.1 0.2 0.5 ic Red\n2 beta\n*Arcs\n1 2 2.5\n2 1 1\n*Edgeslist\n3 1 2\n";
        let raw = read(text).expect("reads");
        assert_eq!(raw.nodes.len(), 4);
        assert_eq!(raw.nodes[0].label.as_deref(), Some("Smith, J"));
        assert_eq!((raw.nodes[0].x, raw.nodes[0].y), (Some(0.1), Some(0.2)));
        assert_eq!(raw.nodes[1].label.as_deref(), Some("beta"));
        assert_eq!(
            raw.nodes[3].label, None,
            "not listed: labelled by its number"
        );
        let imp = raw.assemble().expect("assembles");
        let links: Vec<(u32, u32, f64)> = imp
            .network
            .links
            .iter()
            .map(|l| (l.source, l.target, l.weight))
            .collect();
        // Arcs 1→2 (2.5) and 2→1 (1) merge; the list adds 3–1 and 3–2 with weight 1.
        assert_eq!(links, [(0, 1, 3.5), (0, 2, 1.0), (1, 2, 1.0)]);
        assert_eq!(imp.network.nodes[3].label, "4");
    }

    #[test]
    fn errors_name_the_line() {
        let e = read("*Vertices 2\n1 a\n*Edges\n1 3\n").expect_err("vertex 3 of 2");
        assert_eq!(e.line, Some(4));
        let e = read("*Vertices two\n").expect_err("no count");
        assert_eq!(e.line, Some(1));
        let e = read("*Vertices 2\n*Matrix\n0 1\n1 0\n").expect_err("matrix");
        assert_eq!(e.line, Some(2));
    }
}
