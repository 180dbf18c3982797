//! The embedded Noto Sans family: parsed once per process, measured with the fonts' real glyph
//! advances, and asked which characters it can show at all.

use std::sync::atomic::{AtomicU32, AtomicU8, Ordering};
use std::sync::OnceLock;

use printpdf::ParsedFont;

use crate::error::{Error, Result};

/// One face of the family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FontStyle {
    /// Noto Sans Regular.
    Regular,
    /// Noto Sans Bold.
    Bold,
    /// Noto Sans Italic.
    Italic,
    /// Noto Sans Bold Italic.
    BoldItalic,
}

impl FontStyle {
    /// All faces, in the order of [`Fonts::faces`].
    pub const ALL: [FontStyle; 4] = [Self::Regular, Self::Bold, Self::Italic, Self::BoldItalic];

    /// Index into [`FontStyle::ALL`].
    pub fn index(self) -> usize {
        match self {
            Self::Regular => 0,
            Self::Bold => 1,
            Self::Italic => 2,
            Self::BoldItalic => 3,
        }
    }

    fn bytes(self) -> &'static [u8] {
        match self {
            Self::Regular => include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"),
            Self::Bold => include_bytes!("../../assets/fonts/NotoSans-Bold.ttf"),
            Self::Italic => include_bytes!("../../assets/fonts/NotoSans-Italic.ttf"),
            Self::BoldItalic => include_bytes!("../../assets/fonts/NotoSans-BoldItalic.ttf"),
        }
    }
}

/// Characters below this code point have their advance kept in a table once asked for: Latin,
/// Greek, Cyrillic, Latin Extended Additional (Vietnamese) and general punctuation.
const TABLE_END: u32 = 0x2200;

/// A slot of [`Face::table`] not looked up yet, and one of a character without a glyph. Both are
/// NaN bit patterns, which no advance (a finite number of em) has.
const UNKNOWN: u32 = u32::MAX;
const NO_GLYPH: u32 = u32::MAX - 1;

/// One parsed face with a fast advance table.
pub struct Face {
    /// The parsed font, handed to printpdf for embedding and subsetting.
    pub parsed: ParsedFont,
    units_per_em: f32,
    /// Advance in em (as `f32` bits) of every code point below [`TABLE_END`], filled in on first
    /// use: a document uses a few hundred characters, and looking up all 8,704 in the font's
    /// character map took most of the time of parsing it. Filled from any thread; two threads
    /// that race write the same value.
    table: Vec<AtomicU32>,
}

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Face")
            .field("units_per_em", &self.units_per_em)
            .finish_non_exhaustive()
    }
}

impl Face {
    fn load(style: FontStyle) -> Option<Face> {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(style.bytes(), 0, &mut warnings)?;
        let units_per_em = f32::from(parsed.pdf_font_metrics.units_per_em.max(1));
        Some(Face {
            parsed,
            units_per_em,
            table: (0..TABLE_END).map(|_| AtomicU32::new(UNKNOWN)).collect(),
        })
    }

    fn lookup(&self, c: char) -> Option<f32> {
        let gid = self.parsed.lookup_glyph_index(u32::from(c))?;
        if gid == 0 {
            return None;
        }
        Some(f32::from(self.parsed.get_horizontal_advance(gid)) / self.units_per_em)
    }

    /// Advance of `c` in em, `None` when the face has no glyph for it.
    #[inline]
    pub fn advance(&self, c: char) -> Option<f32> {
        let Some(slot) = self.table.get(c as usize) else {
            return self.lookup(c);
        };
        match slot.load(Ordering::Relaxed) {
            UNKNOWN => self.fill(slot, c),
            NO_GLYPH => None,
            bits => Some(f32::from_bits(bits)),
        }
    }

    /// Looks `c` up in the font and keeps the answer in its slot of the table.
    #[cold]
    #[inline(never)]
    fn fill(&self, slot: &AtomicU32, c: char) -> Option<f32> {
        let advance = self.lookup(c);
        slot.store(advance.map_or(NO_GLYPH, f32::to_bits), Ordering::Relaxed);
        advance
    }

    /// Whether the face can show `c`. Controls and spaces count as shown.
    #[inline]
    pub fn covers(&self, c: char) -> bool {
        c == ' ' || self.advance(c).is_some()
    }

    /// Width of `text` in points at `size`; characters without a glyph count as a space.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let space = self.advance(' ').unwrap_or(0.26);
        text.chars()
            .map(|c| self.advance(c).unwrap_or(space))
            .sum::<f32>()
            * size
    }
}

/// The family once parsed; `None` when a face could not be read.
static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();

/// The whole family.
#[derive(Debug)]
pub struct Fonts {
    /// Faces in the order of [`FontStyle::ALL`].
    pub faces: [Face; 4],
    /// Whether every face shows the code point, below [`TABLE_END`]: 0 not asked yet, 1 yes,
    /// 2 no; filled in on first use like [`Face::table`].
    shown: Vec<AtomicU8>,
}

impl Fonts {
    /// The family, parsed on first use and shared by every document of the process.
    pub fn get() -> Result<&'static Fonts> {
        FONTS
            .get_or_init(|| {
                // The faces are parsed side by side: a few milliseconds each, in every process
                // that prints.
                let [r, b, i, bi] = std::thread::scope(|scope| {
                    FontStyle::ALL
                        .map(|style| scope.spawn(move || Face::load(style)))
                        .map(|worker| worker.join().ok().flatten())
                });
                Some(Fonts {
                    faces: [r?, b?, i?, bi?],
                    shown: (0..TABLE_END).map(|_| AtomicU8::new(0)).collect(),
                })
            })
            .as_ref()
            .ok_or_else(|| Error::Pdf {
                message: "Die eingebettete Schrift Noto Sans konnte nicht gelesen werden."
                    .to_owned(),
            })
    }

    /// Starts parsing the family on another thread unless it is parsed already, so that the
    /// caller can read the store meanwhile; [`Fonts::get`] then waits for it.
    pub fn parse_aside() {
        if FONTS.get().is_none() {
            // Without a thread the family is parsed on first use, as before.
            let _ = std::thread::Builder::new()
                .name("fonts".to_owned())
                .spawn(|| {
                    let _ = Fonts::get();
                });
        }
    }

    /// One face.
    pub fn face(&self, style: FontStyle) -> &Face {
        &self.faces[style.index()]
    }

    /// Width of `text` in points.
    pub fn width(&self, style: FontStyle, text: &str, size: f32) -> f32 {
        self.face(style).width(text, size)
    }

    /// Whether every face can show `c` (the layout may set any text bold or italic).
    #[inline]
    pub fn covers(&self, c: char) -> bool {
        match self
            .shown
            .get(c as usize)
            .map(|slot| slot.load(Ordering::Relaxed))
        {
            Some(1) => true,
            Some(2) => false,
            _ => self.ask_every_face(c),
        }
    }

    /// Whether every face shows `c`, kept in [`Fonts::shown`] below [`TABLE_END`].
    #[cold]
    #[inline(never)]
    fn ask_every_face(&self, c: char) -> bool {
        let shown = c.is_control() || self.faces.iter().all(|f| f.covers(c));
        if let Some(slot) = self.shown.get(c as usize) {
            slot.store(if shown { 1 } else { 2 }, Ordering::Relaxed);
        }
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noto_sans_covers_the_scripts_of_the_members_but_not_arabic() {
        let fonts = Fonts::get().expect("fonts");
        for c in "şğİıłễßΓΠИОώ€–„“".chars() {
            assert!(fonts.covers(c), "{c} must be printable with Noto Sans");
        }
        assert!(
            !fonts.covers('ل'),
            "Noto Sans has no Arabic: such text must be reported, not dropped"
        );
    }

    #[test]
    fn the_advance_table_answers_what_the_font_says_on_every_later_ask() {
        let fonts = Fonts::get().expect("fonts");
        for face in &fonts.faces {
            for c in "AaÖöŞşŁłễị€ لx\u{2}\u{21ff}\u{2200}".chars() {
                let direct = face.lookup(c);
                assert_eq!(face.advance(c), direct, "first ask of {c:?}");
                assert_eq!(face.advance(c), direct, "from the table: {c:?}");
            }
        }
        for _ in 0..2 {
            assert!(fonts.covers('ễ') && fonts.covers('\n') && !fonts.covers('ل'));
        }
    }

    #[test]
    fn widths_come_from_the_glyphs() {
        let fonts = Fonts::get().expect("fonts");
        let narrow = fonts.width(FontStyle::Regular, "iiii", 10.0);
        let wide = fonts.width(FontStyle::Regular, "MMMM", 10.0);
        assert!(
            wide > 2.0 * narrow,
            "M is much wider than i in a proportional font"
        );
        assert!(
            fonts.width(FontStyle::Bold, "Zirkel", 10.0)
                > fonts.width(FontStyle::Regular, "Zirkel", 10.0),
            "bold is wider"
        );
    }
}
