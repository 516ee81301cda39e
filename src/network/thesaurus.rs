//! Thesaurus files, VOSviewer's format for merging name variants before counting: a
//! header line `label<TAB>replace by`, then one `variant<TAB>preferred` per line
//! (van Eck & Waltman, VOSviewer manual, "thesaurus file"). The network stage applies
//! one ([`super::items`]); the app writes one when the user merges nodes, and the CLI
//! reads one (`--thesaurus`).

use super::{Node, NodeKind};
use std::fmt::Write as _;
use std::path::Path;

/// Reads a thesaurus file's text. Lines without a tab are errors with their number.
pub fn read(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_start_matches('\u{feff}').trim_end_matches('\r');
        if line.trim().is_empty() || (i == 0 && line.to_lowercase().starts_with("label")) {
            continue;
        }
        match line.split_once('\t') {
            Some((a, b)) => out.push((a.trim().to_string(), b.trim().to_string())),
            None => {
                return Err(format!(
                    "line {}: expected `label<TAB>replace by`, got {line:?}",
                    i + 1
                ));
            }
        }
    }
    Ok(out)
}

/// The text of a thesaurus file with `entries`.
pub fn to_text(entries: &[(String, String)]) -> String {
    let mut text = String::from("label\treplace by\n");
    for (a, b) in entries {
        let _ = writeln!(text, "{a}\t{b}");
    }
    text
}

/// Writes a thesaurus file atomically (creating its folder).
pub fn save(path: &Path, entries: &[(String, String)]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    crate::io::write_atomic(path, to_text(entries).as_bytes())
}

/// How a node is written in a thesaurus so that it maps to the node's own key: a
/// reference keyed by its DOI is written as WoS writes it, with ", DOI ..." (its
/// label alone would parse to a different key).
pub fn entry_label(node: &Node, kind: NodeKind) -> String {
    match (&node.doi, kind) {
        (Some(doi), NodeKind::Reference) => format!("{}, DOI {doi}", node.label),
        _ => node.label.clone(),
    }
}

/// Adds entries that merge `nodes` into the most counted of them (ties: the first);
/// variants already in the thesaurus keep their entry. Returns the preferred label,
/// or `None` for fewer than two nodes.
pub fn merge(
    entries: &mut Vec<(String, String)>,
    nodes: &[&Node],
    kind: NodeKind,
) -> Option<String> {
    if nodes.len() < 2 {
        return None;
    }
    let mut order: Vec<&Node> = nodes.to_vec();
    order.sort_by_key(|n| std::cmp::Reverse(n.count));
    let target = entry_label(order[0], kind);
    for n in &order[1..] {
        let variant = entry_label(n, kind);
        if !entries.iter().any(|(a, _)| *a == variant) {
            entries.push((variant, target.clone()));
        }
    }
    Some(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thesaurus_file_round_trips() {
        let t = read("label\treplace by\nco-creation of value\tvalue co-creation\n\n").unwrap();
        assert_eq!(
            t,
            vec![("co-creation of value".into(), "value co-creation".into())]
        );
        assert_eq!(read(&to_text(&t)).unwrap(), t);
        assert!(
            read("label\treplace by\nno tab here")
                .unwrap_err()
                .starts_with("line 2")
        );
    }

    #[test]
    fn merging_maps_variants_to_the_most_counted_node() {
        let node = |label: &str, count: u32, doi: Option<&str>| Node {
            label: label.into(),
            count,
            doi: doi.map(String::from),
            ..Default::default()
        };
        let (a, b, c) = (
            node("Vargo SL, 2004, J MARKETING", 3, None),
            node("VARGO SL, 2004, J MARKETING, V68", 9, Some("10.1509/x")),
            node("Vargo S, 2004, J MARKETING", 1, None),
        );
        let mut t = vec![("Vargo S, 2004, J MARKETING".to_string(), "kept".to_string())];
        let target = merge(&mut t, &[&a, &b, &c], NodeKind::Reference);
        assert_eq!(
            target.as_deref(),
            Some("VARGO SL, 2004, J MARKETING, V68, DOI 10.1509/x")
        );
        assert_eq!(t.len(), 2, "the variant already mapped keeps its entry");
        assert_eq!(t[1].0, "Vargo SL, 2004, J MARKETING");
        assert_eq!(merge(&mut t, &[&a], NodeKind::Reference), None);
    }
}
