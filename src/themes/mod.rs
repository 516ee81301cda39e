//! Conceptual structure, as biblioshiny draws it: the thematic map, thematic evolution
//! and the three-field plot (Aria & Cuccurullo 2017, *bibliometrix*, J. Informetrics
//! 11(4):959–975; the thematic map and evolution follow Cobo, López-Herrera,
//! Herrera-Viedma & Herrera 2011, J. Informetrics 5(1):146–166).
//!
//! - [`fields`]: the record fields (`AU`, `DE`, `ID`, `SO`, `CR`, countries,
//!   institutions, title and abstract terms) and their normalised items;
//! - [`map`]: themes as clusters of the word co-occurrence network, with Callon
//!   centrality and density and the four quadrants;
//! - [`mod@evolution`]: themes per period linked by the inclusion index;
//! - [`mod@three_field`]: flows among the top items of three fields.
//!
//! This stage sits above [`crate::network`] (co-occurrence counting, key folding) and
//! [`crate::analysis`] (Louvain, Leiden), beside [`crate::pipeline`]; figures are drawn
//! by [`crate::scene::themes`] and written by [`crate::export::themes`].
//!
//! ```no_run
//! let corpus = cocite::io::load(&["assets/demo".into()]).expect("loads");
//! let params = cocite::themes::ThemesParams { cuts: vec![2010], ..Default::default() };
//! let t = cocite::themes::run(&corpus, &params).expect("runs");
//! for theme in &t.map.themes {
//!     println!("{} {:?} {:.2} {:.1}", theme.label, theme.quadrant, theme.centrality, theme.density);
//! }
//! ```

pub mod evolution;
pub mod fields;
pub mod map;
pub mod three_field;

pub use evolution::{Evolution, EvolutionLink, Inclusion, Period, evolution};
pub use fields::{Field, FieldItems};
pub use map::{Counting, MapParams, Quadrant, ThematicMap, Theme, ThemeClustering, thematic_map};
pub use three_field::{Flow, ThreeField, three_field};

use crate::model::Corpus;
use serde::{Deserialize, Serialize};

/// Everything the themes stage needs; every field has bibliometrix's default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ThemesParams {
    /// The words of themes: `DE` (default), `ID`, `KW`, `TI` or `AB`.
    pub field: Field,
    /// Words per n-gram of title and abstract terms (1–3).
    pub ngrams: usize,
    /// The thematic map of all records (its `min_freq` is bibliometrix's 5‰).
    pub map: MapParams,
    /// Evolution cut years; none: no evolution.
    pub cuts: Vec<i32>,
    /// Occurrence threshold per thousand records of each period's map.
    pub period_min_freq: f64,
    /// Weight of evolution links.
    pub inclusion: Inclusion,
    /// The three fields, left to right.
    pub three_fields: [Field; 3],
    /// Items per field.
    pub three_items: [usize; 3],
    /// Word merges (VOSviewer thesaurus: label, replace by), for the word fields.
    pub thesaurus: Vec<(String, String)>,
}

impl Default for ThemesParams {
    fn default() -> Self {
        ThemesParams {
            field: Field::De,
            ngrams: 1,
            map: MapParams::default(),
            cuts: Vec::new(),
            period_min_freq: evolution::DEFAULT_PERIOD_MIN_FREQ,
            inclusion: Inclusion::Plain,
            three_fields: three_field::DEFAULT_FIELDS,
            three_items: [three_field::DEFAULT_ITEMS; 3],
            thesaurus: Vec::new(),
        }
    }
}

/// Why the themes stage cannot run.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ThemesError {
    #[error("themes need a word field (DE, ID, KW, TI or AB), not {0}")]
    NotWords(Field),
    #[error("{0}")]
    Periods(String),
    #[error("no records loaded")]
    Empty,
    #[error("{0}")]
    Invalid(String),
}

impl ThemesParams {
    /// Checks the parameters (the app's and the CLI's one check).
    pub fn validate(&self) -> Result<(), ThemesError> {
        let bad = |s: String| Err(ThemesError::Invalid(s));
        if !self.field.is_textual() {
            return Err(ThemesError::NotWords(self.field));
        }
        if !(1..=3).contains(&self.ngrams) {
            return bad(format!("ngrams must be 1, 2 or 3, not {}", self.ngrams));
        }
        for (name, v) in [
            ("min_freq", self.map.min_freq),
            ("period_min_freq", self.period_min_freq),
        ] {
            if !(v.is_finite() && v >= 0.0) {
                return bad(format!("{name} must be a number ≥ 0, not {v}"));
            }
        }
        let r = self.map.resolution;
        if !(r.is_finite() && r > 0.0) {
            return bad(format!("resolution must be a number > 0, not {r}"));
        }
        Ok(())
    }
}

/// The three views of the conceptual structure.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Themes {
    /// The thematic map of all records.
    pub map: ThematicMap,
    /// Present when cut years were given.
    pub evolution: Option<Evolution>,
    pub three_field: ThreeField,
}

/// The words of themes for `params` (the field's items of every record).
pub fn words(corpus: &Corpus, params: &ThemesParams) -> Result<FieldItems, ThemesError> {
    if !params.field.is_textual() {
        return Err(ThemesError::NotWords(params.field));
    }
    Ok(fields::extract(
        corpus,
        params.field,
        &params.thesaurus,
        params.ngrams,
    ))
}

/// The three-field plot of `params.three_fields`.
pub fn three_field_of(corpus: &Corpus, params: &ThemesParams) -> ThreeField {
    let [a, b, c] = params
        .three_fields
        .map(|f| fields::extract(corpus, f, &params.thesaurus, params.ngrams));
    three_field([&a, &b, &c], params.three_items)
}

/// Runs the thematic map, the evolution (when `params.cuts` is not empty) and the
/// three-field plot.
pub fn run(corpus: &Corpus, params: &ThemesParams) -> Result<Themes, ThemesError> {
    params.validate()?;
    if corpus.records.is_empty() {
        return Err(ThemesError::Empty);
    }
    let items = words(corpus, params)?;
    let all: Vec<usize> = (0..corpus.records.len()).collect();
    let map = thematic_map(&items, &all, &params.map);
    let evolution = if params.cuts.is_empty() {
        None
    } else {
        let p = MapParams {
            min_freq: params.period_min_freq,
            ..params.map.clone()
        };
        Some(
            evolution(corpus, &items, &params.cuts, &p, params.inclusion)
                .map_err(ThemesError::Periods)?,
        )
    };
    Ok(Themes {
        map,
        evolution,
        three_field: three_field_of(corpus, params),
    })
}
