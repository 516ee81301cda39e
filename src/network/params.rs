//! Network parameters: node kind, time span and slicing, node selection per slice,
//! link strength, counting and pruning ([`NetworkParams`]). Each rule has a string form
//! used by the CLI and shown in the GUI (`top:50`, `cosine`).

use super::NodeKind;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Default slice length (years).
pub const DEFAULT_SLICE: u32 = 1;
/// CiteSpace's default g-index scale factor (`g:25`).
pub const DEFAULT_G_INDEX_K: f64 = 25.0;
/// CiteSpace's default link retaining factor (LRF).
pub const DEFAULT_LRF: f64 = 3.0;
/// CiteSpace's default maximum links per node (L/N).
pub const DEFAULT_LINKS_PER_NODE: usize = 10;

/// Everything the network stage needs: what the nodes are, which years, how they are
/// sliced, selected, linked and pruned. Defaults follow CiteSpace where it has one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NetworkParams {
    pub kind: NodeKind,
    /// First year (default: the corpus' first year).
    pub from: Option<i32>,
    /// Last year (default: the corpus' last year).
    pub to: Option<i32>,
    /// Slice length in years.
    pub slice: u32,
    pub select: Selection,
    pub measure: Measure,
    pub counting: Counting,
    pub prune: Prune,
    /// Prune each slice's network before merging.
    pub prune_slices: bool,
    /// Prune the merged network.
    pub prune_merged: bool,
    /// VOSviewer-style thesaurus (`label<TAB>replace by`) applied before counting.
    pub thesaurus: Vec<(String, String)>,
    /// CiteSpace's link retaining factor (LRF): each slice keeps its ⌈LRF · (N − 1)⌉
    /// strongest links; `None` keeps all (CiteSpace's −1). See [`super::reduce`].
    pub lrf: Option<f64>,
    /// CiteSpace's maximum links per node (L/N): a slice's link survives if it is
    /// among the L/N strongest of either end; `None` turns it off (−1).
    pub links_per_node: Option<usize>,
    /// CiteSpace's look-back years (LBY): a citation spanning more than LBY years
    /// (both counted) is left out of the slice; `None` = no limit (−1).
    pub look_back: Option<u32>,
    /// Citation networks only: keep the core publications, the records with at least
    /// this many citation links to other core records (CitNetExplorer), before the
    /// selection rule ([`crate::network::citation`]).
    pub core: Option<u32>,
}

impl Default for NetworkParams {
    fn default() -> Self {
        NetworkParams {
            kind: NodeKind::Reference,
            from: None,
            to: None,
            slice: DEFAULT_SLICE,
            select: Selection::default(),
            measure: Measure::default(),
            counting: Counting::default(),
            prune: Prune::default(),
            prune_slices: false,
            prune_merged: true,
            thesaurus: Vec::new(),
            lrf: Some(DEFAULT_LRF),
            links_per_node: Some(DEFAULT_LINKS_PER_NODE),
            look_back: None,
            core: None,
        }
    }
}

/// Network parameters that cannot be used together, or a corpus they cannot slice.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NetworkError {
    #[error("--from {from} is after --to {to}")]
    FromAfterTo { from: i32, to: i32 },
    #[error("slice length must be at least 1 year")]
    ZeroSlice,
    #[error("link retaining factor must be a positive number (or -1 for all links), got {0}")]
    Lrf(f64),
    #[error("links per node must be at least 1 (or -1 for no limit)")]
    ZeroLinksPerNode,
    #[error("look-back years must be at least 1 (or -1 for no limit)")]
    ZeroLookBack,
    #[error("the corpus has no records with a publication year")]
    NoYears,
    #[error("an imported network has no records to build it from")]
    Imported,
    #[error("core publications (--core) apply to citation networks only (--kind citation)")]
    CoreNeedsCitation,
}

impl NetworkParams {
    /// Checks the parameters against each other.
    pub fn validate(&self) -> Result<(), NetworkError> {
        if let (Some(from), Some(to)) = (self.from, self.to)
            && from > to
        {
            return Err(NetworkError::FromAfterTo { from, to });
        }
        if self.slice == 0 {
            return Err(NetworkError::ZeroSlice);
        }
        if self.kind == NodeKind::Imported {
            return Err(NetworkError::Imported);
        }
        if let Some(f) = self.lrf
            && !(f > 0.0 && f.is_finite())
        {
            return Err(NetworkError::Lrf(f));
        }
        if self.links_per_node == Some(0) {
            return Err(NetworkError::ZeroLinksPerNode);
        }
        if self.look_back == Some(0) {
            return Err(NetworkError::ZeroLookBack);
        }
        if self.core.is_some() && self.kind != NodeKind::Citation {
            return Err(NetworkError::CoreNeedsCitation);
        }
        Ok(())
    }

    /// The run's node selection and link reduction in CiteSpace's notation, as its
    /// figures print them: `g-index (k=25), LRF=3.0, L/N=10, LBY=-1` (−1 = off).
    pub fn criteria(&self) -> String {
        let lrf = self.lrf.map_or("-1".into(), |f| format!("{f:.1}"));
        let ln = self.links_per_node.map_or("-1".into(), |k| k.to_string());
        let lby = self.look_back.map_or("-1".into(), |y| y.to_string());
        format!(
            "{}, LRF={lrf}, L/N={ln}, LBY={lby}",
            self.select.citespace()
        )
    }
}

impl Selection {
    /// The rule as CiteSpace names it: `g-index (k=25)`, `Top N=50`, `Top 10%`,
    /// `Threshold (c, cc, ccv)=(2, 2, 0.2)`, `All`.
    pub fn citespace(&self) -> String {
        let t = |t: &[f64; 3]| format!("({}, {}, {})", t[0], t[1], t[2]);
        match self {
            Selection::GIndex { k } => format!("g-index (k={k})"),
            Selection::Top { n } => format!("Top N={n}"),
            Selection::TopPct { pct } => format!("Top {pct}%"),
            Selection::Threshold {
                first,
                middle,
                last,
            } if first == middle && middle == last => {
                format!("Threshold (c, cc, ccv)={}", t(first))
            }
            Selection::Threshold {
                first,
                middle,
                last,
            } => format!(
                "Threshold (c, cc, ccv)={}; {}; {}",
                t(first),
                t(middle),
                t(last)
            ),
            Selection::All => "All".into(),
        }
    }
}

/// Which nodes each time slice keeps (definitions in [`crate::network::select`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "lowercase")]
pub enum Selection {
    /// The N most cited/occurring items of the slice (`top:50`).
    Top { n: usize },
    /// The top N% of the slice's items (`toppct:10`).
    TopPct { pct: f64 },
    /// CiteSpace's scaled g-index with factor k (`g:25`).
    GIndex { k: f64 },
    /// Count, co-occurrence and cosine thresholds for the first, middle and last slice,
    /// interpolated linearly between them (`threshold:c,cc,ccv` uses one triple for all
    /// slices; `threshold:c,cc,ccv;c,cc,ccv;c,cc,ccv` gives three).
    Threshold {
        first: [f64; 3],
        middle: [f64; 3],
        last: [f64; 3],
    },
    /// Every item.
    All,
}

impl Default for Selection {
    /// CiteSpace's default since 4.0.R3: the g-index with k = 25.
    fn default() -> Self {
        Selection::GIndex {
            k: DEFAULT_G_INDEX_K,
        }
    }
}

fn num<T: FromStr>(s: &str, what: &str) -> Result<T, String> {
    s.trim()
        .parse()
        .map_err(|_| format!("{what}: {s:?} is not a valid number"))
}

fn triple(s: &str) -> Result<[f64; 3], String> {
    let v: Vec<&str> = s.split(',').collect();
    if v.len() != 3 {
        return Err(format!(
            "threshold triple {s:?} must be c,cc,ccv (three numbers)"
        ));
    }
    let t = [
        num(v[0], "threshold c")?,
        num(v[1], "threshold cc")?,
        num(v[2], "threshold ccv")?,
    ];
    if t.iter().any(|x: &f64| !x.is_finite() || *x < 0.0) {
        return Err(format!("threshold values must be non-negative: {s:?}"));
    }
    Ok(t)
}

impl FromStr for Selection {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let (rule, arg) = s.split_once(':').unwrap_or((s, ""));
        match rule.trim().to_lowercase().as_str() {
            "all" => Ok(Selection::All),
            "top" => {
                let n: usize = num(arg, "top:N")?;
                if n == 0 {
                    return Err("top:N needs N ≥ 1".into());
                }
                Ok(Selection::Top { n })
            }
            "toppct" => {
                let pct: f64 = num(arg, "toppct:N")?;
                if !(pct > 0.0 && pct <= 100.0) {
                    return Err(format!("toppct:N needs 0 < N ≤ 100, got {pct}"));
                }
                Ok(Selection::TopPct { pct })
            }
            "g" => {
                let k: f64 = num(arg, "g:k")?;
                if !(k > 0.0 && k.is_finite()) {
                    return Err(format!("g:k needs a scale factor k > 0, got {k}"));
                }
                Ok(Selection::GIndex { k })
            }
            "threshold" => {
                let parts: Vec<&str> = arg.split(';').collect();
                match parts.as_slice() {
                    [one] => {
                        let t = triple(one)?;
                        Ok(Selection::Threshold {
                            first: t,
                            middle: t,
                            last: t,
                        })
                    }
                    [a, b, c] => Ok(Selection::Threshold {
                        first: triple(a)?,
                        middle: triple(b)?,
                        last: triple(c)?,
                    }),
                    _ => {
                        Err("threshold takes one triple c,cc,ccv or three separated by ';'".into())
                    }
                }
            }
            _ => Err(format!(
                "unknown selection {s:?}; expected top:N, toppct:N, g:k, threshold:c,cc,ccv or all"
            )),
        }
    }
}

impl fmt::Display for Selection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = |t: &[f64; 3]| format!("{},{},{}", t[0], t[1], t[2]);
        match self {
            Selection::Top { n } => write!(f, "top:{n}"),
            Selection::TopPct { pct } => write!(f, "toppct:{pct}"),
            Selection::GIndex { k } => write!(f, "g:{k}"),
            Selection::Threshold {
                first,
                middle,
                last,
            } if first == middle && middle == last => {
                write!(f, "threshold:{}", t(first))
            }
            Selection::Threshold {
                first,
                middle,
                last,
            } => {
                write!(f, "threshold:{};{};{}", t(first), t(middle), t(last))
            }
            Selection::All => write!(f, "all"),
        }
    }
}

macro_rules! named_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $var:ident => $s:literal),+ $(,)? } default $def:ident) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "lowercase")]
        pub enum $name { $($(#[$vm])* $var),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$var),+];
            pub fn name(self) -> &'static str { match self { $($name::$var => $s),+ } }
        }
        impl Default for $name { fn default() -> Self { $name::$def } }
        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                let l = s.trim().to_lowercase();
                $name::ALL.iter().copied().find(|v| v.name() == l).ok_or_else(|| {
                    let names: Vec<&str> = $name::ALL.iter().map(|v| v.name()).collect();
                    format!("unknown {} {s:?}; expected one of {}", stringify!($name).to_lowercase(), names.join(", "))
                })
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.name()) }
        }
    };
}

named_enum! {
    /// Link strength (definitions in [`crate::network::normalize`]).
    Measure {
        /// Co-occurrence counts as they are.
        Raw => "raw",
        /// Salton's cosine, c_ij / sqrt(c_i c_j): CiteSpace's default.
        Cosine => "cosine",
        Jaccard => "jaccard",
        Dice => "dice",
        /// van Eck & Waltman (2009): c_ij / (c_i c_j), scaled by the total.
        Association => "association",
    } default Cosine
}

named_enum! {
    /// How one record's co-occurrences are counted.
    Counting {
        /// Every pair in a record counts 1.
        Full => "full",
        /// A record with n items gives each of its pairs 1/(n − 1).
        Fractional => "fractional",
    } default Full
}

named_enum! {
    /// Link pruning.
    Prune {
        None => "none",
        /// PFNET(r = ∞, q = n − 1): the union of all minimum spanning trees of the distance graph.
        Pathfinder => "pathfinder",
        /// One minimum spanning tree of the distance graph.
        Mst => "mst",
    } default None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_round_trip() {
        for s in [
            "top:50",
            "toppct:10",
            "g:25",
            "threshold:2,3,0.2",
            "threshold:1,1,0;2,2,0.1;3,3,0.2",
            "all",
        ] {
            let sel: Selection = s.parse().unwrap();
            assert_eq!(sel.to_string(), s);
        }
        assert!("g:-1".parse::<Selection>().unwrap_err().contains("k > 0"));
        assert!("top:0".parse::<Selection>().is_err());
        assert!("toppct:150".parse::<Selection>().is_err());
        assert!("threshold:1,2".parse::<Selection>().is_err());
        assert!("bogus:1".parse::<Selection>().is_err());
        assert_eq!("Cosine".parse::<Measure>(), Ok(Measure::Cosine));
        assert!(
            "euclid"
                .parse::<Measure>()
                .unwrap_err()
                .contains("raw, cosine")
        );
        assert_eq!("mst".parse::<Prune>(), Ok(Prune::Mst));
    }

    #[test]
    fn criteria_in_citespace_notation() {
        let p = NetworkParams::default();
        assert_eq!(p.criteria(), "g-index (k=25), LRF=3.0, L/N=10, LBY=-1");
        let q = NetworkParams {
            select: "top:50".parse().unwrap(),
            lrf: None,
            links_per_node: None,
            look_back: Some(5),
            ..NetworkParams::default()
        };
        assert_eq!(q.criteria(), "Top N=50, LRF=-1, L/N=-1, LBY=5");
        assert_eq!(
            "threshold:2,2,0.2"
                .parse::<Selection>()
                .unwrap()
                .citespace(),
            "Threshold (c, cc, ccv)=(2, 2, 0.2)"
        );
        assert_eq!(
            NetworkParams {
                lrf: Some(0.0),
                ..NetworkParams::default()
            }
            .validate(),
            Err(NetworkError::Lrf(0.0))
        );
    }
}
