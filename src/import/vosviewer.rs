//! VOSviewer map and network files (van Eck & Waltman, VOSviewer manual §4.1 and
//! app.vosviewer.com/docs/file-types/map-and-network-file-type): text separated by
//! tabs, commas or semicolons (a field holding the separator is double-quoted).
//!
//! - The map file has a header line naming the columns: `id`, `label`, `description`,
//!   `url`, `x`, `y`, `cluster` (1–1000), `weight<NAME>` and `score<NAME>` columns.
//!   The count is the first weight other than `Links` and `Total link strength`
//!   (VOSviewer's own degree and strength, which cocite recomputes), else Total link
//!   strength; the year is the `Pub. year` score, else `First year` (cocite's), else
//!   `Avg. pub. year`, else another score named with "year". VOSviewer's y axis points
//!   up: y is negated, as cocite's writer negates it. Without an `id` column items are
//!   numbered 1.. by row.
//! - The network file has no header and one link a line: `id1 id2 [strength]`.
//!   Without a map file its ids are the items, labelled by their ids.

use super::{ParseError, RawLink, RawNetwork, RawNode, assemble::normalise};
use std::collections::BTreeMap;

/// The separator of a header or data line: the most frequent of tab, comma, semicolon.
fn separator(line: &str) -> u8 {
    let count = |c: char| line.matches(c).count();
    [(b'\t', count('\t')), (b',', count(',')), (b';', count(';'))]
        .into_iter()
        .max_by_key(|&(b, n)| (n, b == b'\t'))
        .map_or(b'\t', |(b, _)| b)
}

/// A map-file column.
#[derive(Debug, Clone, PartialEq)]
enum Column {
    Id,
    Label,
    X,
    Y,
    Cluster,
    Weight(String),
    Score(String),
    /// Description, URL, sublabel: not used.
    Skip,
    Unknown(String),
}

fn column(name: &str) -> Column {
    let t = name.trim().trim_matches('"');
    let inner = |prefix: &str| {
        let lower = t.to_lowercase();
        lower
            .strip_prefix(prefix)
            .filter(|r| r.ends_with('>'))
            .map(|_| t[prefix.len()..t.len() - 1].to_string())
    };
    if let Some(w) = inner("weight<") {
        return Column::Weight(w);
    }
    if let Some(s) = inner("score<") {
        return Column::Score(s);
    }
    match t.to_lowercase().as_str() {
        "id" => Column::Id,
        "label" => Column::Label,
        "x" => Column::X,
        "y" => Column::Y,
        "cluster" => Column::Cluster,
        "description" | "url" | "sublabel" | "normalized weight" => Column::Skip,
        _ => Column::Unknown(t.to_string()),
    }
}

fn first_line(text: &str) -> &str {
    text.trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("")
}

/// True when the first line is a map file's header.
pub fn looks_like_map(text: &str) -> bool {
    let head = first_line(text);
    let cols: Vec<Column> = head.split(separator(head) as char).map(column).collect();
    cols.iter().any(|c| matches!(c, Column::Id | Column::Label))
        && cols.iter().all(|c| !matches!(c, Column::Unknown(_)))
}

/// The fields of a network-file line: ids and an optional strength.
fn link_fields(line: &str) -> Vec<&str> {
    line.split(['\t', ',', ';', ' '])
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .collect()
}

/// True when the first lines are `id id [strength]` with integer ids.
pub fn looks_like_network(text: &str) -> bool {
    let lines: Vec<&str> = text
        .trim_start_matches('\u{feff}')
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(20)
        .collect();
    !lines.is_empty()
        && lines.iter().all(|l| {
            let f = link_fields(l);
            (2..=3).contains(&f.len())
                && f[..2].iter().all(|id| id.parse::<u64>().is_ok())
                && f.get(2).is_none_or(|s| s.parse::<f64>().is_ok())
        })
}

/// Which weight column is the count: the first other than Links and Total link
/// strength, else Total link strength, else Links.
fn count_column(cols: &[Column]) -> Option<usize> {
    let weight = |pick: &dyn Fn(&str) -> bool| {
        cols.iter()
            .position(|c| matches!(c, Column::Weight(w) if pick(&normalise(w))))
    };
    weight(&|w| w != "links" && w != "totallinkstrength")
        .or_else(|| weight(&|w| w == "totallinkstrength"))
        .or_else(|| weight(&|w| w == "links"))
}

/// Which score column is the year.
fn year_column(cols: &[Column]) -> Option<usize> {
    let score = |pick: &dyn Fn(&str) -> bool| {
        cols.iter()
            .position(|c| matches!(c, Column::Score(s) if pick(&normalise(s))))
    };
    score(&|s| s == "pubyear")
        .or_else(|| score(&|s| s == "firstyear"))
        .or_else(|| score(&|s| s == "avgpubyear"))
        .or_else(|| score(&|s| s.contains("year")))
}

/// Reads a map file (items only).
pub fn read_map(text: &str) -> Result<RawNetwork, ParseError> {
    let text = text.trim_start_matches('\u{feff}');
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(separator(first_line(text)))
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut rows = rdr.records();
    let header = match rows.next() {
        Some(Ok(h)) => h,
        _ => return Err(ParseError::at(1, "no header line")),
    };
    let cols: Vec<Column> = header.iter().map(column).collect();
    let (count, year) = (count_column(&cols), year_column(&cols));
    let mut raw = RawNetwork::default();
    for c in &cols {
        match c {
            Column::Unknown(name) => {
                raw.ignored.insert(name.clone());
            }
            Column::Weight(w) | Column::Score(w) => {
                let used = Some(c) == count.map(|i| &cols[i]) || Some(c) == year.map(|i| &cols[i]);
                if !used && !matches!(normalise(w).as_str(), "links" | "totallinkstrength") {
                    raw.ignored.insert(w.clone());
                }
            }
            _ => {}
        }
    }
    for (row, rec) in rows.enumerate() {
        let line = row + 2;
        let rec = rec.map_err(|e| ParseError::at(line, format!("unreadable line: {e}")))?;
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let line = rec.position().map_or(line, |p| p.line() as usize);
        let mut n = RawNode::new((raw.nodes.len() + 1).to_string(), line);
        let bad = |m: String| ParseError::at(line, m);
        for (i, (col, value)) in cols.iter().zip(rec.iter()).enumerate() {
            let v = value.trim();
            if v.is_empty() {
                continue;
            }
            match col {
                Column::Id => n.id = v.to_string(),
                Column::Label => n.label = Some(v.to_string()),
                Column::X => {
                    n.set("x", v).map_err(bad)?;
                }
                Column::Y => {
                    n.set("y", v).map_err(bad)?;
                    n.y = n.y.map(|y| -y);
                }
                Column::Cluster => {
                    n.set("cluster", v).map_err(bad)?;
                }
                Column::Weight(_) if Some(i) == count => {
                    n.set("count", v).map_err(bad)?;
                }
                Column::Score(_) if Some(i) == year => {
                    n.set("year", v).map_err(bad)?;
                }
                _ => {}
            }
        }
        raw.nodes.push(n);
    }
    Ok(raw)
}

/// Reads a network file's links.
fn read_links(text: &str) -> Result<Vec<RawLink>, ParseError> {
    let mut out = Vec::new();
    for (i, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        let no = i + 1;
        let f = link_fields(line);
        match f[..] {
            [] => {}
            [a, b] | [a, b, _] => {
                let mut l = RawLink::new(a, b, no);
                if let Some(s) = f.get(2) {
                    l.set("strength", s).map_err(|m| ParseError::at(no, m))?;
                }
                out.push(l);
            }
            _ => {
                return Err(ParseError::at(
                    no,
                    format!(
                        "a link line has two or three fields (id, id, strength), this has {}",
                        f.len()
                    ),
                ));
            }
        }
    }
    Ok(out)
}

/// Reads a network file alone: its ids are the items (in numeric order where they
/// are numbers), labelled by their ids.
pub fn read_network(text: &str) -> Result<RawNetwork, ParseError> {
    let links = read_links(text)?;
    let mut ids: BTreeMap<(u64, &str), usize> = BTreeMap::new();
    for l in &links {
        for id in [&l.source, &l.target] {
            let key = (id.parse::<u64>().unwrap_or(u64::MAX), id.as_str());
            ids.entry(key).or_insert(l.line);
        }
    }
    let nodes = ids
        .into_iter()
        .map(|((_, id), line)| RawNode::new(id, line))
        .collect();
    Ok(RawNetwork {
        nodes,
        notes: vec!["a network file without its map file: items are labelled by their ids".into()],
        links,
        ..Default::default()
    })
}

/// Reads a map file and a network file together; the error says which file (true:
/// the map).
pub fn read(map: Option<&str>, network: Option<&str>) -> Result<RawNetwork, (bool, ParseError)> {
    let Some(map) = map else {
        return read_network(network.unwrap_or("")).map_err(|e| (false, e));
    };
    let mut raw = read_map(map).map_err(|e| (true, e))?;
    if let Some(net) = network {
        raw.links = read_links(net).map_err(|e| (false, e))?;
    }
    Ok(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_map_with_weights_and_scores() {
        let map = "id\tlabel\tx\ty\tcluster\tweight<Links>\tweight<Total link strength>\tweight<Citations>\tscore<Avg. pub. year>\tscore<Avg. citations>\n\
                   1\t\"smith, j\"\t0.5\t-1\t2\t3\t7\t12\t2001.6\t4\n\
                   2\tlee\t1\t2\t1\t1\t1\t5\t\t\n";
        let raw = read_map(map).expect("reads");
        let a = &raw.nodes[0];
        assert_eq!(a.label.as_deref(), Some("smith, j"), "quoted label");
        assert_eq!(a.count, Some((0, 12.0)), "Citations, not Links");
        assert_eq!(a.year.map(|y| y.1), Some(2001.6));
        assert_eq!((a.x, a.y), (Some(0.5), Some(1.0)), "y negated");
        assert_eq!(raw.nodes[1].year, None);
        assert!(raw.ignored.contains("Avg. citations"));
        let raw = read(Some(map), Some("1\t2\t3\n")).expect("pair");
        let imp = raw.assemble().expect("assembles");
        assert_eq!(imp.network.links[0].weight, 3.0);
        let clusters: Vec<Option<u32>> = imp.network.nodes.iter().map(|n| n.cluster).collect();
        assert_eq!(
            clusters,
            [Some(1), Some(0)],
            "1-based clusters become 0-based"
        );
    }

    #[test]
    fn comma_and_semicolon_files() {
        let raw =
            read_map("label;weight<Occurrences>\nbibliometrics;9\n\"a; b\";2\n").expect("reads");
        assert_eq!(raw.nodes[1].label.as_deref(), Some("a; b"));
        assert_eq!(raw.nodes[1].id, "2", "numbered by row");
        let net = read_network("3,1\n1,2,0.5\n").expect("reads");
        let ids: Vec<&str> = net.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["1", "2", "3"]);
    }

    #[test]
    fn errors_name_the_line() {
        let e = read_map("id\tlabel\tx\n1\ta\t0.3\n2\tb\tleft\n").expect_err("bad x");
        assert_eq!(e.line, Some(3));
        let e = read(Some("id\tlabel\n1\ta\n"), Some("1\t1\n1\t2\t3\t4\n")).expect_err("4 fields");
        assert_eq!(
            e,
            (
                false,
                ParseError::at(
                    2,
                    "a link line has two or three fields (id, id, strength), this has 4"
                )
            )
        );
    }
}
