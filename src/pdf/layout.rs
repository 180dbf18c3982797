//! The layout engine shared by every handout: it turns a [`Document`] (a list of [`Block`]s) into
//! pages of positioned [`Item`]s, measured with the embedded font's real glyph advances. It knows
//! nothing of PDF syntax; `writer.rs` turns the pages into bytes. Coordinates are points (1/72
//! inch) from the page's top-left corner, y growing downwards; text is placed by its baseline.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::fonts::{FontStyle, Fonts};
use crate::model::date;

/// Table rows measured together before they are placed: enough to share among the cores, few
/// enough that their lines do not pile up in memory before they move into the pages.
const MEASURE_BATCH: usize = 2048;
/// From this many rows a batch is measured on more than one thread.
const PARALLEL_ROWS: usize = 256;

/// Points per millimetre.
pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// Millimetres to points.
pub fn mm(value: f32) -> f32 {
    value * PT_PER_MM
}

/// A4 width in points.
pub const A4_WIDTH: f32 = 595.28;
/// A4 height in points.
pub const A4_HEIGHT: f32 = 841.89;

/// An RGB colour, each channel 0..1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color(pub f32, pub f32, pub f32);

impl Color {
    /// Body text.
    pub const BLACK: Color = Color(0.0, 0.0, 0.0);
    /// Secondary text (letterhead address, footer).
    pub const GREY: Color = Color(0.35, 0.35, 0.38);
    /// Rules between table rows.
    pub const RULE: Color = Color(0.75, 0.75, 0.78);
    /// Table header and group rows.
    pub const SHADE: Color = Color(0.92, 0.93, 0.95);
    /// Headings (the dark blue of KERN).
    pub const ACCENT: Color = Color(0.0, 0.2, 0.42);
    /// The draft watermark.
    pub const WATERMARK: Color = Color(0.88, 0.88, 0.9);
}

/// A piece of text in one face.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// The text; `\n` forces a line break.
    pub text: String,
    /// Its face.
    pub style: FontStyle,
}

impl Span {
    /// Regular text.
    pub fn regular(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: FontStyle::Regular,
        }
    }

    /// Bold text.
    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: FontStyle::Bold,
        }
    }

    /// Italic text.
    pub fn italic(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: FontStyle::Italic,
        }
    }
}

/// Horizontal alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    /// Flush left.
    #[default]
    Left,
    /// Flush right.
    Right,
    /// Centred.
    Center,
}

/// Width of a table column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Width {
    /// A fixed width in millimetres.
    Fixed(f32),
    /// A share of the width left after the fixed columns.
    Share(f32),
}

/// A table column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Header text, repeated on every page.
    pub header: String,
    /// Width.
    pub width: Width,
    /// Alignment of header and cells.
    pub align: Align,
}

impl Column {
    /// A left-aligned column.
    pub fn new(header: impl Into<String>, width: Width) -> Column {
        Column {
            header: header.into(),
            width,
            align: Align::Left,
        }
    }
}

/// A table row.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// One text per column (missing cells are empty).
    Cells(Vec<String>),
    /// One list of spans per column, for cells with bold or italic parts.
    Rich(Vec<Vec<Span>>),
    /// A group heading across all columns, kept with the row after it.
    Group(String),
}

/// A table: on every further page it says "Fortsetzung von Seite N" and repeats the header row
/// (and the group heading the rows belong to); a row is only split across pages when it
/// is taller than a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Columns.
    pub columns: Vec<Column>,
    /// Rows.
    pub rows: Vec<Row>,
    /// Font size of cells in points.
    pub size: f32,
    /// Minimum row height in points (room for signatures).
    pub min_row_height: f32,
    /// Vertical rules between columns (a form rather than a list).
    pub grid: bool,
}

impl Table {
    /// A list-style table at 9 pt.
    pub fn new(columns: Vec<Column>, rows: Vec<Row>) -> Table {
        Table {
            columns,
            rows,
            size: 9.0,
            min_row_height: 0.0,
            grid: false,
        }
    }
}

/// An image given as raw 8-bit RGB pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    /// Pixels per row.
    pub width: usize,
    /// Rows.
    pub height: usize,
    /// `width * height * 3` bytes, row by row from the top.
    pub rgb: Vec<u8>,
}

/// One element of a document's flow.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading; level 1 is the largest. Headings are kept with what follows; a heading with
    /// `bookmark` set becomes a PDF bookmark.
    Heading {
        /// 1, 2 or 3.
        level: u8,
        /// Text.
        text: String,
        /// Whether the heading is a bookmark.
        bookmark: bool,
    },
    /// A wrapped paragraph.
    Paragraph {
        /// Its text in one or more faces.
        spans: Vec<Span>,
        /// Font size in points.
        size: f32,
        /// Alignment.
        align: Align,
        /// Left indent in millimetres.
        indent: f32,
    },
    /// A bullet or numbered list.
    List {
        /// Items.
        items: Vec<Vec<Span>>,
        /// "1." instead of "•".
        numbered: bool,
    },
    /// A table.
    Table(Table),
    /// Vertical space in millimetres.
    Spacer(f32),
    /// A horizontal rule across the text width.
    Rule,
    /// Starts a new page (ignored at the top of a page).
    PageBreak,
    /// An image from [`Document::images`], scaled to `width` × `height` millimetres.
    Image {
        /// Index into [`Document::images`].
        index: usize,
        /// Width in millimetres.
        width: f32,
        /// Height in millimetres.
        height: f32,
    },
    /// A bookmark to the current position.
    Bookmark(String),
    /// A table of contents of the headings up to `levels` that follow it, with page numbers
    /// (the layout runs twice: the first pass finds the pages).
    Contents {
        /// Deepest heading level listed.
        levels: u8,
    },
    /// A box of fixed height whose items are positioned relative to its top-left corner (badges,
    /// table cards); moved to the next page whole when it does not fit.
    Fixed {
        /// Height in points.
        height: f32,
        /// Items relative to the box.
        items: Vec<Item>,
    },
}

impl Block {
    /// A regular 10 pt paragraph.
    pub fn text(text: impl Into<String>) -> Block {
        Block::spans(vec![Span::regular(text)])
    }

    /// A 10 pt paragraph of several spans.
    pub fn spans(spans: Vec<Span>) -> Block {
        Block::Paragraph {
            spans,
            size: 10.0,
            align: Align::Left,
            indent: 0.0,
        }
    }

    /// A heading.
    pub fn heading(level: u8, text: impl Into<String>) -> Block {
        Block::Heading {
            level,
            text: text.into(),
            bookmark: false,
        }
    }

    /// A heading that is also a bookmark.
    pub fn bookmarked(level: u8, text: impl Into<String>) -> Block {
        Block::Heading {
            level,
            text: text.into(),
            bookmark: true,
        }
    }
}

/// The letterhead on the first page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Letterhead {
    /// The group's name (`settings.group_name`).
    pub group_name: String,
    /// Lines of the secretariat's address (`settings.secretariat_address`).
    pub address: Vec<String>,
    /// Index of the logo in [`Document::images`].
    pub logo: Option<usize>,
}

/// A document to lay out.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Title (metadata, running header of later pages, footer).
    pub title: String,
    /// The flow.
    pub blocks: Vec<Block>,
    /// The letterhead on page 1; without it every page uses the narrow top margin.
    pub letterhead: Option<Letterhead>,
    /// The document date shown in the footer.
    pub date: NaiveDate,
    /// Landscape A4.
    pub landscape: bool,
    /// A diagonal text behind every page, e.g. "ENTWURF".
    pub watermark: Option<String>,
    /// Running header, footer and page numbers (off for badges).
    pub furniture: bool,
    /// Margins: left, right, top, bottom in millimetres (top of pages without letterhead).
    pub margins: [f32; 4],
    /// Images referenced by blocks and the letterhead.
    pub images: Vec<Image>,
}

impl Document {
    /// A portrait A4 document with DIN 5008-like margins.
    pub fn new(title: impl Into<String>, date: NaiveDate) -> Document {
        Document {
            title: title.into(),
            blocks: Vec::new(),
            letterhead: None,
            date,
            landscape: false,
            watermark: None,
            furniture: true,
            margins: [25.0, 20.0, 22.0, 25.0],
            images: Vec::new(),
        }
    }

    /// Appends a block.
    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }
}

/// A positioned element of a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A run of text in one face, placed by its baseline's left end.
    Text {
        /// Left x.
        x: f32,
        /// Baseline y (from the top).
        y: f32,
        /// Text.
        text: String,
        /// Face.
        style: FontStyle,
        /// Size in points.
        size: f32,
        /// Colour.
        color: Color,
        /// Measured width in points.
        width: f32,
        /// Rotation in degrees, counter-clockwise.
        angle: f32,
    },
    /// A straight line.
    Line {
        /// Start x.
        x1: f32,
        /// Start y.
        y1: f32,
        /// End x.
        x2: f32,
        /// End y.
        y2: f32,
        /// Stroke width.
        width: f32,
        /// Colour.
        color: Color,
    },
    /// A rectangle, filled and/or stroked.
    Rect {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Fill colour.
        fill: Option<Color>,
        /// Stroke colour and width.
        stroke: Option<(Color, f32)>,
    },
    /// An image of [`Document::images`].
    Image {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Index into the document's images.
        index: usize,
    },
}

impl Item {
    /// A text item measured with `fonts`.
    pub fn text(
        fonts: &Fonts,
        x: f32,
        y: f32,
        text: impl Into<String>,
        style: FontStyle,
        size: f32,
    ) -> Item {
        let text = text.into();
        let width = fonts.width(style, &text, size);
        Item::Text {
            x,
            y,
            text,
            style,
            size,
            color: Color::BLACK,
            width,
            angle: 0.0,
        }
    }

    fn shifted(&self, dx: f32, dy: f32) -> Item {
        let mut item = self.clone();
        match &mut item {
            Item::Text { x, y, .. } | Item::Rect { x, y, .. } | Item::Image { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
            Item::Line { x1, y1, x2, y2, .. } => {
                *x1 += dx;
                *x2 += dx;
                *y1 += dy;
                *y2 += dy;
            }
        }
        item
    }
}

/// One laid-out page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// Items in painting order.
    pub items: Vec<Item>,
}

impl Page {
    /// The texts of the page in painting order (for tests and golden files).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.items.iter().filter_map(|item| match item {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }
}

/// A heading as placed, for tables of contents.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedHeading {
    /// Level.
    pub level: u8,
    /// Text.
    pub text: String,
    /// Page, counting from 1.
    pub page: usize,
}

/// The result of the layout.
#[derive(Debug, Clone, PartialEq)]
pub struct Laid {
    /// Page size in points (width, height).
    pub size: (f32, f32),
    /// Pages.
    pub pages: Vec<Page>,
    /// Bookmarks: text and page index (from 0).
    pub bookmarks: Vec<(String, usize)>,
    /// Every heading with its page.
    pub headings: Vec<PlacedHeading>,
    /// Characters the font cannot show, printed as "?" (the documents replace them earlier).
    pub missing: BTreeSet<char>,
}

impl Laid {
    /// All text of all pages, one run per line, pages separated by a form feed line.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (index, page) in self.pages.iter().enumerate() {
            if index > 0 {
                out.push_str("\u{c}\n");
            }
            for text in page.texts() {
                out.push_str(text);
                out.push('\n');
            }
        }
        out
    }
}

/// Line height as a multiple of the font size.
const LEADING: f32 = 1.25;
/// Padding inside table cells, points.
const CELL_PAD: f32 = 3.0;
/// Size of the "Fortsetzung von Seite …" line above a table continued on a new page.
const CONTINUED_SIZE: f32 = 8.0;

/// A word: pieces in one or more faces with no space between them.
#[derive(Debug, Default)]
struct Word {
    pieces: Vec<(FontStyle, String)>,
    width: f32,
    space_before: bool,
    hard_break_before: bool,
}

/// A laid-out line: runs with their x offset from the line start.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Line {
    /// (x offset, face, text, width).
    pub runs: Vec<(f32, FontStyle, String, f32)>,
    /// Total width.
    pub width: f32,
}

impl Line {
    fn push(&mut self, fonts: &Fonts, style: FontStyle, text: &str, size: f32, space: bool) {
        let space_width = if space {
            fonts.width(style, " ", size)
        } else {
            0.0
        };
        let width = fonts.width(style, text, size);
        match self.runs.last_mut() {
            Some(last) if last.1 == style => {
                if space {
                    last.2.push(' ');
                }
                last.2.push_str(text);
                last.3 += space_width + width;
            }
            _ => {
                // A space before a face change stays with the previous run, so the next run
                // starts exactly at its glyphs.
                if space {
                    if let Some(last) = self.runs.last_mut() {
                        last.2.push(' ');
                        last.3 += space_width;
                    }
                }
                self.runs
                    .push((self.width + space_width, style, text.to_owned(), width));
            }
        }
        self.width += space_width + width;
    }
}

/// Replaces characters the font cannot show by "?" and records them.
fn printable(fonts: &Fonts, text: &str, missing: &mut BTreeSet<char>) -> String {
    if text.chars().all(|c| fonts.covers(c)) {
        return text.to_owned();
    }
    text.chars()
        .map(|c| {
            if fonts.covers(c) {
                c
            } else {
                missing.insert(c);
                '?'
            }
        })
        .collect()
}

fn words(fonts: &Fonts, spans: &[Span], size: f32, missing: &mut BTreeSet<char>) -> Vec<Word> {
    let mut words = Vec::new();
    let mut current = Word::default();
    let mut space = false;
    let mut hard = false;
    for span in spans {
        let text = printable(fonts, &span.text, missing);
        let mut piece = String::new();
        let flush_piece = |current: &mut Word, piece: &mut String| {
            if !piece.is_empty() {
                current.width += fonts.width(span.style, piece, size);
                current.pieces.push((span.style, std::mem::take(piece)));
            }
        };
        for c in text.chars() {
            if c == '\n' || c.is_whitespace() {
                flush_piece(&mut current, &mut piece);
                if !current.pieces.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
                if c == '\n' {
                    hard = true;
                    space = false;
                } else if !hard {
                    space = true;
                }
            } else {
                if current.pieces.is_empty() && piece.is_empty() {
                    current.space_before = space;
                    current.hard_break_before = hard;
                    space = false;
                    hard = false;
                }
                piece.push(c);
            }
        }
        flush_piece(&mut current, &mut piece);
    }
    if !current.pieces.is_empty() {
        words.push(current);
    }
    words
}

/// The line [`wrap`] makes of one span that fits on one line as it is: words of characters the
/// font shows, single spaces between them. Most table cells are such a span, and this spares
/// them the words and pieces; the widths are summed and compared in the same order as in
/// [`wrap`], so the result is the same to the bit. `None` for anything else.
fn one_line(fonts: &Fonts, style: FontStyle, text: &str, size: f32, max: f32) -> Option<Line> {
    if text.is_empty() || text.starts_with(' ') || text.ends_with(' ') || text.contains("  ") {
        return None;
    }
    let space = fonts.width(style, " ", size);
    let mut width = 0.0_f32;
    for (index, word) in text.split(' ').enumerate() {
        if word.chars().any(|c| c.is_whitespace() || !fonts.covers(c)) {
            return None;
        }
        let w = fonts.width(style, word, size);
        if index == 0 {
            if w > max {
                return None;
            }
            width = w;
        } else {
            if width + space + w > max {
                return None;
            }
            width += space + w;
        }
    }
    Some(Line {
        runs: vec![(0.0, style, text.to_owned(), width)],
        width,
    })
}

/// [`wrap`] of one text in one face, without making a span of it when it fits on one line.
fn wrap_text(
    fonts: &Fonts,
    style: FontStyle,
    text: &str,
    size: f32,
    max: f32,
    missing: &mut BTreeSet<char>,
) -> Vec<Line> {
    match one_line(fonts, style, text, size, max) {
        Some(line) => vec![line],
        None => wrap(
            fonts,
            &[Span {
                text: text.to_owned(),
                style,
            }],
            size,
            max,
            missing,
        ),
    }
}

/// The lines of each cell of `row` (none for a group heading) in columns of `widths`.
fn row_cells(
    fonts: &Fonts,
    table: &Table,
    widths: &[f32],
    row: &Row,
    missing: &mut BTreeSet<char>,
) -> Vec<Vec<Line>> {
    let size = table.size;
    widths
        .iter()
        .enumerate()
        .map(|(column, w)| {
            let max = (w - 2.0 * CELL_PAD).max(1.0);
            match row {
                Row::Rich(cells) => {
                    let spans = cells.get(column).map_or(&[][..], Vec::as_slice);
                    wrap(fonts, spans, size, max, missing)
                }
                Row::Cells(texts) => {
                    let text = texts.get(column).map_or("", String::as_str);
                    wrap_text(fonts, FontStyle::Regular, text, size, max, missing)
                }
                Row::Group(_) => Vec::new(),
            }
        })
        .collect()
}

/// The cells of `rows` (none for a group heading), as [`row_cells`] lays them out one by one:
/// a long table's rows are wrapped on every core, each row being independent.
fn measure_rows(
    fonts: &Fonts,
    table: &Table,
    widths: &[f32],
    rows: &[Row],
    missing: &mut BTreeSet<char>,
) -> Vec<Vec<Vec<Line>>> {
    let measure = |rows: &[Row], missing: &mut BTreeSet<char>| -> Vec<Vec<Vec<Line>>> {
        rows.iter()
            .map(|row| row_cells(fonts, table, widths, row, missing))
            .collect()
    };
    let mut measured = Vec::with_capacity(rows.len());
    for part in super::in_parallel(rows, PARALLEL_ROWS, |rows| {
        let mut missing = BTreeSet::new();
        (measure(rows, &mut missing), missing)
    }) {
        let (cells, more) = part.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        measured.extend(cells);
        missing.extend(more);
    }
    measured
}

/// Wraps spans into lines of at most `max` points, breaking at spaces; a word longer than a line
/// is broken between characters.
pub fn wrap(
    fonts: &Fonts,
    spans: &[Span],
    size: f32,
    max: f32,
    missing: &mut BTreeSet<char>,
) -> Vec<Line> {
    if let [span] = spans {
        if let Some(line) = one_line(fonts, span.style, &span.text, size, max) {
            return vec![line];
        }
    }
    let mut lines = vec![Line::default()];
    for word in words(fonts, spans, size, missing) {
        let mut line_is_empty = lines.last().is_none_or(|l| l.runs.is_empty());
        if word.hard_break_before && !line_is_empty {
            lines.push(Line::default());
            line_is_empty = true;
        }
        let space_width = if word.space_before && !line_is_empty {
            fonts.width(word.pieces[0].0, " ", size)
        } else {
            0.0
        };
        let current_width = lines.last().map_or(0.0, |l| l.width);
        if current_width + space_width + word.width <= max {
            let line = lines.last_mut();
            if let Some(line) = line {
                for (index, (style, text)) in word.pieces.iter().enumerate() {
                    line.push(fonts, *style, text, size, index == 0 && space_width > 0.0);
                }
            }
            continue;
        }
        if !line_is_empty {
            lines.push(Line::default());
        }
        if word.width <= max {
            if let Some(line) = lines.last_mut() {
                for (style, text) in &word.pieces {
                    line.push(fonts, *style, text, size, false);
                }
            }
            continue;
        }
        // Too long for any line: break between characters.
        for (style, text) in &word.pieces {
            let mut chunk = String::new();
            let mut chunk_width = 0.0;
            for c in text.chars() {
                let w = fonts.face(*style).advance(c).unwrap_or(0.3) * size;
                let line_width = lines.last().map_or(0.0, |l| l.width);
                if line_width + chunk_width + w > max && (line_width > 0.0 || !chunk.is_empty()) {
                    // Prefer a break after a separator ("name@" / "stadt." / "Kreis-"), as
                    // long as the line keeps at least half its width.
                    let keep = chunk
                        .char_indices()
                        .filter(|(_, c)| matches!(c, '@' | '.' | '-' | '/' | '_'))
                        .map(|(i, c)| i + c.len_utf8())
                        .filter(|i| *i < chunk.len())
                        .filter(|i| {
                            fonts.width(*style, &chunk[..*i], size) >= (max - line_width) / 2.0
                        })
                        .last()
                        .unwrap_or(chunk.len());
                    let rest = chunk.split_off(keep);
                    if let Some(line) = lines.last_mut() {
                        if !chunk.is_empty() {
                            line.push(fonts, *style, &chunk, size, false);
                        }
                    }
                    lines.push(Line::default());
                    chunk_width = fonts.width(*style, &rest, size);
                    chunk = rest;
                }
                chunk.push(c);
                chunk_width += w;
            }
            if let Some(line) = lines.last_mut() {
                if !chunk.is_empty() {
                    line.push(fonts, *style, &chunk, size, false);
                }
            }
        }
    }
    if lines.len() > 1 && lines.last().is_some_and(|l| l.runs.is_empty()) {
        lines.pop();
    }
    lines
}

/// The state of the layout while it walks the blocks.
struct Layouter<'a> {
    fonts: &'a Fonts,
    doc: &'a Document,
    width: f32,
    height: f32,
    left: f32,
    right: f32,
    bottom: f32,
    y: f32,
    pages: Vec<Page>,
    bookmarks: Vec<(String, usize)>,
    headings: Vec<PlacedHeading>,
    missing: BTreeSet<char>,
    /// Contents levels once a `Contents` block was passed.
    contents_levels: Option<u8>,
    /// Pages of the listed headings, in order (this pass).
    entry_pages: Vec<usize>,
    /// Pages found by the previous pass.
    known_pages: Option<Vec<usize>>,
}

impl<'a> Layouter<'a> {
    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn top(&self, first: bool) -> f32 {
        match (&self.doc.letterhead, first) {
            (Some(_), true) => mm(45.0),
            _ => mm(self.doc.margins[2]),
        }
    }

    fn at_top(&self) -> bool {
        (self.y - self.top(self.pages.len() <= 1)).abs() < 0.01
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.top(false);
    }

    /// Starts a new page unless `height` still fits.
    fn ensure(&mut self, height: f32) {
        if self.y + height > self.bottom && !self.at_top() {
            self.new_page();
        }
    }

    fn text_width(&self) -> f32 {
        self.right - self.left
    }

    fn place_lines(&mut self, lines: &[Line], x: f32, max: f32, size: f32, align: Align) {
        for line in lines {
            self.ensure(size * LEADING);
            let baseline = self.y + size;
            let start = x + aligned(align, max, line.width);
            let items: Vec<Item> = line
                .runs
                .iter()
                .map(|(dx, style, text, width)| Item::Text {
                    x: start + dx,
                    y: baseline,
                    text: text.clone(),
                    style: *style,
                    size,
                    color: Color::BLACK,
                    width: *width,
                    angle: 0.0,
                })
                .collect();
            self.page().items.extend(items);
            self.y += size * LEADING;
        }
    }

    fn heading(&mut self, level: u8, text: &str, bookmark: bool, rest: &[Block]) {
        let (size, before, after) = heading_metrics(level);
        let lines = wrap(
            self.fonts,
            &[Span::bold(text)],
            size,
            self.text_width(),
            &mut self.missing,
        );
        let height = lines.len() as f32 * size * LEADING;
        // A heading never ends a page: it moves on with the start of what follows.
        let keep = self.start_height(rest, 2);
        self.ensure(before + height + after + keep);
        if !self.at_top() {
            self.y += before;
        }
        let page = self.pages.len().max(1);
        if bookmark {
            self.bookmarks.push((text.to_owned(), page - 1));
        }
        self.headings.push(PlacedHeading {
            level,
            text: text.to_owned(),
            page,
        });
        if self.contents_levels.is_some_and(|levels| level <= levels) {
            self.entry_pages.push(page);
        }
        let first_item = self.page().items.len();
        let (left, width) = (self.left, self.text_width());
        self.place_lines(&lines, left, width, size, Align::Left);
        for item in &mut self.page().items[first_item..] {
            if let Item::Text { color, .. } = item {
                *color = Color::ACCENT;
            }
        }
        self.y += after;
    }

    fn paragraph(&mut self, spans: &[Span], size: f32, align: Align, indent: f32) {
        let x = self.left + mm(indent);
        let max = self.right - x;
        let lines = wrap(self.fonts, spans, size, max, &mut self.missing);
        self.place_lines(&lines, x, max, size, align);
        self.y += size * 0.5;
    }

    fn list(&mut self, items: &[Vec<Span>], numbered: bool) {
        let size = 10.0;
        let indent = mm(6.0);
        for (index, spans) in items.iter().enumerate() {
            let marker = if numbered {
                format!("{}.", index + 1)
            } else {
                "•".to_owned()
            };
            let max = self.text_width() - indent;
            let lines = wrap(self.fonts, spans, size, max, &mut self.missing);
            // An item is not split across pages (unless it is taller than a page).
            self.ensure(lines.len().max(1) as f32 * size * LEADING);
            let marker_item = Item::text(
                self.fonts,
                self.left + mm(1.0),
                self.y + size,
                marker,
                FontStyle::Regular,
                size,
            );
            self.page().items.push(marker_item);
            let x = self.left + indent;
            self.place_lines(&lines, x, max, size, Align::Left);
            self.y += size * 0.25;
        }
        self.y += size * 0.25;
    }

    fn column_widths(&self, table: &Table) -> Vec<f32> {
        let total = self.text_width();
        let fixed: f32 = table
            .columns
            .iter()
            .map(|c| match c.width {
                Width::Fixed(w) => mm(w),
                Width::Share(_) => 0.0,
            })
            .sum();
        let shares: f32 = table
            .columns
            .iter()
            .map(|c| match c.width {
                Width::Share(s) => s,
                Width::Fixed(_) => 0.0,
            })
            .sum();
        let rest = (total - fixed).max(0.0);
        table
            .columns
            .iter()
            .map(|c| match c.width {
                Width::Fixed(w) => mm(w),
                Width::Share(s) if shares > 0.0 => rest * s / shares,
                Width::Share(_) => 0.0,
            })
            .collect()
    }

    fn table_header(&mut self, table: &Table, widths: &[f32]) {
        let size = table.size;
        let mut cells: Vec<Vec<Line>> = table
            .columns
            .iter()
            .zip(widths)
            .map(|(column, w)| {
                wrap(
                    self.fonts,
                    &[Span::bold(column.header.as_str())],
                    size,
                    (w - 2.0 * CELL_PAD).max(1.0),
                    &mut self.missing,
                )
            })
            .collect();
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1);
        let height = lines as f32 * size * LEADING + 2.0 * CELL_PAD;
        let (left, y, width) = (self.left, self.y, self.text_width());
        self.page().items.push(Item::Rect {
            x: left,
            y,
            w: width,
            h: height,
            fill: Some(Color::SHADE),
            stroke: None,
        });
        self.cells(table, widths, &mut cells, 0, lines, height, true);
        self.y += height;
    }

    /// Places lines `from..to` of each cell in a row band of `height` at the current y.
    #[allow(clippy::too_many_arguments)] // one call site per row kind; a struct would only rename them
    fn cells(
        &mut self,
        table: &Table,
        widths: &[f32],
        cells: &mut [Vec<Line>],
        from: usize,
        to: usize,
        height: f32,
        header: bool,
    ) {
        let size = table.size;
        let y = self.y;
        let left = self.left;
        let mut x = left;
        // Straight into the page: a row's few items need no list of their own.
        let items = &mut self.page().items;
        // Each line is placed once (the bands of a split row do not overlap): its texts move
        // into the page's items.
        for ((column, width), lines) in table.columns.iter().zip(widths).zip(cells) {
            let inner = (width - 2.0 * CELL_PAD).max(1.0);
            for (index, line) in lines.iter_mut().enumerate().take(to).skip(from) {
                let baseline = y + CELL_PAD + (index - from) as f32 * size * LEADING + size;
                let start = x + CELL_PAD + aligned(column.align, inner, line.width);
                for (dx, style, text, w) in &mut line.runs {
                    items.push(Item::Text {
                        x: start + *dx,
                        y: baseline,
                        text: std::mem::take(text),
                        style: *style,
                        size,
                        color: Color::BLACK,
                        width: *w,
                        angle: 0.0,
                    });
                }
            }
            x += width;
        }
        let right = left + widths.iter().sum::<f32>();
        let rule = if header || table.grid {
            (Color::GREY, 0.6)
        } else {
            (Color::RULE, 0.4)
        };
        items.push(Item::Line {
            x1: left,
            y1: y + height,
            x2: right,
            y2: y + height,
            width: rule.1,
            color: rule.0,
        });
        if table.grid {
            let mut x = left;
            for width in std::iter::once(&0.0).chain(widths.iter()) {
                x += width;
                items.push(Item::Line {
                    x1: x,
                    y1: y,
                    x2: x,
                    y2: y + height,
                    width: 0.6,
                    color: Color::GREY,
                });
            }
            if header {
                items.push(Item::Line {
                    x1: left,
                    y1: y,
                    x2: right,
                    y2: y,
                    width: 0.6,
                    color: Color::GREY,
                });
            }
        }
    }

    fn header_height(&mut self, table: &Table, widths: &[f32]) -> f32 {
        let lines = table
            .columns
            .iter()
            .zip(widths)
            .map(|(column, w)| {
                wrap(
                    self.fonts,
                    &[Span::bold(column.header.as_str())],
                    table.size,
                    (w - 2.0 * CELL_PAD).max(1.0),
                    &mut self.missing,
                )
                .len()
            })
            .max()
            .unwrap_or(1);
        lines as f32 * table.size * LEADING + 2.0 * CELL_PAD
    }

    /// The lines of each cell of a row of cells (none for a group heading).
    fn row_cells(&mut self, table: &Table, widths: &[f32], row: &Row) -> Vec<Vec<Line>> {
        row_cells(self.fonts, table, widths, row, &mut self.missing)
    }

    /// The cells of `rows`, see [`measure_rows`].
    fn measure_rows(&mut self, table: &Table, widths: &[f32], rows: &[Row]) -> Vec<Vec<Vec<Line>>> {
        measure_rows(self.fonts, table, widths, rows, &mut self.missing)
    }

    /// The lines of a group heading row.
    fn group_lines(&mut self, table: &Table, text: &str) -> Vec<Line> {
        wrap(
            self.fonts,
            &[Span::bold(text)],
            table.size + 1.0,
            self.text_width() - 2.0 * CELL_PAD,
            &mut self.missing,
        )
    }

    fn group_height(table: &Table, lines: usize) -> f32 {
        lines as f32 * (table.size + 1.0) * LEADING + 2.0 * CELL_PAD
    }

    fn cells_height(table: &Table, cells: &[Vec<Line>]) -> f32 {
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1);
        (lines as f32 * table.size * LEADING + 2.0 * CELL_PAD).max(table.min_row_height)
    }

    /// The height of the first of `rows` as laid out, a group heading with the row it is kept
    /// with (one line of it when that row is split anyway, being taller than a page). `known`
    /// holds the heights of rows already measured, from the first on (a group's is not read).
    fn row_height(&mut self, table: &Table, widths: &[f32], rows: &[Row], known: &[f32]) -> f32 {
        match rows.first() {
            None => 0.0,
            Some(Row::Group(text)) => {
                let lines = self.group_lines(table, text).len();
                let group = Self::group_height(table, lines);
                let next =
                    self.row_height(table, widths, &rows[1..], known.get(1..).unwrap_or(&[]));
                let page = self.bottom
                    - self.top(false)
                    - CONTINUED_SIZE * LEADING
                    - self.header_height(table, widths);
                if group + next > page {
                    group + table.size * LEADING + 2.0 * CELL_PAD
                } else {
                    group + next
                }
            }
            Some(row) => match known.first() {
                Some(height) => *height,
                None => {
                    let cells = self.row_cells(table, widths, row);
                    Self::cells_height(table, &cells)
                }
            },
        }
    }

    /// Paints a group heading row at the current y.
    fn group_row(&mut self, table: &Table, lines: &[Line]) {
        let group_size = table.size + 1.0;
        let height = Self::group_height(table, lines.len());
        let (left, y, width) = (self.left, self.y, self.text_width());
        let mut items = vec![Item::Rect {
            x: left,
            y: y + 1.0,
            w: width,
            h: height - 1.0,
            fill: Some(Color::SHADE),
            stroke: None,
        }];
        for (index, line) in lines.iter().enumerate() {
            for (dx, style, text, w) in &line.runs {
                items.push(Item::Text {
                    x: left + CELL_PAD + dx,
                    y: y + CELL_PAD + group_size + index as f32 * group_size * LEADING,
                    text: text.clone(),
                    style: *style,
                    size: group_size,
                    color: Color::ACCENT,
                    width: *w,
                    angle: 0.0,
                });
            }
        }
        self.page().items.extend(items);
        self.y += height;
    }

    /// Starts the table on a new page: a line saying it continues, the header again, and the
    /// group the rows belong to (unless a group heading comes next anyway).
    fn continue_table(&mut self, table: &Table, widths: &[f32], group: Option<&str>) {
        self.new_page();
        let size = CONTINUED_SIZE;
        let text = format!("Fortsetzung von Seite {}", self.pages.len() - 1);
        let mut item = Item::text(
            self.fonts,
            self.left,
            self.y + size,
            text,
            FontStyle::Italic,
            size,
        );
        set_color(&mut item, Color::GREY);
        self.page().items.push(item);
        self.y += size * LEADING + 1.0;
        self.table_header(table, widths);
        if let Some(group) = group {
            let lines = self.group_lines(table, &format!("{group} (Fortsetzung)"));
            self.group_row(table, &lines);
        }
    }

    fn table(&mut self, table: &Table) {
        let widths = self.column_widths(table);
        let line_height = table.size * LEADING;
        let header_height = self.header_height(table, &widths);
        let mut header_on_page = false;
        // The group heading the rows belong to, repeated when they continue on a new page.
        let mut group: Option<&str> = None;
        let rows = &table.rows;
        // Rows are measured a batch at a time (on every core), then placed one by one.
        let mut batch_start = 0;
        let mut batch: Vec<Vec<Vec<Line>>> = Vec::new();
        let mut heights: Vec<f32> = Vec::new();
        for (index, row) in rows.iter().enumerate() {
            if index == batch_start + batch.len() {
                batch_start = index;
                let end = (index + MEASURE_BATCH).min(rows.len());
                batch = self.measure_rows(table, &widths, &rows[index..end]);
                heights = rows[index..end]
                    .iter()
                    .zip(&batch)
                    .map(|(row, cells)| match row {
                        Row::Group(_) => 0.0,
                        _ => Self::cells_height(table, cells),
                    })
                    .collect();
            }
            let local = index - batch_start;
            // A group heading is kept with its first row; a row is never split unless it is
            // taller than a page.
            let (mut cells, height) = match row {
                Row::Group(_) => {
                    let height = self.row_height(table, &widths, &rows[index..], &heights[local..]);
                    (Vec::new(), height)
                }
                _ => (std::mem::take(&mut batch[local]), heights[local]),
            };
            let needed = height + if header_on_page { 0.0 } else { header_height };
            let starts_group = matches!(row, Row::Group(_));
            if self.y + needed > self.bottom && !self.at_top() {
                if index == 0 {
                    self.new_page();
                } else {
                    self.continue_table(table, &widths, group.filter(|_| !starts_group));
                    header_on_page = true;
                }
            }
            if !header_on_page {
                self.table_header(table, &widths);
                header_on_page = true;
            }
            if let Row::Group(text) = row {
                let lines = self.group_lines(table, text);
                self.group_row(table, &lines);
                group = Some(text.as_str());
                continue;
            }
            let lines = cells.iter().map(Vec::len).max().unwrap_or(1);
            if self.y + height <= self.bottom {
                self.cells(table, &widths, &mut cells, 0, lines, height, false);
                self.y += height;
                continue;
            }
            // Taller than a page: split the row between lines.
            let mut from = 0;
            while from < lines {
                let room = ((self.bottom - self.y - 2.0 * CELL_PAD) / line_height)
                    .floor()
                    .max(1.0) as usize;
                let to = (from + room).min(lines);
                let band = (to - from) as f32 * line_height + 2.0 * CELL_PAD;
                self.cells(table, &widths, &mut cells, from, to, band, false);
                self.y += band;
                from = to;
                if from < lines {
                    self.continue_table(table, &widths, None);
                }
            }
        }
        self.y += mm(3.0);
    }

    /// The least of what follows a heading that has to share its page: `lines` lines of text
    /// (two for a heading: of a paragraph, or of a short one and what comes after it), the
    /// first list item whole, a table's header with its first row, a following heading with
    /// what that one keeps.
    fn start_height(&mut self, rest: &[Block], lines: usize) -> f32 {
        let Some(next) = rest.first() else {
            return 0.0;
        };
        if lines == 0 {
            return 0.0;
        }
        match next {
            Block::Heading { level, text, .. } => {
                let (size, before, after) = heading_metrics(*level);
                let own = wrap(
                    self.fonts,
                    &[Span::bold(text.as_str())],
                    size,
                    self.text_width(),
                    &mut self.missing,
                );
                before
                    + own.len() as f32 * size * LEADING
                    + after
                    + self.start_height(&rest[1..], 2)
            }
            Block::Paragraph {
                spans,
                size,
                indent,
                ..
            } => {
                let max = self.right - self.left - mm(*indent);
                let own = wrap(self.fonts, spans, *size, max, &mut self.missing).len();
                if own >= lines {
                    lines as f32 * size * LEADING
                } else {
                    own as f32 * size * LEADING
                        + size * 0.5
                        + self.start_height(&rest[1..], lines - own)
                }
            }
            Block::List { items, .. } => {
                let size = 10.0;
                let max = self.text_width() - mm(6.0);
                let mut height = 0.0;
                let mut placed = 0;
                for spans in items {
                    let item = wrap(self.fonts, spans, size, max, &mut self.missing).len();
                    height += item.max(1) as f32 * size * LEADING + size * 0.25;
                    placed += item.max(1);
                    if placed >= lines {
                        break;
                    }
                }
                height
            }
            Block::Table(table) => {
                let widths = self.column_widths(table);
                self.header_height(table, &widths)
                    + self.row_height(table, &widths, &table.rows, &[])
            }
            Block::Spacer(height) => mm(*height) + self.start_height(&rest[1..], lines),
            Block::Bookmark(_) => self.start_height(&rest[1..], lines),
            Block::Image { height, .. } => mm(*height),
            Block::Fixed { height, .. } => *height,
            Block::Rule => mm(3.0),
            Block::PageBreak | Block::Contents { .. } => 0.0,
        }
    }

    /// Lays out `block`; `rest` are the blocks after it (a heading is kept with their start).
    fn block(&mut self, block: &Block, rest: &[Block]) {
        match block {
            Block::Heading {
                level,
                text,
                bookmark,
            } => self.heading(*level, text, *bookmark, rest),
            Block::Paragraph {
                spans,
                size,
                align,
                indent,
            } => self.paragraph(spans, *size, *align, *indent),
            Block::List { items, numbered } => self.list(items, *numbered),
            Block::Table(table) => self.table(table),
            Block::Spacer(height) => {
                if !self.at_top() {
                    self.y += mm(*height);
                }
            }
            Block::Rule => {
                self.ensure(mm(3.0));
                let (left, right, y) = (self.left, self.right, self.y + mm(1.5));
                self.page().items.push(Item::Line {
                    x1: left,
                    y1: y,
                    x2: right,
                    y2: y,
                    width: 0.5,
                    color: Color::RULE,
                });
                self.y += mm(3.0);
            }
            Block::PageBreak => {
                if !self.at_top() {
                    self.new_page();
                }
            }
            Block::Image {
                index,
                width,
                height,
            } => {
                self.ensure(mm(*height));
                let (x, y) = (self.left, self.y);
                self.page().items.push(Item::Image {
                    x,
                    y,
                    w: mm(*width),
                    h: mm(*height),
                    index: *index,
                });
                self.y += mm(*height) + mm(2.0);
            }
            Block::Bookmark(text) => {
                let page = self.pages.len().max(1) - 1;
                self.page();
                self.bookmarks.push((text.clone(), page));
            }
            Block::Contents { levels } => self.contents(*levels),
            Block::Fixed { height, items } => {
                self.ensure(*height);
                let (x, y) = (self.left, self.y);
                let shifted: Vec<Item> = items.iter().map(|i| i.shifted(x, y)).collect();
                self.page().items.extend(shifted);
                self.y += height;
            }
        }
    }
}

impl Layouter<'_> {
    fn contents(&mut self, levels: u8) {
        self.contents_levels = Some(levels);
        let entries: Vec<(u8, String)> = self
            .doc
            .blocks
            .iter()
            .skip_while(|b| !matches!(b, Block::Contents { .. }))
            .filter_map(|b| match b {
                Block::Heading { level, text, .. } if *level <= levels => {
                    Some((*level, text.clone()))
                }
                _ => None,
            })
            .collect();
        let number_width = mm(12.0);
        for (index, (level, text)) in entries.iter().enumerate() {
            let (style, size, indent) = if *level <= 1 {
                (FontStyle::Bold, 10.5, 0.0)
            } else {
                (FontStyle::Regular, 10.0, mm(6.0) * f32::from(level - 1))
            };
            let x = self.left + indent;
            let max = self.right - number_width - x;
            let lines = wrap(
                self.fonts,
                &[Span {
                    text: text.clone(),
                    style,
                }],
                size,
                max,
                &mut self.missing,
            );
            let before = if *level <= 1 && index > 0 {
                mm(2.0)
            } else {
                0.0
            };
            let height = before + lines.len() as f32 * size * LEADING;
            self.ensure(height);
            self.y += before;
            self.place_lines(&lines, x, max, size, Align::Left);
            let page = self
                .known_pages
                .as_ref()
                .and_then(|pages| pages.get(index))
                .map_or_else(|| "–".to_owned(), usize::to_string);
            let width = self.fonts.width(style, &page, size);
            let item = Item::Text {
                x: self.right - width,
                y: self.y - size * LEADING + size,
                text: page,
                style,
                size,
                color: Color::BLACK,
                width,
                angle: 0.0,
            };
            self.page().items.push(item);
        }
        self.y += mm(2.0);
    }
}

/// Size, space before and space after a heading of `level`, in points.
fn heading_metrics(level: u8) -> (f32, f32, f32) {
    match level {
        1 => (16.0, mm(4.0), mm(3.0)),
        2 => (12.5, mm(4.0), mm(2.0)),
        _ => (10.5, mm(3.0), mm(1.0)),
    }
}

fn aligned(align: Align, max: f32, width: f32) -> f32 {
    match align {
        Align::Left => 0.0,
        Align::Right => (max - width).max(0.0),
        Align::Center => ((max - width) / 2.0).max(0.0),
    }
}

/// Lays out `doc`: the flow, then letterhead, running headers, footers ("Seite X von Y" with the
/// document date) and the watermark, which need the page count.
pub fn layout(fonts: &Fonts, doc: &Document) -> Laid {
    let has_contents = doc
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Contents { .. }));
    if has_contents {
        // Entries have the same height in both passes, so the pages found first stay valid.
        let (_, pages) = layout_pass(fonts, doc, None);
        layout_pass(fonts, doc, Some(pages)).0
    } else {
        layout_pass(fonts, doc, None).0
    }
}

fn layout_pass(
    fonts: &Fonts,
    doc: &Document,
    known_pages: Option<Vec<usize>>,
) -> (Laid, Vec<usize>) {
    let (width, height) = if doc.landscape {
        (A4_HEIGHT, A4_WIDTH)
    } else {
        (A4_WIDTH, A4_HEIGHT)
    };
    let [left, right, _, bottom] = doc.margins;
    let mut layouter = Layouter {
        fonts,
        doc,
        width,
        height,
        left: mm(left),
        right: width - mm(right),
        bottom: height - mm(bottom),
        y: 0.0,
        pages: vec![Page::default()],
        bookmarks: Vec::new(),
        headings: Vec::new(),
        missing: BTreeSet::new(),
        contents_levels: None,
        entry_pages: Vec::new(),
        known_pages,
    };
    layouter.y = layouter.top(true);
    for (index, block) in doc.blocks.iter().enumerate() {
        layouter.block(block, &doc.blocks[index + 1..]);
    }
    if layouter.pages.len() > 1 && layouter.pages.last().is_some_and(|p| p.items.is_empty()) {
        layouter.pages.pop();
    }
    let furniture = furniture(&mut layouter);
    let Layouter {
        pages,
        bookmarks,
        headings,
        missing,
        entry_pages,
        ..
    } = layouter;
    let pages = pages
        .into_iter()
        .zip(furniture)
        .map(|(page, (before, after))| Page {
            items: before.into_iter().chain(page.items).chain(after).collect(),
        })
        .collect();
    (
        Laid {
            size: (width, height),
            pages,
            bookmarks,
            headings,
            missing,
        },
        entry_pages,
    )
}

/// Items painted before (watermark) and after (letterhead, header, footer) each page's content.
fn furniture(l: &mut Layouter<'_>) -> Vec<(Vec<Item>, Vec<Item>)> {
    let fonts = l.fonts;
    let doc = l.doc;
    let total = l.pages.len();
    let small = 8.0;
    let mut out = Vec::with_capacity(total);
    for number in 1..=total {
        let mut before = Vec::new();
        let mut after = Vec::new();
        if let Some(mark) = &doc.watermark {
            let size = 110.0;
            let text_width = fonts.width(FontStyle::Bold, mark, size);
            let angle: f32 = (l.height / l.width).atan().to_degrees().min(55.0);
            let (sin, cos) = angle.to_radians().sin_cos();
            // Centre the rotated run on the page centre.
            let cx = l.width / 2.0 - cos * text_width / 2.0 + sin * size * 0.35;
            let cy = l.height / 2.0 + sin * text_width / 2.0 + cos * size * 0.35;
            before.push(Item::Text {
                x: cx,
                y: cy,
                text: mark.clone(),
                style: FontStyle::Bold,
                size,
                color: Color::WATERMARK,
                width: text_width,
                angle,
            });
        }
        if doc.furniture {
            match (&doc.letterhead, number) {
                (Some(head), 1) => after.extend(letterhead(fonts, l, head)),
                _ => {
                    let y = mm(doc.margins[2]) - mm(7.0);
                    let mut group = Item::text(
                        fonts,
                        l.left,
                        y,
                        running_name(doc),
                        FontStyle::Regular,
                        small,
                    );
                    set_color(&mut group, Color::GREY);
                    let title_width = fonts.width(FontStyle::Regular, &doc.title, small);
                    let mut title = Item::text(
                        fonts,
                        l.right - title_width,
                        y,
                        doc.title.clone(),
                        FontStyle::Regular,
                        small,
                    );
                    set_color(&mut title, Color::GREY);
                    after.push(group);
                    after.push(title);
                    after.push(Item::Line {
                        x1: l.left,
                        y1: y + mm(2.0),
                        x2: l.right,
                        y2: y + mm(2.0),
                        width: 0.4,
                        color: Color::RULE,
                    });
                }
            }
            let y = l.height - mm(doc.margins[3]) + mm(11.0);
            after.push(Item::Line {
                x1: l.left,
                y1: y - mm(4.5),
                x2: l.right,
                y2: y - mm(4.5),
                width: 0.4,
                color: Color::RULE,
            });
            let left_text = format!("{} · Stand: {}", doc.title, date::german(doc.date));
            let mut left_item = Item::text(fonts, l.left, y, left_text, FontStyle::Regular, small);
            set_color(&mut left_item, Color::GREY);
            let page_text = format!("Seite {number} von {total}");
            let page_width = fonts.width(FontStyle::Regular, &page_text, small);
            let mut page_item = Item::text(
                fonts,
                l.right - page_width,
                y,
                page_text,
                FontStyle::Regular,
                small,
            );
            set_color(&mut page_item, Color::GREY);
            after.push(left_item);
            after.push(page_item);
        }
        out.push((before, after));
    }
    out
}

fn running_name(doc: &Document) -> String {
    doc.letterhead
        .as_ref()
        .map(|h| h.group_name.clone())
        .unwrap_or_default()
}

fn set_color(item: &mut Item, new: Color) {
    if let Item::Text { color, .. } = item {
        *color = new;
    }
}

fn letterhead(fonts: &Fonts, l: &mut Layouter<'_>, head: &Letterhead) -> Vec<Item> {
    let mut items = Vec::new();
    let address_x = l.width - mm(20.0) - mm(62.0);
    let mut y = mm(14.0);
    if let Some(index) = head.logo {
        if let Some(image) = l.doc.images.get(index) {
            // At most 40 × 10 mm, right-aligned above the address.
            let ratio = image.width as f32 / image.height.max(1) as f32;
            let h = mm(10.0).min(mm(40.0) / ratio.max(0.01));
            let w = h * ratio;
            items.push(Item::Image {
                x: l.right - w,
                y: mm(8.0),
                w,
                h,
                index,
            });
            y = mm(8.0) + h + mm(3.0);
        }
    }
    let name_width = address_x - l.left - mm(6.0);
    let lines = wrap(
        fonts,
        &[Span::bold(head.group_name.as_str())],
        13.0,
        name_width,
        &mut l.missing,
    );
    let mut name_y = mm(18.0);
    for line in lines.iter().take(3) {
        for (dx, style, text, width) in &line.runs {
            items.push(Item::Text {
                x: l.left + dx,
                y: name_y,
                text: text.clone(),
                style: *style,
                size: 13.0,
                color: Color::ACCENT,
                width: *width,
                angle: 0.0,
            });
        }
        name_y += 13.0 * LEADING;
    }
    for line in head.address.iter().take(7) {
        let text = printable(fonts, line, &mut l.missing);
        let mut item = Item::text(fonts, address_x, y, text, FontStyle::Regular, 8.0);
        set_color(&mut item, Color::GREY);
        items.push(item);
        y += 8.0 * LEADING;
    }
    let rule_y = mm(40.0).max(y);
    items.push(Item::Line {
        x1: l.left,
        y1: rule_y,
        x2: l.right,
        y2: rule_y,
        width: 0.6,
        color: Color::ACCENT,
    });
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> &'static Fonts {
        Fonts::get().expect("fonts")
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).expect("date")
    }

    /// The layout of a document of one table with these columns (header, width) and rows.
    fn laid_table(title: &str, columns: [(&str, Width); 2], rows: Vec<Row>) -> Laid {
        let mut doc = Document::new(title, day());
        doc.push(Block::Table(Table::new(
            columns
                .into_iter()
                .map(|(header, width)| Column::new(header, width))
                .collect(),
            rows,
        )));
        layout(fonts(), &doc)
    }

    fn texts_in(page: &Page) -> Vec<&str> {
        page.texts().collect()
    }

    #[test]
    fn a_cell_that_fits_is_laid_out_as_the_general_wrap_lays_it_out() {
        // The one-line shortcut against the general path (a second, empty span takes it):
        // the same runs and widths to the bit, including every case the shortcut declines.
        let texts = [
            "Özdemir, Şükrü, Dr.",
            "Nguyễn Thị Lan",
            "person.4711@stadt-beispiel.de",
            "Referentin für Integrationspolitik",
            "Wiśniewski, Łukasz",
            "two  spaces",
            " leading",
            "trailing ",
            "tab\there",
            "no\u{a0}break",
            "line\nbreak",
            "حداد, ليلى",
            "",
            "Landeshauptstadt Düsseldorf Amt für Migration und Integration",
        ];
        let mut rng = fastrand::Rng::with_seed(7);
        let mut cases = 0;
        for text in texts {
            for max in [1.0, 20.0, 60.0, 95.5, 140.0, 400.0] {
                for style in [FontStyle::Regular, FontStyle::Bold] {
                    let span = Span {
                        text: text.to_owned(),
                        style,
                    };
                    let size = [8.0, 9.0, 10.5][rng.usize(..3)];
                    let mut missing_fast = BTreeSet::new();
                    let mut missing_general = BTreeSet::new();
                    let fast = wrap(
                        fonts(),
                        std::slice::from_ref(&span),
                        size,
                        max,
                        &mut missing_fast,
                    );
                    let general = wrap(
                        fonts(),
                        &[span, Span::regular("")],
                        size,
                        max,
                        &mut missing_general,
                    );
                    assert_eq!(fast, general, "{text:?} at {max} pt");
                    assert_eq!(missing_fast, missing_general, "{text:?}");
                    cases += 1;
                }
            }
        }
        assert_eq!(cases, texts.len() * 12);
        assert!(
            one_line(fonts(), FontStyle::Regular, "Nguyễn Thị Lan", 9.0, 400.0).is_some(),
            "the shortcut is taken for a cell that fits"
        );
    }

    #[test]
    fn wraps_at_word_boundaries_within_the_width() {
        let mut missing = BTreeSet::new();
        let text = "Die Kommunalverwaltung soll die Vielfalt der Stadtgesellschaft in ihrer \
                    Belegschaft, ihren Angeboten und ihrer Kommunikation abbilden.";
        let lines = wrap(fonts(), &[Span::regular(text)], 10.0, 150.0, &mut missing);
        assert!(lines.len() > 3, "a long sentence needs several lines");
        for line in &lines {
            assert!(line.width <= 150.0, "no line may be wider than the column");
        }
        let joined: Vec<String> = lines
            .iter()
            .map(|l| l.runs.iter().map(|r| r.2.as_str()).collect::<String>())
            .collect();
        assert_eq!(
            joined.join(" "),
            text.split_whitespace().collect::<Vec<_>>().join(" "),
            "wrapping must neither lose nor break words that fit on a line"
        );
    }

    #[test]
    fn a_300_character_word_stays_inside_its_column() {
        let word = "x".repeat(100) + &"Ü".repeat(100) + &"m".repeat(100);
        let laid = laid_table(
            "Test",
            [("Name", Width::Fixed(30.0)), ("Text", Width::Share(1.0))],
            vec![Row::Cells(vec![word.clone(), "kurz".into()])],
        );
        let (left, column_right) = (mm(25.0), mm(25.0) + mm(30.0));
        let mut characters = 0;
        for page in &laid.pages {
            for item in &page.items {
                if let Item::Text { x, width, text, .. } = item {
                    if text.chars().all(|c| "xÜm".contains(c)) {
                        assert!(*x >= left, "cell text starts inside its column");
                        assert!(
                            x + width <= column_right + 0.01,
                            "cell text ends inside its column: {x} + {width} > {column_right}"
                        );
                        characters += text.chars().count();
                    }
                }
            }
        }
        assert_eq!(characters, 300, "the broken word keeps every character");
    }

    #[test]
    fn rows_measured_on_several_threads_are_the_rows_measured_one_by_one() {
        let table = Table::new(
            vec![
                Column::new("Name", Width::Fixed(30.0)),
                Column::new("Organisation", Width::Share(1.0)),
            ],
            (0..3 * PARALLEL_ROWS)
                .map(|i| match i % 97 {
                    0 => Row::Group(format!("Gruppe {i}")),
                    // A character outside the font, far into the last thread's share.
                    _ if i == 3 * PARALLEL_ROWS - 5 => {
                        Row::Cells(vec!["ليلى".to_owned(), "x".to_owned()])
                    }
                    _ => Row::Cells(vec![
                        format!("Nguyễn Thị Zeile {i} mit einem langen Namen"),
                        "Ministerium für Integration ".repeat(i % 4 + 1),
                    ]),
                })
                .collect(),
        );
        let widths = [mm(30.0), mm(60.0)];
        let mut one_by_one = BTreeSet::new();
        let expected: Vec<Vec<Vec<Line>>> = table
            .rows
            .iter()
            .map(|row| row_cells(fonts(), &table, &widths, row, &mut one_by_one))
            .collect();
        let mut together = BTreeSet::new();
        let measured = measure_rows(fonts(), &table, &widths, &table.rows, &mut together);
        assert_eq!(measured, expected);
        assert!(
            expected
                .iter()
                .any(|cells| cells.iter().any(|c| c.len() > 1)),
            "wrapped"
        );
        assert!(together.contains(&'ل'), "{together:?}");
        assert_eq!(together, one_by_one);
    }

    #[test]
    fn group_headings_around_the_measured_batches_never_end_a_page() {
        // Group headings at the ends and starts of the measured batches and every 37th row,
        // rows of one to three lines: no page but the last ends with a group heading.
        let rows: Vec<Row> = (0..2 * MEASURE_BATCH + 50)
            .map(|i| {
                if i % MEASURE_BATCH >= MEASURE_BATCH - 3 || i % MEASURE_BATCH < 2 || i % 37 == 0 {
                    Row::Group(format!("Gruppe {i}"))
                } else if i % 3 == 0 {
                    // Rows of one to three lines: the room left on a page varies.
                    Row::Cells(vec![format!("Zeile {i}{}", " lang".repeat(i % 7 * 3))])
                } else {
                    Row::Cells(vec![format!("Zeile {i}")])
                }
            })
            .collect();
        let laid = laid_table(
            "Mitgliederliste",
            [("Name", Width::Fixed(40.0)), ("", Width::Share(1.0))],
            rows,
        );
        let mut seen = Vec::new();
        for (index, page) in laid.pages.iter().enumerate() {
            let texts: Vec<&str> = texts_in(page)
                .into_iter()
                .filter(|t| t.starts_with("Zeile ") || t.starts_with("Gruppe "))
                .collect();
            if index + 1 < laid.pages.len() {
                let last = texts.last().expect("rows on every page");
                assert!(
                    last.starts_with("Zeile "),
                    "page {} ends with {last}",
                    index + 1
                );
            }
            seen.extend(
                texts
                    .iter()
                    .filter(|t| !t.ends_with("(Fortsetzung)"))
                    .copied(),
            );
        }
        assert_eq!(
            seen.len(),
            2 * MEASURE_BATCH + 50,
            "every row and heading once"
        );
    }

    #[test]
    fn ten_thousand_rows_keep_the_header_on_every_page_and_lose_no_row() {
        let rows: Vec<Row> = (0..10_000)
            .map(|i| {
                Row::Cells(vec![
                    format!("Zeile {i}"),
                    format!("Organisation {}", i % 43),
                ])
            })
            .collect();
        let laid = laid_table(
            "Mitgliederliste",
            [
                ("Name", Width::Share(1.0)),
                ("Organisation", Width::Share(1.0)),
            ],
            rows,
        );
        assert!(laid.pages.len() > 100, "10,000 rows need many pages");
        let mut seen = Vec::new();
        for (index, page) in laid.pages.iter().enumerate() {
            let texts = texts_in(page);
            let header = texts.iter().position(|t| *t == "Name");
            let first_row = texts.iter().position(|t| t.starts_with("Zeile "));
            assert!(
                header.is_some() && header < first_row,
                "page {} must start its rows with the header",
                index + 1
            );
            seen.extend(
                texts
                    .iter()
                    .filter_map(|t| t.strip_prefix("Zeile "))
                    .map(|n| n.parse::<usize>().expect("row number")),
            );
        }
        let expected: Vec<usize> = (0..10_000).collect();
        assert_eq!(seen, expected, "every row exactly once, in order");
    }

    #[test]
    fn rows_are_not_split_and_stay_above_the_bottom_margin() {
        let rows: Vec<Row> = (0..300)
            .map(|i| {
                Row::Cells(vec![
                    format!("Zeile {i}"),
                    "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn"
                        .repeat(i % 3 + 1),
                ])
            })
            .collect();
        let laid = laid_table(
            "Test",
            [("Name", Width::Fixed(40.0)), ("Text", Width::Fixed(50.0))],
            rows,
        );
        let bottom = A4_HEIGHT - mm(25.0);
        for page in &laid.pages {
            let mut rows_here = 0;
            for item in &page.items {
                if let Item::Text { y, text, size, .. } = item {
                    if *size == 9.0 && text.starts_with("Zeile") {
                        rows_here += 1;
                    }
                    if *size == 9.0 {
                        assert!(*y <= bottom, "body text stays above the bottom margin");
                    }
                }
            }
            assert!(rows_here > 0, "every page carries rows");
        }
    }

    #[test]
    fn footer_counts_pages_and_shows_the_date() {
        let mut doc = Document::new("Protokoll", day());
        doc.push(Block::heading(1, "Erste"));
        doc.push(Block::PageBreak);
        doc.push(Block::heading(1, "Zweite"));
        let laid = layout(fonts(), &doc);
        assert_eq!(laid.pages.len(), 2);
        let first = texts_in(&laid.pages[0]);
        assert!(first.contains(&"Seite 1 von 2"), "{first:?}");
        assert!(
            first.contains(&"Protokoll · Stand: 25.11.2026"),
            "{first:?}"
        );
        assert_eq!(
            laid.headings[1].page, 2,
            "the heading after the break is on page 2"
        );
    }

    #[test]
    fn layout_golden_of_a_small_document() {
        let mut doc = Document::new("Einladung", day());
        doc.letterhead = Some(Letterhead {
            group_name: "Qualitätszirkel".into(),
            address: vec!["Marktplatz 1".into(), "70173 Stuttgart".into()],
            logo: None,
        });
        doc.push(Block::bookmarked(1, "38. Sitzung"));
        doc.push(Block::spans(vec![
            Span::bold("Ort: "),
            Span::regular("Rathaus Stuttgart"),
        ]));
        doc.push(Block::List {
            items: vec![
                vec![Span::regular("Begrüßung")],
                vec![Span::regular("Bericht")],
            ],
            numbered: true,
        });
        let laid = layout(fonts(), &doc);
        assert_eq!(
            laid.text(),
            "38. Sitzung\nOrt: \nRathaus Stuttgart\n1.\nBegrüßung\n2.\nBericht\n\
             Qualitätszirkel\nMarktplatz 1\n70173 Stuttgart\n\
             Einladung · Stand: 25.11.2026\nSeite 1 von 1\n"
        );
        assert_eq!(laid.bookmarks, vec![("38. Sitzung".to_owned(), 0)]);
    }

    /// The page (from 0) whose texts contain `text`.
    fn page_of(laid: &Laid, text: &str) -> Option<usize> {
        laid.pages
            .iter()
            .position(|page| page.texts().any(|t| t.contains(text)))
    }

    #[test]
    fn headings_stay_with_two_lines_and_list_items_are_not_split() {
        let long = "Wort ".repeat(60);
        for filler in 30..60 {
            let mut doc = Document::new("Test", day());
            for i in 0..filler {
                doc.push(Block::text(format!("Zeile {i}")));
            }
            doc.push(Block::heading(2, "Überschrift"));
            doc.push(Block::text("Erste Zeile danach, kurz."));
            doc.push(Block::text(format!("Zweiter Absatz {long}")));
            doc.push(Block::List {
                items: (0..3)
                    .map(|k| vec![Span::regular(format!("Punkt{k} {long} Ende{k}"))])
                    .collect(),
                numbered: false,
            });
            let laid = layout(fonts(), &doc);
            assert_eq!(
                page_of(&laid, "Überschrift"),
                page_of(&laid, "Zweiter Absatz"),
                "with {filler} lines before it, the heading shares its page with two lines"
            );
            for k in 0..3 {
                assert_eq!(
                    page_of(&laid, &format!("Punkt{k}")),
                    page_of(&laid, &format!("Ende{k}")),
                    "with {filler} lines before the heading, list item {k} is not split"
                );
            }
        }
    }

    #[test]
    fn characters_outside_the_font_are_reported() {
        let mut doc = Document::new("Test", day());
        doc.push(Block::text("ليلى"));
        let laid = layout(fonts(), &doc);
        assert!(
            laid.missing.contains(&'ل'),
            "Arabic letters must be reported"
        );
        assert!(
            laid.text().contains("????"),
            "and shown as a visible placeholder"
        );
    }
}
