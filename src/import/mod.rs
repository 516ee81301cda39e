//! Networks made elsewhere, read into a [`Network`] that the pipeline clusters, lays
//! out, labels and draws ([`crate::pipeline::run_imported`]): GraphML (Brandes et al.
//! 2001), GEXF 1.1–1.3 (Gephi), Pajek `.net` (Batagelj & Mrvar), VOSviewer map and
//! network files and VOSviewer JSON (van Eck & Waltman; app.vosviewer.com/docs/file-types),
//! and node-link JSON (networkx `node_link_data`, d3-force). The format is detected
//! from the content, never the extension ([`detect`]).
//!
//! Where it sits: this module reads input files, like [`crate::io`], but its product is
//! a [`Network`], so it cannot live in `io` (which sits below `network`). It sits
//! beside `analysis` and `layout`, above `network` (and `io`, whose text decoding it
//! reuses) and below `pipeline`, which runs an imported network through the stages.
//!
//! What is read (attribute names are matched without case, spaces or punctuation, so
//! `Modularity Class` and `modularity_class` are the same):
//! - node id and label (`label`, `name`, `title`; else the id); cocite's own files
//!   carry the item key as `key`, used as the node id when every node has a distinct one;
//! - weight → count (`count`, `weight`, `citations`, `occurrences`, `documents`, ...;
//!   a VOSviewer item's first weight other than Links and Total link strength), rounded
//!   to a whole number; without one the count is the node's degree (noted);
//! - year (`year`, `pub. year`, `avg. pub. year`, rounded);
//! - cluster (`cluster`, `community`, `modularity class`, `group`): distinct values
//!   are numbered 0.. in their numeric (else text) order, so VOSviewer's 1-based
//!   clusters become cocite's 0-based ones; the pipeline keeps them when every node has
//!   one;
//! - x/y positions (GEXF `viz:position`, VOSviewer coordinates; y is negated where the
//!   format's y axis points up, as cocite's writers negate it);
//! - link weight (`weight`, `strength`, `value`; else 1) and cocite's `count` and
//!   `first_year`.
//!
//! Links are undirected: a link given twice (both directions of a directed graph, a
//! multigraph) becomes one with the weights summed; self-loops are dropped. Both are
//! noted, as are attributes that were not used.
//!
//! Bad input never panics: a file that is none of the formats, or is malformed, gives an
//! [`ImportError`] naming the file and, where the format has lines, the line (JSON
//! errors after parsing name the element, e.g. `links[3]`).
//!
//! ```no_run
//! let imported = cocite::import::read_network("karate.graphml".as_ref()).expect("reads");
//! let params = cocite::pipeline::AnalysisParams::default();
//! let a = cocite::pipeline::run_imported(imported, &params, &cocite::progress::silent)
//!     .expect("runs");
//! println!("{} nodes, Q = {:?}", a.network.nodes.len(), a.modularity);
//! ```

mod assemble;
pub mod gexf;
pub mod graphml;
pub mod node_link;
pub mod pajek;
pub mod vosviewer;
pub mod vosviewer_json;
mod xml;

pub use assemble::{RawLink, RawNetwork, RawNode};

use crate::network::Network;
use std::path::{Path, PathBuf};

/// Network file formats cocite reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    GraphMl,
    Gexf,
    Pajek,
    /// A VOSviewer map file (items), with or without its network file.
    VosViewerMap,
    /// A VOSviewer network file (links) alone.
    VosViewerNetwork,
    VosViewerJson,
    NodeLinkJson,
}

impl InputFormat {
    /// A name for messages.
    pub fn describe(self) -> &'static str {
        match self {
            InputFormat::GraphMl => "GraphML",
            InputFormat::Gexf => "GEXF",
            InputFormat::Pajek => "Pajek network",
            InputFormat::VosViewerMap => "VOSviewer map file",
            InputFormat::VosViewerNetwork => "VOSviewer network file",
            InputFormat::VosViewerJson => "VOSviewer JSON",
            InputFormat::NodeLinkJson => "node-link JSON",
        }
    }
}

/// A network read from files made elsewhere.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Imported {
    /// The network ([`crate::network::NodeKind::Imported`]): nodes in file order with
    /// the attributes found (count, year, cluster, x/y), links sorted.
    pub network: Network,
    /// The format of the (first) file read.
    pub format: Option<InputFormat>,
    /// The files read.
    pub files: Vec<PathBuf>,
    /// Cluster labels given by the file (VOSviewer JSON `clusters`, cocite's node-link
    /// `graph.clusters`), by cluster id; empty where none.
    pub cluster_labels: Vec<String>,
    /// What the reader did that the user should know (merged links, ignored
    /// attributes, counts taken from degrees).
    pub notes: Vec<String>,
}

impl Imported {
    /// True when every node has a cluster (the pipeline then keeps them).
    pub fn has_clusters(&self) -> bool {
        let n = &self.network.nodes;
        !n.is_empty() && n.iter().all(|n| n.cluster.is_some())
    }

    /// True when every node has a position (the pipeline then keeps them).
    pub fn has_positions(&self) -> bool {
        let n = &self.network.nodes;
        !n.is_empty() && n.iter().all(|n| n.x.is_some() && n.y.is_some())
    }

    /// Drops the file's clusters, so that the pipeline clusters the network.
    pub fn forget_clusters(&mut self) {
        for n in &mut self.network.nodes {
            n.cluster = None;
        }
        self.cluster_labels.clear();
    }

    /// Drops the file's positions, so that the pipeline lays the network out.
    pub fn forget_positions(&mut self) {
        for n in &mut self.network.nodes {
            (n.x, n.y) = (None, None);
        }
    }
}

/// A problem in a file's content, before the file name is known.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    /// 1-based line, where the format has lines.
    pub line: Option<usize>,
    pub message: String,
}

impl ParseError {
    /// An error at `line`.
    pub fn at(line: usize, message: impl Into<String>) -> Self {
        ParseError {
            line: Some(line),
            message: message.into(),
        }
    }

    /// An error without a line (JSON after parsing: the message names the element).
    pub fn new(message: impl Into<String>) -> Self {
        ParseError {
            line: None,
            message: message.into(),
        }
    }
}

/// Why a network file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error(
        "{path}: not a network file cocite can read (GraphML, GEXF, Pajek .net, VOSviewer map, network or JSON file, node-link JSON); bibliographic exports are read by `cocite network`"
    )]
    UnknownFormat { path: String },
    #[error("{path}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Parse {
        path: String,
        line: Option<usize>,
        message: String,
    },
}

impl ImportError {
    fn parse(path: &Path, e: ParseError) -> Self {
        ImportError::Parse {
            path: path.display().to_string(),
            line: e.line,
            message: e.message,
        }
    }
}

/// The text of a file: UTF-8 (BOM removed), UTF-16 with a BOM, or Windows-1252 where
/// the bytes are not UTF-8 (as [`crate::io::text`] decodes exports).
pub fn decode(bytes: &[u8]) -> String {
    use crate::io::text::{Encoding, decode_line, decode_utf16, sniff_bom};
    let (enc, bom) = sniff_bom(bytes);
    match enc {
        Encoding::Utf8 => decode_line(&bytes[bom..]).0.into_owned(),
        _ => decode_utf16(&bytes[bom..], enc).0,
    }
}

/// The format of a network file's text, from its content.
pub fn detect(text: &str) -> Option<InputFormat> {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('<') {
        let head = &t[..t.floor_char_boundary(4096)];
        if head.contains("<graphml") {
            return Some(InputFormat::GraphMl);
        }
        if head.contains("<gexf") {
            return Some(InputFormat::Gexf);
        }
        return None;
    }
    if t.starts_with('{') {
        // By the first key, so that a large file need not be parsed to be recognised
        // (and an OpenAlex work whose abstract has the word "nodes" is not a network).
        return match first_key(t)? {
            "directed" | "multigraph" | "graph" | "nodes" | "links" | "edges" => {
                Some(InputFormat::NodeLinkJson)
            }
            "network" | "config" | "info" => Some(InputFormat::VosViewerJson),
            _ => None,
        };
    }
    if pajek::looks_like(t) {
        return Some(InputFormat::Pajek);
    }
    if vosviewer::looks_like_map(t) {
        return Some(InputFormat::VosViewerMap);
    }
    if vosviewer::looks_like_network(t) {
        return Some(InputFormat::VosViewerNetwork);
    }
    None
}

/// The first key of the JSON object that `t` starts with (without escapes).
fn first_key(t: &str) -> Option<&str> {
    let rest = t.strip_prefix('{')?.trim_start().strip_prefix('"')?;
    let end = rest.find(['"', '\\'])?;
    Some(&rest[..end])
}

/// The format of the network file at `path`, from its first 64 KiB (`None`: not a
/// network file cocite reads). The app can use it to tell a network made elsewhere
/// from bibliographic exports before reading either.
pub fn detect_file(path: &Path) -> std::io::Result<Option<InputFormat>> {
    use std::io::Read;
    const HEAD: u64 = 64 << 10;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(HEAD)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 == HEAD
        && let Some(nl) = bytes.iter().rposition(|&b| b == b'\n')
    {
        // A cut line could look like another format's.
        bytes.truncate(nl + 1);
    }
    Ok(detect(&decode(&bytes)))
}

/// Reads the network in `text` (format detected), before it is checked and assembled. A
/// VOSviewer map file read this way has no links: see [`vosviewer::read`].
pub fn parse(text: &str) -> Result<(InputFormat, RawNetwork), ParseError> {
    let format = detect(text).ok_or_else(|| ParseError::new("not a network file"))?;
    let raw = match format {
        InputFormat::GraphMl => graphml::read(text)?,
        InputFormat::Gexf => gexf::read(text)?,
        InputFormat::Pajek => pajek::read(text)?,
        InputFormat::VosViewerMap => vosviewer::read_map(text)?,
        InputFormat::VosViewerNetwork => vosviewer::read_network(text)?,
        InputFormat::VosViewerJson => vosviewer_json::read(text)?,
        InputFormat::NodeLinkJson => node_link::read(text)?,
    };
    Ok((format, raw))
}

fn read_text(path: &Path) -> Result<String, ImportError> {
    let bytes = std::fs::read(path).map_err(|source| ImportError::Io {
        path: path.display().to_string(),
        source,
    })?;
    Ok(decode(&bytes))
}

/// Reads a network file. A VOSviewer map file is read with its network file when one
/// lies beside it as `NAME.network.txt` (cocite's name for it); a network file
/// `NAME.network.txt` with the map `NAME.txt` (otherwise alone, ids as labels).
/// For files named otherwise, use [`read_files`].
pub fn read_network(path: &Path) -> Result<Imported, ImportError> {
    let text = read_text(path)?;
    let format = detect(&text).ok_or_else(|| ImportError::UnknownFormat {
        path: path.display().to_string(),
    })?;
    let partner = match format {
        InputFormat::VosViewerMap => Some(sibling(path, "network.txt")),
        InputFormat::VosViewerNetwork => vos_map_of(path),
        _ => None,
    }
    .filter(|p| p.is_file());
    match partner {
        Some(p) => read_files(&[path.to_path_buf(), p]),
        None => {
            let (format, raw) = parse(&text).map_err(|e| ImportError::parse(path, e))?;
            let mut notes = Vec::new();
            if format == InputFormat::VosViewerMap {
                notes.push(format!(
                    "no network file found beside the map (looked for {}): the map has no links",
                    sibling(path, "network.txt").display()
                ));
            }
            finish(raw, format, vec![path.to_path_buf()], notes, path)
        }
    }
}

/// Reads one network file, or a VOSviewer map file and network file in either order.
pub fn read_files(paths: &[PathBuf]) -> Result<Imported, ImportError> {
    let (first, rest) = match paths {
        [] => {
            return Err(ImportError::Parse {
                path: String::new(),
                line: None,
                message: "no network file given".into(),
            });
        }
        [one] => return read_network(one),
        [first, rest @ ..] => (first, rest),
    };
    if rest.len() > 1 {
        return Err(ImportError::Parse {
            path: paths[2].display().to_string(),
            line: None,
            message:
                "one network at a time: give one file, or a VOSviewer map file and its network file"
                    .into(),
        });
    }
    let second = &rest[0];
    let (a, b) = (read_text(first)?, read_text(second)?);
    let unknown = |p: &Path| ImportError::UnknownFormat {
        path: p.display().to_string(),
    };
    let (fa, fb) = (
        detect(&a).ok_or_else(|| unknown(first))?,
        detect(&b).ok_or_else(|| unknown(second))?,
    );
    let ((map_path, map), (net_path, net)) = match (fa, fb) {
        (InputFormat::VosViewerMap, InputFormat::VosViewerNetwork) => ((first, a), (second, b)),
        (InputFormat::VosViewerNetwork, InputFormat::VosViewerMap) => ((second, b), (first, a)),
        _ => {
            return Err(ImportError::Parse {
                path: second.display().to_string(),
                line: None,
                message: format!(
                    "two files must be a VOSviewer map file and its network file; got a {} and a {}",
                    fa.describe(),
                    fb.describe()
                ),
            });
        }
    };
    let raw = vosviewer::read(Some(&map), Some(&net))
        .map_err(|(in_map, e)| ImportError::parse(if in_map { map_path } else { net_path }, e))?;
    let files = vec![map_path.clone(), net_path.clone()];
    finish(raw, InputFormat::VosViewerMap, files, Vec::new(), map_path)
}

fn finish(
    raw: RawNetwork,
    format: InputFormat,
    files: Vec<PathBuf>,
    mut notes: Vec<String>,
    path: &Path,
) -> Result<Imported, ImportError> {
    let mut imported = raw.assemble().map_err(|e| ImportError::parse(path, e))?;
    notes.append(&mut imported.notes);
    imported.notes = notes;
    imported.format = Some(format);
    imported.files = files;
    Ok(imported)
}

/// `dir/stem.suffix` for `dir/stem.ext`.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!("{stem}.{suffix}"))
}

/// `dir/NAME.txt` for a network file `dir/NAME.network.txt`.
fn vos_map_of(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let lower = name.to_lowercase();
    let stem = lower
        .strip_suffix(".network.txt")
        .map(|_| &name[..name.len() - ".network.txt".len()])?;
    Some(path.with_file_name(format!("{stem}.txt")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_by_content() {
        let d = |s: &str| detect(s);
        assert_eq!(
            d("<?xml version=\"1.0\"?>\n<graphml xmlns=\"x\">"),
            Some(InputFormat::GraphMl)
        );
        assert_eq!(d("\u{feff}<?xml?><gexf>"), Some(InputFormat::Gexf));
        assert_eq!(d("*Vertices 3\n1 \"a\"\n"), Some(InputFormat::Pajek));
        assert_eq!(
            d("% comment\n*vertices 3\n"),
            Some(InputFormat::Pajek),
            "Pajek comments and lower case"
        );
        assert_eq!(
            d("id\tlabel\tx\ty\tcluster\n1\ta\t0\t0\t1\n"),
            Some(InputFormat::VosViewerMap)
        );
        assert_eq!(d("1\t2\t3\n2\t3\t1\n"), Some(InputFormat::VosViewerNetwork));
        assert_eq!(
            d(r#"{"network": {"items": []}}"#),
            Some(InputFormat::VosViewerJson)
        );
        assert_eq!(
            d(r#"{"directed": false, "nodes": [], "links": []}"#),
            Some(InputFormat::NodeLinkJson)
        );
        assert_eq!(
            d(r#"{ "config": {}, "network": {"items": []}}"#),
            Some(InputFormat::VosViewerJson)
        );
        assert_eq!(
            d(r#"{"id": "https://openalex.org/W1", "abstract_inverted_index": {"nodes": [3]}}"#),
            None,
            "an OpenAlex work"
        );
        assert_eq!(d("PT J\nAU Smith, J\n"), None, "a WoS export");
        assert_eq!(d("<html></html>"), None);
        assert_eq!(d(""), None);
    }

    #[test]
    fn partner_file_names() {
        assert_eq!(
            vos_map_of(Path::new("d/Map.Network.txt")),
            Some(PathBuf::from("d/Map.txt"))
        );
        assert_eq!(vos_map_of(Path::new("d/map.txt")), None);
        assert_eq!(
            sibling(Path::new("d/map.txt"), "network.txt"),
            PathBuf::from("d/map.network.txt")
        );
    }
}
