//! The content streams of laid-out pages, written directly as PDF operators: the hot path of a
//! 10,000-row member list. printpdf builds everything around them (fonts and their subsets,
//! images, page tree, bookmarks; see `writer.rs`); turning 100,000 text runs into its `Op`
//! values and then into lopdf operations cost more than half of the whole PDF, so the pages'
//! operators are written here into bytes, with the glyph codes printpdf's own encoder chose.
//!
//! Each text run is moved from the start of the one before (`Td`, in whole tenths of a point,
//! so no rounding adds up) and lands exactly where the layout measured it; a rotated run and the
//! run after it get a full text matrix (`Tm`). Coordinates are rounded to 1/10 pt (0.035 mm):
//! invisible on paper, and short numbers keep the streams small.

use super::fonts::FontStyle;
use super::layout::{Color, Item, Page};
use std::collections::HashMap;

/// Code points below this have their glyph code in a table; the rest are looked up in a map.
const TABLE_END: usize = 0x2200;

/// The two-byte glyph codes (Identity-H) of the characters of one font face in the PDF.
#[derive(Debug, Default, Clone)]
pub(crate) struct GlyphCodes {
    table: Vec<Option<[u8; 2]>>,
    others: HashMap<char, [u8; 2]>,
}

impl GlyphCodes {
    /// The codes of `chars`, in that order, as printpdf encoded them (two bytes each).
    pub(crate) fn new(chars: &[char], codes: &[u8]) -> Option<GlyphCodes> {
        if codes.len() != 2 * chars.len() {
            return None;
        }
        let mut out = GlyphCodes {
            table: vec![None; TABLE_END],
            others: HashMap::new(),
        };
        for (c, code) in chars.iter().zip(codes.chunks_exact(2)) {
            let code = [code[0], code[1]];
            match out.table.get_mut(*c as usize) {
                Some(slot) => *slot = Some(code),
                None => {
                    out.others.insert(*c, code);
                }
            }
        }
        Some(out)
    }

    fn code(&self, c: char) -> [u8; 2] {
        // Every character of the pages was encoded once, so a miss cannot happen; .notdef is
        // the safe answer if it ever did.
        match self.table.get(c as usize) {
            Some(code) => code.unwrap_or([0, 0]),
            None => self.others.get(&c).copied().unwrap_or([0, 0]),
        }
    }
}

/// What a page's operators refer to: the resource names printpdf gave the fonts and images.
pub(crate) struct Resources<'a> {
    /// Font resource name and glyph codes per face (in [`FontStyle::ALL`] order); `None` for a
    /// face no page uses.
    pub fonts: &'a [Option<(String, GlyphCodes)>],
    /// Image resource names, by index into the document's images.
    pub images: &'a [String],
}

/// The content stream of `page` on a page `height` points high.
pub(crate) fn page(page: &Page, height: f32, resources: &Resources<'_>) -> Vec<u8> {
    let mut out = Content {
        bytes: Vec::with_capacity(page.items.len() * 48),
        fill: None,
        stroke: None,
    };
    let mut in_text = false;
    let mut font: Option<(FontStyle, f32)> = None;
    // Where the current text line starts, in tenths of a point, while the text matrix is
    // unrotated: the next run is moved there relatively (`Td`, two short numbers that repeat
    // from row to row), which keeps the streams an eighth shorter than a full `Tm` per run
    // and lets them compress to four fifths. `BT` starts at the origin.
    let mut line: Option<(i64, i64)> = None;
    // Rules are painted after everything else: they never cover text, and keeping them out of
    // the text runs saves a text section and a font change per table row.
    let lines = page
        .items
        .iter()
        .filter(|item| matches!(item, Item::Line { .. }));
    let others = page
        .items
        .iter()
        .filter(|item| !matches!(item, Item::Line { .. }));
    for item in others.chain(lines) {
        match item {
            Item::Text {
                x,
                y,
                text,
                style,
                size,
                color,
                angle,
                ..
            } => {
                let Some((name, codes)) = &resources.fonts[style.index()] else {
                    continue;
                };
                if !in_text {
                    out.bytes.extend_from_slice(b"BT\n");
                    in_text = true;
                    font = None;
                    line = Some((0, 0));
                }
                if font != Some((*style, *size)) {
                    out.bytes.push(b'/');
                    out.bytes.extend_from_slice(name.as_bytes());
                    out.bytes.push(b' ');
                    out.number(*size);
                    out.bytes.extend_from_slice(b" Tf\n");
                    font = Some((*style, *size));
                }
                out.fill(*color);
                let at = (tenths(*x), tenths(height - *y));
                match line {
                    Some(start) if *angle == 0.0 => {
                        out.tenths(at.0 - start.0);
                        out.bytes.push(b' ');
                        out.tenths(at.1 - start.1);
                        out.bytes.extend_from_slice(b" Td\n(");
                        line = Some(at);
                    }
                    _ => {
                        if *angle == 0.0 {
                            out.bytes.extend_from_slice(b"1 0 0 1 ");
                            line = Some(at);
                        } else {
                            let (sin, cos) = angle.to_radians().sin_cos();
                            for value in [cos, sin, -sin, cos] {
                                out.fraction(value);
                                out.bytes.push(b' ');
                            }
                            line = None;
                        }
                        out.tenths(at.0);
                        out.bytes.push(b' ');
                        out.tenths(at.1);
                        out.bytes.extend_from_slice(b" Tm\n(");
                    }
                }
                for c in text.chars() {
                    for byte in codes.code(c) {
                        out.string_byte(byte);
                    }
                }
                out.bytes.extend_from_slice(b") Tj\n");
            }
            other => {
                if in_text {
                    out.bytes.extend_from_slice(b"ET\n");
                    in_text = false;
                }
                out.graphics(other, height, resources.images);
            }
        }
    }
    if in_text {
        out.bytes.extend_from_slice(b"ET\n");
    }
    out.bytes
}

/// `value` in whole tenths, the precision of every coordinate in the streams.
fn tenths(value: f32) -> i64 {
    (f64::from(value) * 10.0).round() as i64
}

struct Content {
    bytes: Vec<u8>,
    fill: Option<Color>,
    stroke: Option<(Color, f32)>,
}

impl Content {
    /// A whole number, without the formatting machinery (it is written for every coordinate).
    fn integer(&mut self, value: u64) {
        let mut buffer = itoa::Buffer::new();
        self.bytes
            .extend_from_slice(buffer.format(value).as_bytes());
    }

    /// `value` to 1/10, without a fraction when it is whole.
    fn number(&mut self, value: f32) {
        self.tenths(tenths(value));
    }

    /// A number given in tenths, without a fraction when it is whole.
    fn tenths(&mut self, tenths: i64) {
        if tenths < 0 {
            self.bytes.push(b'-');
        }
        let tenths = tenths.unsigned_abs();
        self.integer(tenths / 10);
        if !tenths.is_multiple_of(10) {
            self.bytes.push(b'.');
            self.bytes.push(b'0' + (tenths % 10) as u8);
        }
    }

    /// A colour component or a rotation: 0 to 1 (or -1) to 1/1000.
    fn fraction(&mut self, value: f32) {
        let thousandths = (f64::from(value) * 1000.0).round() as i64;
        if thousandths < 0 {
            self.bytes.push(b'-');
        }
        let thousandths = thousandths.unsigned_abs();
        self.integer(thousandths / 1000);
        let mut rest = thousandths % 1000;
        if rest != 0 {
            self.bytes.push(b'.');
            let mut digits = 3;
            while rest.is_multiple_of(10) {
                rest /= 10;
                digits -= 1;
            }
            self.bytes
                .extend_from_slice(format!("{rest:0digits$}").as_bytes());
        }
    }

    /// One byte of a literal string: the delimiters and the backslash escaped, and the line
    /// ends too, which a reader would otherwise normalise.
    fn string_byte(&mut self, byte: u8) {
        match byte {
            b'(' | b')' | b'\\' => {
                self.bytes.push(b'\\');
                self.bytes.push(byte);
            }
            b'\r' => self.bytes.extend_from_slice(b"\\r"),
            b'\n' => self.bytes.extend_from_slice(b"\\n"),
            _ => self.bytes.push(byte),
        }
    }

    fn color(&mut self, color: Color, operator: &[u8]) {
        for component in [color.0, color.1, color.2] {
            self.fraction(component);
            self.bytes.push(b' ');
        }
        self.bytes.extend_from_slice(operator);
    }

    /// Sets the fill colour when it changes.
    fn fill(&mut self, color: Color) {
        if self.fill != Some(color) {
            self.color(color, b"rg\n");
            self.fill = Some(color);
        }
    }

    /// Sets the stroke only when it changes: a 10,000-row list has a rule under every row.
    fn stroke(&mut self, color: Color, width: f32) {
        if self.stroke != Some((color, width)) {
            self.color(color, b"RG\n");
            self.number(width);
            self.bytes.extend_from_slice(b" w\n");
            self.stroke = Some((color, width));
        }
    }

    fn graphics(&mut self, item: &Item, height: f32, images: &[String]) {
        match item {
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                color,
            } => {
                self.stroke(*color, *width);
                self.number(*x1);
                self.bytes.push(b' ');
                self.number(height - *y1);
                self.bytes.extend_from_slice(b" m ");
                self.number(*x2);
                self.bytes.push(b' ');
                self.number(height - *y2);
                self.bytes.extend_from_slice(b" l S\n");
            }
            Item::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
            } => {
                if let Some(color) = fill {
                    // Always set: a rectangle's fill is rarely the text colour.
                    self.color(*color, b"rg\n");
                    self.fill = Some(*color);
                }
                if let Some((color, width)) = stroke {
                    self.stroke(*color, *width);
                }
                for value in [*x, height - *y - *h, *w, *h] {
                    self.number(value);
                    self.bytes.push(b' ');
                }
                self.bytes
                    .extend_from_slice(match (fill.is_some(), stroke.is_some()) {
                        (true, true) => b"re B\n",
                        (true, false) => b"re f\n",
                        _ => b"re S\n",
                    });
            }
            Item::Image { x, y, w, h, index } => {
                if let Some(name) = images.get(*index) {
                    // An image is the unit square; the matrix scales it to the laid-out size.
                    self.bytes.extend_from_slice(b"q ");
                    let placement = format!(
                        "{} 0 0 {} {} {} cm /{name} Do Q\n",
                        exact(*w),
                        exact(*h),
                        exact(*x),
                        exact(height - *y - *h)
                    );
                    self.bytes.extend_from_slice(placement.as_bytes());
                }
            }
            Item::Text { .. } => {}
        }
    }
}

/// An image's placement, to 1/1000 pt: a logo must not be squeezed by rounding.
fn exact(value: f32) -> f64 {
    (f64::from(value) * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(f: impl FnOnce(&mut Content)) -> String {
        let mut content = Content {
            bytes: Vec::new(),
            fill: None,
            stroke: None,
        };
        f(&mut content);
        String::from_utf8(content.bytes).expect("ASCII")
    }

    /// A face named `name` that shows "a" and "b" with the glyph codes `codes`.
    fn face(name: &str, codes: [u8; 2]) -> Option<(String, GlyphCodes)> {
        let codes = [0, codes[0], 0, codes[1]];
        Some((
            name.to_owned(),
            GlyphCodes::new(&['a', 'b'], &codes).expect("codes"),
        ))
    }

    #[test]
    fn numbers_are_short_and_exact_to_a_tenth() {
        assert_eq!(written(|c| c.number(12.0)), "12");
        assert_eq!(written(|c| c.number(12.349)), "12.3");
        assert_eq!(written(|c| c.number(-0.04)), "0", "no negative zero");
        assert_eq!(written(|c| c.number(-3.26)), "-3.3");
        assert_eq!(written(|c| c.fraction(0.5)), "0.5");
        assert_eq!(written(|c| c.fraction(0.123_4)), "0.123");
        assert_eq!(written(|c| c.fraction(-1.0)), "-1");
    }

    #[test]
    fn glyph_codes_are_escaped_in_literal_strings() {
        let chars = ['A', 'Ж', 'ễ'];
        // Codes that contain the string delimiters and line ends.
        let codes = [0, b'(', b'\\', b')', b'\r', b'\n'];
        let glyphs = GlyphCodes::new(&chars, &codes).expect("codes");
        let text = written(|c| {
            for ch in "AЖễ".chars() {
                for byte in glyphs.code(ch) {
                    c.string_byte(byte);
                }
            }
        });
        assert_eq!(text, "\0\\(\\\\\\)\\r\\n");
        assert!(
            GlyphCodes::new(&chars, &codes[..4]).is_none(),
            "two bytes per character or nothing"
        );
    }

    #[test]
    fn a_page_sets_font_and_colour_once_and_paints_rules_last() {
        let fonts = [face("F1", [1, 2]), None, None, None];
        let rule = Item::Line {
            x1: 0.0,
            y1: 10.0,
            x2: 100.0,
            y2: 10.0,
            width: 0.4,
            color: Color(0.5, 0.5, 0.5),
        };
        let text = |x: f32, t: &str| Item::Text {
            x,
            y: 20.0,
            text: t.to_owned(),
            style: FontStyle::Regular,
            size: 9.0,
            color: Color::BLACK,
            width: 10.0,
            angle: 0.0,
        };
        let page = Page {
            items: vec![text(10.0, "ab"), rule.clone(), text(50.0, "ba"), rule],
        };
        let resources = Resources {
            fonts: &fonts,
            images: &[],
        };
        let stream = String::from_utf8(super::page(&page, 100.0, &resources)).expect("bytes");
        assert_eq!(
            stream,
            "BT\n/F1 9 Tf\n0 0 0 rg\n10 80 Td\n(\0\u{1}\0\u{2}) Tj\n\
             40 0 Td\n(\0\u{2}\0\u{1}) Tj\nET\n\
             0.5 0.5 0.5 RG\n0.4 w\n0 90 m 100 90 l S\n0 90 m 100 90 l S\n"
        );
    }

    #[test]
    fn every_run_lands_where_the_layout_put_it_with_relative_moves() {
        let fonts = [face("F1", [1, 2]), face("F2", [3, 4]), None, None];
        let text = |x: f32, y: f32, style: FontStyle, angle: f32| Item::Text {
            x,
            y,
            text: "ab".to_owned(),
            style,
            size: 9.0,
            color: Color::BLACK,
            width: 10.0,
            angle,
        };
        let rect = Item::Rect {
            x: 5.0,
            y: 5.0,
            w: 10.0,
            h: 10.0,
            fill: Some(Color(0.9, 0.9, 0.9)),
            stroke: None,
        };
        let items = vec![
            text(70.87, 40.04, FontStyle::Regular, 0.0),
            text(200.66, 40.04, FontStyle::Bold, 0.0),
            text(73.94, 52.26, FontStyle::Regular, 0.0),
            rect,
            text(12.35, 300.0, FontStyle::Regular, 0.0),
            text(30.0, 400.0, FontStyle::Bold, 90.0),
            text(44.44, 410.0, FontStyle::Regular, 0.0),
            text(20.0, 410.0, FontStyle::Regular, 0.0),
        ];
        let height = 841.89;
        let resources = Resources {
            fonts: &fonts,
            images: &[],
        };
        let stream = super::page(
            &Page {
                items: items.clone(),
            },
            height,
            &resources,
        );
        // The operators as a reader applies them: BT resets the line matrix, Tm sets it, Td
        // moves it by an offset in its own axes.
        let mut matrix = [1.0_f64, 0.0, 0.0, 1.0, 0.0, 0.0];
        let mut shown = Vec::new();
        let number = |o: &lopdf::Object| o.as_float().map(f64::from).expect("number");
        for op in lopdf::content::Content::decode(&stream)
            .expect("a valid stream")
            .operations
        {
            match op.operator.as_str() {
                "BT" => matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
                "Tm" => {
                    for (slot, value) in matrix.iter_mut().zip(&op.operands) {
                        *slot = number(value);
                    }
                }
                "Td" => {
                    let (tx, ty) = (number(&op.operands[0]), number(&op.operands[1]));
                    matrix[4] += tx * matrix[0] + ty * matrix[2];
                    matrix[5] += tx * matrix[1] + ty * matrix[3];
                }
                "Tj" => shown.push((matrix[4], matrix[5])),
                _ => {}
            }
        }
        assert_eq!(shown.len(), items.len() - 1, "every text run is shown once");
        let expected = items.iter().filter_map(|item| match item {
            Item::Text { x, y, .. } => Some((f64::from(*x), f64::from(height - *y))),
            _ => None,
        });
        for ((x, y), (ex, ey)) in shown.iter().zip(expected) {
            assert!(
                (x - ex).abs() <= 0.05 + 1e-6 && (y - ey).abs() <= 0.05 + 1e-6,
                "run at ({x}, {y}) but laid out at ({ex}, {ey})"
            );
        }
        let stream = String::from_utf8_lossy(&stream);
        assert!(stream.contains(" Td\n"), "rows move relatively: {stream}");
        assert!(
            stream.contains("1 0 0 1 44.4 "),
            "after rotated text the next run is placed absolutely: {stream}"
        );
    }
}
