//! The three-field plot of bibliometrix's `threeFieldsPlot()` (R/threeFieldsPlot.R):
//! three fields side by side (default authors → author keywords → sources), each
//! showing its top `n` items by the number of records holding them (chosen
//! independently of the other fields, ties by key), and flows between neighbouring
//! fields only (left → middle, middle → right). A flow's weight is the number of
//! records holding both items. Flows below 1 are dropped (`min.flow = 1`), and so are
//! items left without any flow.
//!
//! bibliometrix counts with multiplicity (`binary = FALSE`) for every field but `CR`;
//! cocite's items are unique per record, so each record counts once for a pair.

use super::fields::{Field, FieldItems};
use serde::{Deserialize, Serialize};

/// bibliometrix's default fields.
pub const DEFAULT_FIELDS: [Field; 3] = [Field::Au, Field::De, Field::So];
/// bibliometrix's default number of items per field.
pub const DEFAULT_ITEMS: usize = 20;

/// An item shown in a column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldItem {
    pub key: String,
    pub label: String,
    /// Records holding it.
    pub records: u32,
}

/// A flow between item `from` of column `column` and item `to` of column `column + 1`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flow {
    /// 0: left → middle, 1: middle → right.
    pub column: usize,
    pub from: usize,
    pub to: usize,
    /// Records holding both.
    pub weight: u32,
}

/// A three-field plot.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ThreeField {
    pub fields: Vec<Field>,
    /// Items of each column that have a flow, most frequent first.
    pub items: Vec<Vec<FieldItem>>,
    /// Sorted by column, then `from`, then `to`.
    pub flows: Vec<Flow>,
}

/// The top `n` items of `items` (ids, most frequent first, ties by key).
fn top(items: &FieldItems, n: usize) -> Vec<(u32, u32)> {
    let all: Vec<usize> = (0..items.per_record.len()).collect();
    let counts = items.counts(&all);
    let mut v: Vec<(u32, u32)> = counts
        .iter()
        .enumerate()
        .filter(|(_, c)| **c > 0)
        .map(|(i, &c)| (i as u32, c))
        .collect();
    v.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| items.keys[a.0 as usize].cmp(&items.keys[b.0 as usize]))
    });
    v.truncate(n);
    v
}

/// Records holding both: counts per (left position, right position).
fn flows(
    left: &FieldItems,
    lt: &[(u32, u32)],
    right: &FieldItems,
    rt: &[(u32, u32)],
) -> Vec<(usize, usize, u32)> {
    let pos = |items: &FieldItems, t: &[(u32, u32)]| {
        let mut p = vec![u32::MAX; items.keys.len()];
        for (k, &(id, _)) in t.iter().enumerate() {
            p[id as usize] = k as u32;
        }
        p
    };
    let (lp, rp) = (pos(left, lt), pos(right, rt));
    let mut m = vec![0u32; lt.len() * rt.len()];
    for (a, b) in left.per_record.iter().zip(&right.per_record) {
        for &i in a {
            let li = lp[i as usize];
            if li == u32::MAX {
                continue;
            }
            for &j in b {
                let rj = rp[j as usize];
                if rj != u32::MAX {
                    m[li as usize * rt.len() + rj as usize] += 1;
                }
            }
        }
    }
    let mut out = Vec::new();
    for i in 0..lt.len() {
        for j in 0..rt.len() {
            let w = m[i * rt.len() + j];
            if w >= 1 {
                out.push((i, j, w));
            }
        }
    }
    out
}

/// The three-field plot of three fields' items (all of the same records), `n` items
/// per field.
pub fn three_field(columns: [&FieldItems; 3], n: [usize; 3]) -> ThreeField {
    let tops: Vec<Vec<(u32, u32)>> = columns.iter().zip(n).map(|(c, n)| top(c, n)).collect();
    let raw = [
        flows(columns[0], &tops[0], columns[1], &tops[1]),
        flows(columns[1], &tops[1], columns[2], &tops[2]),
    ];
    // Keep items with a flow; renumber positions.
    let mut used: Vec<Vec<bool>> = tops.iter().map(|t| vec![false; t.len()]).collect();
    for (c, fl) in raw.iter().enumerate() {
        for &(i, j, _) in fl {
            used[c][i] = true;
            used[c + 1][j] = true;
        }
    }
    let mut new_pos: Vec<Vec<usize>> = Vec::new();
    let mut items = Vec::new();
    for (c, t) in tops.iter().enumerate() {
        let mut map = vec![usize::MAX; t.len()];
        let mut kept = Vec::new();
        for (k, &(id, count)) in t.iter().enumerate() {
            if used[c][k] {
                map[k] = kept.len();
                kept.push(FieldItem {
                    key: columns[c].keys[id as usize].clone(),
                    label: columns[c].labels[id as usize].clone(),
                    records: count,
                });
            }
        }
        new_pos.push(map);
        items.push(kept);
    }
    let flows = raw
        .iter()
        .enumerate()
        .flat_map(|(c, fl)| {
            let np = &new_pos;
            fl.iter().map(move |&(i, j, w)| Flow {
                column: c,
                from: np[c][i],
                to: np[c + 1][j],
                weight: w,
            })
        })
        .collect();
    ThreeField {
        fields: columns.iter().filter_map(|c| c.field).collect(),
        items,
        flows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flows_count_records() {
        // Records: {a1,a2 | k1 | s1}, {a1 | k1,k2 | s1}, {a2 | k2 | s2}, {a3 | - | s2}.
        let au = FieldItems::from_lists(&[vec!["a1", "a2"], vec!["a1"], vec!["a2"], vec!["a3"]]);
        let kw = FieldItems::from_lists(&[vec!["k1"], vec!["k1", "k2"], vec!["k2"], vec![]]);
        let so = FieldItems::from_lists(&[vec!["s1"], vec!["s1"], vec!["s2"], vec!["s2"]]);
        let t = three_field([&au, &kw, &so], [2, 5, 5]);
        // Top 2 authors: a1 (2), a2 (2); a3 is cut.
        let labels: Vec<&str> = t.items[0].iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, vec!["a1", "a2"]);
        let f: Vec<(usize, usize, usize, u32)> = t
            .flows
            .iter()
            .map(|f| (f.column, f.from, f.to, f.weight))
            .collect();
        // a1-k1: records 1, 2 → 2; a1-k2: record 2; a2-k1: record 1; a2-k2: record 3.
        // k1-s1: 2; k2-s1: 1; k2-s2: 1.
        assert_eq!(
            f,
            vec![
                (0, 0, 0, 2),
                (0, 0, 1, 1),
                (0, 1, 0, 1),
                (0, 1, 1, 1),
                (1, 0, 0, 2),
                (1, 1, 0, 1),
                (1, 1, 1, 1)
            ]
        );
    }
}
