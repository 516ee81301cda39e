//! CiteSpace's burst table figure: title, a header row, one row per item (label, year,
//! strength, begin, end and the bar over the span) and a caption with the settings.

use super::{BEFORE_GREY, BURST_RED, GREY_TEXT, SPAN_BLUE, Texts, fit};
use crate::report::bursts::{BurstRow, BurstTable};
use crate::scene::colors::{BACKGROUND, INK};
use crate::scene::labels::box_width;
use crate::scene::text::Anchor;
use crate::scene::{Layer, Scene, Shape, Stroke};

/// The burst figure's font size.
pub const BURST_FONT: f64 = 12.0;
/// Widest label column of the burst figure (longer labels are cut).
const MAX_LABEL_WIDTH: f64 = 470.0;
/// Width the year cells of a bar aim at (each cell 6–18 units wide).
const BAR_WIDTH: f64 = 520.0;
const MARGIN: f64 = 20.0;

/// Where everything of the burst figure goes.
struct Grid {
    font: f64,
    first: i32,
    last: i32,
    /// Label column: left edge and width.
    label: f64,
    label_width: f64,
    /// Centres of the year, strength, begin and end columns.
    numbers: [f64; 4],
    /// Left edge of the bars and width of one year's cell.
    bar: f64,
    cell: f64,
    width: f64,
    row_h: f64,
    title_y: f64,
    header_y: f64,
    rows_top: f64,
}

impl Grid {
    fn new(t: &BurstTable) -> Self {
        let font = BURST_FONT;
        let (first, last) = t.span.unwrap_or((0, -1));
        let years = (last - first + 1).max(0) as f64;
        let widest = t
            .rows
            .iter()
            .map(|r| box_width(&r.label, font))
            .fold(box_width(&t.items, font), f64::max);
        let label_width = widest.min(MAX_LABEL_WIDTH);
        let gap = font * 1.2;
        let num = box_width("Strength", font);
        let x0 = MARGIN + label_width + gap + num / 2.0;
        let numbers = [0.0, 1.0, 2.0, 3.0].map(|k| x0 + k * (num + gap));
        let bar = numbers[3] + num / 2.0 + gap;
        let cell = (BAR_WIDTH / years.max(1.0)).clamp(6.0, 18.0);
        let title_y = MARGIN + font * 1.3;
        let header_y = title_y + font * 2.4;
        Grid {
            font,
            first,
            last,
            label: MARGIN,
            label_width,
            numbers,
            bar,
            cell,
            width: (bar + cell * years + MARGIN).max(420.0),
            row_h: font * 1.8,
            title_y,
            header_y,
            rows_top: header_y + font * 0.8,
        }
    }

    fn years(&self) -> usize {
        (self.last - self.first + 1).max(0) as usize
    }

    /// The y of the middle of row `i`.
    fn row_mid(&self, i: usize) -> f64 {
        self.rows_top + self.row_h * (i as f64 + 0.5)
    }

    fn rule(&self, y: f64) -> Shape {
        Shape::Line {
            from: [MARGIN, y],
            to: [self.width - MARGIN, y],
            stroke: Stroke {
                color: INK,
                width: 0.8,
            },
        }
    }
}

/// The column heads: the items, Year, Strength, Begin, End and the span over the bars.
fn header(g: &Grid, t: &BurstTable, texts: &mut Texts) {
    let (font, y) = (g.font, g.header_y);
    texts.put([g.label, y], &t.items, font, INK, Anchor::Start);
    for (x, s) in g.numbers.iter().zip(["Year", "Strength", "Begin", "End"]) {
        texts.put([*x, y], s, font, INK, Anchor::Middle);
    }
    if g.years() > 0 {
        let span = format!("{} – {}", g.first, g.last);
        let x = g.bar + g.cell * g.years() as f64 / 2.0;
        texts.put([x, y], &span, font, INK, Anchor::Middle);
    }
}

/// Row `i`: its texts into `texts`, its year cells into `bars` (red ones into `red`).
fn row(
    g: &Grid,
    i: usize,
    r: &BurstRow,
    texts: &mut Texts,
    bars: &mut Vec<Shape>,
    red: &mut Vec<Shape>,
) {
    let font = g.font;
    let mid = g.row_mid(i);
    let base = mid + font * 0.35;
    let label = fit(&r.label, g.label_width, font);
    texts.put([g.label, base], &label, font, INK, Anchor::Start);
    let year = r.year.map(|y| y.to_string()).unwrap_or_default();
    let numbers = [
        year,
        format!("{:.2}", r.strength),
        r.begin.to_string(),
        r.end.to_string(),
    ];
    for (x, s) in g.numbers.iter().zip(&numbers) {
        texts.put([*x, base], s, font, INK, Anchor::Middle);
    }
    for (k, y) in (g.first..=g.last).enumerate() {
        let x = g.bar + g.cell * k as f64;
        let burst = (r.begin..=r.end).contains(&y);
        let (fill, h) = if burst {
            (BURST_RED, font * 0.75)
        } else if r.year.is_some_and(|p| y < p) {
            (BEFORE_GREY, font * 0.3)
        } else {
            (SPAN_BLUE, font * 0.3)
        };
        let rect = Shape::Rect {
            min: [x + 0.5, mid - h / 2.0],
            size: [g.cell - 1.0, h],
            fill,
        };
        if burst {
            red.push(rect)
        } else {
            bars.push(rect)
        }
    }
}

/// CiteSpace's burst table figure of `t` ([`super`] module docs). Layers: `title`,
/// `header`, `rows` (the rows' texts), `bars` (rules and the year cells outside
/// bursts), `burst` (one red cell per burst year), `caption`.
pub fn bursts(t: &BurstTable) -> Scene {
    let g = Grid::new(t);
    let caption_y = g.rows_top + g.row_h * t.rows.len() as f64 + g.font * 1.8;
    let height = caption_y + g.font + MARGIN;
    let mut texts = Texts::new([0.0, 0.0, g.width, height]);
    let mut layers = Vec::new();
    texts.put(
        [MARGIN, g.title_y],
        &t.title(),
        g.font * 1.3,
        INK,
        Anchor::Start,
    );
    layers.push(texts.layer("title"));
    header(&g, t, &mut texts);
    layers.push(texts.layer("header"));
    let (mut bars, mut red) = (vec![g.rule(g.rows_top)], Vec::new());
    for (i, r) in t.rows.iter().enumerate() {
        row(&g, i, r, &mut texts, &mut bars, &mut red);
    }
    bars.push(g.rule(g.rows_top + g.row_h * t.rows.len() as f64 + g.font * 0.3));
    layers.push(texts.layer("rows"));
    layers.push(Layer {
        name: "bars",
        shapes: bars,
    });
    layers.push(Layer {
        name: "burst",
        shapes: red,
    });
    let caption = format!(
        "{} of {} with a burst. {}.",
        t.rows.len(),
        t.with_burst,
        t.settings()
    );
    let caption = fit(&caption, g.width - 2.0 * MARGIN, g.font * 0.9);
    texts.put(
        [MARGIN, caption_y],
        &caption,
        g.font * 0.9,
        GREY_TEXT,
        Anchor::Start,
    );
    layers.push(texts.layer("caption"));
    Scene {
        width: g.width,
        height,
        background: BACKGROUND,
        layers,
    }
}
