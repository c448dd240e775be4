//! The bundled font, cut down to the characters a document shows, as CSS `@font-face` rules
//! with `data:` URLs, so an exported SVG and the HTML report (its text and its inline SVG
//! charts, which name "Liberation Sans") look the same on a machine that has no Liberation
//! Sans: the layout measured every label with this very font, and a wider fallback made legend
//! entries collide and badge text run out of its box.
//!
//! The whole font, regular and bold, was about 1.1 MB of base64 per report; a chart uses a few
//! dozen glyphs. `allsorts` cuts the glyphs out (`glyf`, `loca`, `hmtx`, `maxp`, …) and writes a
//! Unicode `cmap` for them (the `subsetter` crate drops `cmap`, which a browser needs to map
//! characters to glyphs). Two tables are then written here:
//! - a `cmap` of our own (format 4, and format 12 when a character lies beyond the BMP), which
//!   also maps U+FFFD, the character [`super::escape_xml`] writes for a control character, to
//!   the font's white square [`MISSING`]: Liberation Sans has no U+FFFD, and a browser on a
//!   machine without fonts would draw nothing there;
//! - a `kern` table with the pairs among the kept glyphs, so a browser sets each label exactly
//!   as wide as the layout measured it (ab_glyph kerns with the `kern` table).
//!
//! `GSUB`, `GPOS` and `GDEF` are left out: the painters do no shaping either, and with them a
//! browser would kern a second time. Viewers that ignore `@font-face` altogether (librsvg,
//! Inkscape's import) are what `--text-as-paths` is for.

use std::collections::{BTreeMap, BTreeSet};

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile};
use ttf_parser::GlyphId;

use super::text::MISSING;

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The replacement character: what [`super::escape_xml`] writes for a control character.
const REPLACEMENT: char = '\u{FFFD}';

/// Standard base64 with padding (RFC 4648 §4).
fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    let digit = |v: u32| char::from(BASE64.get((v & 63) as usize).copied().unwrap_or(b'A'));
    for chunk in bytes.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (b(0) << 16) | (b(1) << 8) | b(2);
        out.push(digit(n >> 18));
        out.push(digit(n >> 12));
        out.push(if chunk.len() > 1 { digit(n >> 6) } else { '=' });
        out.push(if chunk.len() > 2 { digit(n) } else { '=' });
    }
    out
}

/// The characters a document draws, per weight of the bundled font.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct UsedChars {
    pub regular: BTreeSet<char>,
    pub bold: BTreeSet<char>,
}

impl UsedChars {
    /// The characters of the `<text>` elements of an SVG document, by their `font-weight`
    /// (plotters writes `bold` for the bold face and nothing for the regular one).
    pub fn of_svg(svg: &str) -> Self {
        let mut used = Self::default();
        let mut rest = svg;
        while let Some(start) = rest.find("<text") {
            let after = &rest[start + "<text".len()..];
            // `<textPath` and the like are other elements.
            if !after.starts_with([' ', '>', '\n', '\t', '\r']) {
                rest = after;
                continue;
            }
            let Some(tag_end) = after.find('>') else {
                break;
            };
            let tag = &after[..tag_end];
            let body = &after[tag_end + 1..];
            let close = body.find("</text>").unwrap_or(body.len());
            let bold = attribute(tag, "font-weight").is_some_and(is_bold_weight);
            let set = if bold {
                &mut used.bold
            } else {
                &mut used.regular
            };
            // Text nested in `<tspan>`s counts too: the markup between is skipped.
            collect_text(&body[..close], set);
            rest = &body[close..];
        }
        used
    }

    /// The characters of every text node of an HTML page, inline SVG included, for both
    /// weights: the page's CSS makes headings, table heads and verdicts bold, and what is
    /// bold where is the browser's cascade to decide, so both faces get every character.
    pub fn of_html(html: &str) -> Self {
        let mut chars = BTreeSet::new();
        let mut rest = html;
        loop {
            let Some(open) = rest.find('<') else {
                collect_text(rest, &mut chars);
                break;
            };
            collect_text(&rest[..open], &mut chars);
            let markup = &rest[open..];
            // Comments, and the raw text of `<style>` and `<script>`, are no text nodes.
            let skip_to = if markup.starts_with("<!--") {
                markup.find("-->").map(|i| i + 3)
            } else if starts_with_ignore_case(markup, "<style") {
                find_ignore_case(markup, "</style>")
            } else if starts_with_ignore_case(markup, "<script") {
                find_ignore_case(markup, "</script>")
            } else {
                markup.find('>').map(|i| i + 1)
            };
            match skip_to {
                Some(end) => rest = &markup[end..],
                None => break,
            }
        }
        Self {
            regular: chars.clone(),
            bold: chars,
        }
    }
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

fn find_ignore_case(text: &str, needle: &str) -> Option<usize> {
    text.to_ascii_lowercase().find(needle)
}

fn is_bold_weight(value: &str) -> bool {
    match value.trim() {
        "bold" | "bolder" => true,
        number => number.parse::<u32>().is_ok_and(|n| n >= 600),
    }
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    tag.get(start..start + len)
}

/// Adds the characters of `text` (markup between `<` and `>` skipped, character references
/// decoded, white space other than the plain space left out: it draws no glyph) to `set`.
fn collect_text(text: &str, set: &mut BTreeSet<char>) {
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        match c {
            '<' => {
                rest = rest.find('>').map_or("", |i| &rest[i + 1..]);
                continue;
            }
            '&' => {
                if let Some((decoded, len)) = character_reference(rest) {
                    set.insert(decoded);
                    rest = &rest[len..];
                    continue;
                }
                set.insert('&');
            }
            '\n' | '\r' | '\t' => {}
            c => {
                set.insert(c);
            }
        }
        rest = &rest[c.len_utf8()..];
    }
}

/// The character a reference at the start of `text` stands for, and the reference's length.
fn character_reference(text: &str) -> Option<(char, usize)> {
    let end = text.get(..text.len().min(12))?.find(';')?;
    let name = text.get(1..end)?;
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

/// `@font-face` rules for "Liberation Sans": each weight that draws a character, cut down to
/// the characters it draws (plus the space and the replacement glyph).
pub fn font_face_css(used: &UsedChars) -> String {
    [
        ("normal", crate::assets::SANS_REGULAR, &used.regular),
        ("bold", crate::assets::SANS_BOLD, &used.bold),
    ]
    .iter()
    .filter(|(_, _, chars)| !chars.is_empty())
    .map(|(weight, font, chars)| {
        // The subset of a font we ship cannot fail unless the code here is wrong; the whole
        // font then still shows every character, only larger.
        let bytes = subset(font, chars).unwrap_or_else(|_| font.to_vec());
        format!(
            "@font-face {{ font-family: \"Liberation Sans\"; font-weight: {weight}; \
             font-style: normal; src: url(data:font/ttf;base64,{}) format(\"truetype\"); }}\n",
            base64(&bytes)
        )
    })
    .collect()
}

/// Why a font could not be cut down.
#[derive(Debug, thiserror::Error)]
pub enum SubsetError {
    #[error("the font does not parse: {0}")]
    Parse(String),
    #[error("the subset could not be written: {0}")]
    Write(String),
}

/// `font` cut down to the glyphs of `chars`, the space and the replacement glyph, as a
/// standalone TrueType font: every kept character maps to its glyph with the same advance
/// width and the same kerning as in the whole font. Characters the font lacks are left out
/// (the painters drew them as [`MISSING`], which is kept).
pub fn subset(font: &[u8], chars: &BTreeSet<char>) -> Result<Vec<u8>, SubsetError> {
    let face = ttf_parser::Face::parse(font, 0).map_err(|e| SubsetError::Parse(e.to_string()))?;
    let mut wanted = chars.clone();
    wanted.extend([' ', MISSING]);
    let mut glyphs = vec![0u16];
    for &c in &wanted {
        if let Some(GlyphId(id)) = face.glyph_index(c)
            && !glyphs.contains(&id)
        {
            glyphs.push(id);
        }
    }

    let data = ReadScope::new(font)
        .read::<FontData<'_>>()
        .map_err(|e| SubsetError::Parse(e.to_string()))?;
    let provider = data
        .table_provider(0)
        .map_err(|e| SubsetError::Parse(e.to_string()))?;
    let cut = allsorts::subset::subset(
        &provider,
        &glyphs,
        &SubsetProfile::Minimal,
        CmapTarget::Unicode,
    )
    .map_err(|e| SubsetError::Write(e.to_string()))?;
    let cut_face =
        ttf_parser::Face::parse(&cut, 0).map_err(|e| SubsetError::Write(e.to_string()))?;

    // Every character the cut font maps (allsorts keeps each code point of a kept glyph).
    let mut map: BTreeMap<u32, u16> = BTreeMap::new();
    for table in cut_face.tables().cmap.iter().flat_map(|c| c.subtables) {
        if table.is_unicode() {
            table.codepoints(|code| {
                if let Some(GlyphId(id)) = table.glyph_index(code) {
                    map.entry(code).or_insert(id);
                }
            });
        }
    }
    if face.glyph_index(REPLACEMENT).is_none()
        && let Some(&square) = map.get(&u32::from(MISSING))
    {
        map.insert(u32::from(REPLACEMENT), square);
    }

    // The kerning the layout measured with, between the kept glyphs, in the new glyph ids.
    let renumber: BTreeMap<u16, u16> = wanted
        .iter()
        .filter_map(|&c| Some((face.glyph_index(c)?.0, cut_face.glyph_index(c)?.0)))
        .collect();
    let kerning: Vec<ttf_parser::kern::Subtable<'_>> = face
        .tables()
        .kern
        .iter()
        .flat_map(|k| k.subtables)
        .filter(|t| t.horizontal && !t.variable)
        .collect();
    let mut pairs = Vec::new();
    for (&old_left, &new_left) in &renumber {
        for (&old_right, &new_right) in &renumber {
            let value = kerning
                .iter()
                .find_map(|t| t.glyphs_kerning(GlyphId(old_left), GlyphId(old_right)));
            if let Some(value) = value.filter(|&v| v != 0) {
                pairs.push((new_left, new_right, value));
            }
        }
    }

    let mut tables = table_directory(&cut)?;
    strip_hinting(&mut tables)?;
    tables.insert(*b"cmap", cmap_table(&map));
    if !pairs.is_empty() {
        tables.insert(*b"kern", kern_table(pairs));
    }
    if let Some(os2) = tables.get_mut(b"OS/2") {
        // usFirstCharIndex and usLastCharIndex: the BMP range the cmap now covers.
        let bmp = || map.keys().filter(|&&c| c <= 0xFFFF);
        let first = bmp().next().copied().unwrap_or(0);
        let last = bmp().next_back().copied().unwrap_or(0);
        put_u16(os2, 64, first as u16);
        put_u16(os2, 66, last as u16);
    }
    Ok(write_font(&tables))
}

fn read_u16(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn read_u32(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

fn put_u16(data: &mut [u8], at: usize, value: u16) {
    if let Some(slot) = data.get_mut(at..at + 2) {
        slot.copy_from_slice(&value.to_be_bytes());
    }
}

/// The tables of a TrueType font, by tag.
fn table_directory(font: &[u8]) -> Result<BTreeMap<[u8; 4], Vec<u8>>, SubsetError> {
    let broken = || SubsetError::Write("the cut font's table directory is broken".into());
    let count = read_u16(font, 4).ok_or_else(broken)?;
    let mut tables = BTreeMap::new();
    for i in 0..usize::from(count) {
        let record = 12 + 16 * i;
        let tag: [u8; 4] = font
            .get(record..record + 4)
            .and_then(|t| t.try_into().ok())
            .ok_or_else(broken)?;
        let offset = read_u32(font, record + 8).ok_or_else(broken)? as usize;
        let length = read_u32(font, record + 12).ok_or_else(broken)? as usize;
        let body = font
            .get(offset..offset.saturating_add(length))
            .ok_or_else(broken)?;
        tables.insert(tag, body.to_vec());
    }
    Ok(tables)
}

/// Drops the TrueType hinting instructions from every glyph (and the composite glyphs'
/// "we have instructions" flags), rewriting `glyf` and `loca`. They were most of the cut
/// font's bytes (9 of 15 KB for a report's characters), and without the `fpgm`, `prep` and `cvt`
/// tables that the minimal profile leaves out they would call functions that are not there.
/// Unhinted outlines are also what the PNG painter (ab_glyph) draws.
fn strip_hinting(tables: &mut BTreeMap<[u8; 4], Vec<u8>>) -> Result<(), SubsetError> {
    let broken = || SubsetError::Write("the cut font's glyphs are broken".into());
    let (Some(head), Some(maxp), Some(loca), Some(glyf)) = (
        tables.get(b"head"),
        tables.get(b"maxp"),
        tables.get(b"loca"),
        tables.get(b"glyf"),
    ) else {
        return Err(broken());
    };
    let long = read_u16(head, 50).ok_or_else(broken)? != 0;
    let count = usize::from(read_u16(maxp, 4).ok_or_else(broken)?);
    let offset = |i: usize| {
        if long {
            read_u32(loca, 4 * i).map(|o| o as usize)
        } else {
            read_u16(loca, 2 * i).map(|o| 2 * usize::from(o))
        }
    };
    let mut new_glyf = Vec::with_capacity(glyf.len());
    let mut offsets = Vec::with_capacity(count + 1);
    for i in 0..count {
        offsets.push(new_glyf.len());
        let (start, end) = (
            offset(i).ok_or_else(broken)?,
            offset(i + 1).ok_or_else(broken)?,
        );
        let glyph = glyf.get(start..end).ok_or_else(broken)?;
        if glyph.is_empty() {
            continue;
        }
        let contours = read_u16(glyph, 0).ok_or_else(broken)? as i16;
        if contours >= 0 {
            // Header, endPtsOfContours, then instructionLength and the instructions.
            let at = 10 + 2 * contours as usize;
            let length = usize::from(read_u16(glyph, at).ok_or_else(broken)?);
            new_glyf.extend_from_slice(glyph.get(..at).ok_or_else(broken)?);
            new_glyf.extend_from_slice(&[0, 0]);
            new_glyf.extend_from_slice(glyph.get(at + 2 + length..).ok_or_else(broken)?);
        } else {
            // Components until one lacks MORE_COMPONENTS (0x0020), each with its
            // WE_HAVE_INSTRUCTIONS (0x0100) cleared; the instructions after the last are left.
            let mut component = glyph.get(..10).ok_or_else(broken)?.to_vec();
            let mut at = 10;
            loop {
                let flags = read_u16(glyph, at).ok_or_else(broken)?;
                let end = at + component_length(flags);
                component.extend_from_slice(glyph.get(at..end).ok_or_else(broken)?);
                put_u16(&mut component, at, flags & !0x0100);
                at = end;
                if flags & 0x0020 == 0 {
                    break;
                }
            }
            new_glyf.extend_from_slice(&component);
        }
        // Glyphs start on 4-byte boundaries (a short `loca` needs even ones).
        new_glyf.resize(new_glyf.len().next_multiple_of(4), 0);
    }
    offsets.push(new_glyf.len());
    let mut new_loca = Vec::with_capacity(offsets.len() * 4);
    for &o in &offsets {
        if long {
            new_loca.extend_from_slice(&(o as u32).to_be_bytes());
        } else {
            new_loca.extend_from_slice(&u16::try_from(o / 2).map_err(|_| broken())?.to_be_bytes());
        }
    }
    tables.insert(*b"glyf", new_glyf);
    tables.insert(*b"loca", new_loca);
    if let Some(maxp) = tables.get_mut(b"maxp") {
        // maxSizeOfInstructions (maxp version 1.0).
        put_u16(maxp, 26, 0);
    }
    Ok(())
}

/// The bytes of a composite glyph's component record with `flags`: flags and glyph index, two
/// arguments of one or two bytes each (ARG_1_AND_2_ARE_WORDS, 0x0001), then a scale of one
/// (0x0008), two (0x0040) or four (0x0080) 2.14 numbers.
fn component_length(flags: u16) -> usize {
    let arguments = if flags & 0x0001 != 0 { 4 } else { 2 };
    let transform = if flags & 0x0008 != 0 {
        2
    } else if flags & 0x0040 != 0 {
        4
    } else if flags & 0x0080 != 0 {
        8
    } else {
        0
    };
    4 + arguments + transform
}

/// The OpenType checksum: the sum of the big-endian 32-bit words, zero-padded.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, word| {
        let mut padded = [0u8; 4];
        padded[..word.len()].copy_from_slice(word);
        sum.wrapping_add(u32::from_be_bytes(padded))
    })
}

/// `searchRange`, `entrySelector` and `rangeShift` for `count` entries of `size` bytes, as
/// the binary-search headers of the table directory, `cmap` format 4 and `kern` want them.
fn search_header(count: u16, size: u16) -> [u16; 3] {
    let mut power = 1u16;
    let mut log = 0u16;
    while power.saturating_mul(2) <= count {
        power *= 2;
        log += 1;
    }
    let range = power.saturating_mul(size);
    [range, log, count.saturating_mul(size).saturating_sub(range)]
}

/// A TrueType font file of `tables` (sorted by tag, as the directory must be), with each
/// table's checksum and the `head` table's `checkSumAdjustment` set.
fn write_font(tables: &BTreeMap<[u8; 4], Vec<u8>>) -> Vec<u8> {
    let count = tables.len() as u16;
    let mut out = Vec::new();
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    out.extend_from_slice(&count.to_be_bytes());
    for value in search_header(count, 16) {
        out.extend_from_slice(&value.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, body) in tables {
        let mut body = body.clone();
        if tag == b"head" {
            // checkSumAdjustment counts as zero in the table's own checksum.
            put_u16(&mut body, 8, 0);
            put_u16(&mut body, 10, 0);
            head_at = Some(offset);
        }
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(&body).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(body.len() as u32).to_be_bytes());
        offset += body.len().next_multiple_of(4);
    }
    for (tag, body) in tables {
        let start = out.len();
        out.extend_from_slice(body);
        if tag == b"head" {
            put_u16(&mut out, start + 8, 0);
            put_u16(&mut out, start + 10, 0);
        }
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(head) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        if let Some(slot) = out.get_mut(head + 8..head + 12) {
            slot.copy_from_slice(&adjustment.to_be_bytes());
        }
    }
    out
}

/// A `cmap` table mapping `map`'s code points: format 4 (Windows Unicode BMP), and format 12
/// (Windows Unicode full repertoire) when a code point lies beyond the BMP.
fn cmap_table(map: &BTreeMap<u32, u16>) -> Vec<u8> {
    // Runs of consecutive code points with consecutive glyph ids, each one segment.
    let mut runs: Vec<(u32, u32, u16)> = Vec::new();
    for (&code, &glyph) in map {
        match runs.last_mut() {
            Some((start, end, first))
                if *end + 1 == code && {
                    let step = code - *start;
                    u32::from(*first) + step == u32::from(glyph)
                } =>
            {
                *end = code;
            }
            _ => runs.push((code, code, glyph)),
        }
    }

    let mut format4 = Vec::new();
    let bmp: Vec<(u16, u16, u16)> = runs
        .iter()
        .filter(|(start, _, _)| *start < 0xFFFF)
        .map(|&(start, end, glyph)| (start as u16, end.min(0xFFFE) as u16, glyph))
        .chain(std::iter::once((0xFFFF, 0xFFFF, 0)))
        .collect();
    let segments = bmp.len() as u16;
    let words: [u16; 3] = {
        let [range, log, shift] = search_header(segments, 2);
        [range, log, shift]
    };
    let length = 16 + 8 * bmp.len();
    for value in [
        4,
        length as u16,
        0,
        segments * 2,
        words[0],
        words[1],
        words[2],
    ] {
        format4.extend_from_slice(&u16::to_be_bytes(value));
    }
    for &(_, end, _) in &bmp {
        format4.extend_from_slice(&end.to_be_bytes());
    }
    format4.extend_from_slice(&0u16.to_be_bytes());
    for &(start, _, _) in &bmp {
        format4.extend_from_slice(&start.to_be_bytes());
    }
    for &(start, end, glyph) in &bmp {
        // The 0xFFFF segment maps to .notdef: delta 1 wraps 0xFFFF to 0.
        let delta = if end == 0xFFFF {
            1
        } else {
            glyph.wrapping_sub(start)
        };
        format4.extend_from_slice(&delta.to_be_bytes());
    }
    for _ in &bmp {
        format4.extend_from_slice(&0u16.to_be_bytes());
    }

    let beyond_bmp = map.keys().any(|&c| c > 0xFFFF);
    let format12 = beyond_bmp.then(|| {
        let mut table = Vec::new();
        table.extend_from_slice(&12u16.to_be_bytes());
        table.extend_from_slice(&0u16.to_be_bytes());
        table.extend_from_slice(&((16 + 12 * runs.len()) as u32).to_be_bytes());
        table.extend_from_slice(&0u32.to_be_bytes());
        table.extend_from_slice(&(runs.len() as u32).to_be_bytes());
        for &(start, end, glyph) in &runs {
            table.extend_from_slice(&start.to_be_bytes());
            table.extend_from_slice(&end.to_be_bytes());
            table.extend_from_slice(&u32::from(glyph).to_be_bytes());
        }
        table
    });

    let records: Vec<(u16, &[u8])> = std::iter::once((1u16, format4.as_slice()))
        .chain(format12.as_deref().map(|t| (10u16, t)))
        .collect();
    let mut cmap = Vec::new();
    cmap.extend_from_slice(&0u16.to_be_bytes());
    cmap.extend_from_slice(&(records.len() as u16).to_be_bytes());
    let mut offset = 4 + 8 * records.len();
    for (encoding, table) in &records {
        cmap.extend_from_slice(&3u16.to_be_bytes());
        cmap.extend_from_slice(&encoding.to_be_bytes());
        cmap.extend_from_slice(&(offset as u32).to_be_bytes());
        offset += table.len();
    }
    for (_, table) in &records {
        cmap.extend_from_slice(table);
    }
    cmap
}

/// A `kern` table (version 0) of one horizontal format 0 subtable with `pairs`. A subtable's
/// length is 16 bits, which holds 10 920 pairs: far more than the pairs among the glyphs one
/// document uses (Liberation Sans has fewer in all), the rest would be dropped.
fn kern_table(mut pairs: Vec<(u16, u16, i16)>) -> Vec<u8> {
    pairs.sort_unstable_by_key(|&(left, right, _)| (left, right));
    pairs.truncate((usize::from(u16::MAX) - 14) / 6);
    let count = pairs.len() as u16;
    let mut kern = Vec::with_capacity(18 + 6 * pairs.len());
    let [range, log, shift] = search_header(count, 6);
    for value in [0, 1, 0, 14 + 6 * count, 0x0001, count, range, log, shift] {
        kern.extend_from_slice(&u16::to_be_bytes(value));
    }
    for (left, right, value) in pairs {
        kern.extend_from_slice(&left.to_be_bytes());
        kern.extend_from_slice(&right.to_be_bytes());
        kern.extend_from_slice(&value.to_be_bytes());
    }
    kern
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::{SANS_BOLD, SANS_REGULAR};

    #[test]
    fn base64_matches_rfc_4648() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded);
        }
    }

    /// Latin, Hebrew, digits, the minus sign and the ellipsis the layout writes, kerning pairs,
    /// and accented letters, which are composite glyphs in Liberation Sans (Ü, ï, é).
    const TEXT: &str = "AVATAR To Ty Wait 14/5 min (−4.5) … Ünïcødé שלום, המתנה בתור 3 ימים □";

    /// A glyph's outline as path commands, to compare glyphs point by point.
    fn outline(face: &ttf_parser::Face<'_>, glyph: GlyphId) -> String {
        struct Path(String);
        impl ttf_parser::OutlineBuilder for Path {
            fn move_to(&mut self, x: f32, y: f32) {
                self.0 += &format!("M{x} {y}");
            }
            fn line_to(&mut self, x: f32, y: f32) {
                self.0 += &format!("L{x} {y}");
            }
            fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
                self.0 += &format!("Q{x1} {y1} {x} {y}");
            }
            fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
                self.0 += &format!("C{x1} {y1} {x2} {y2} {x} {y}");
            }
            fn close(&mut self) {
                self.0 += "Z";
            }
        }
        let mut path = Path(String::new());
        face.outline_glyph(glyph, &mut path);
        path.0
    }

    #[test]
    fn the_subset_maps_every_character_to_the_same_advance_and_kerning() {
        let chars: BTreeSet<char> = TEXT.chars().collect();
        for full in [SANS_REGULAR, SANS_BOLD] {
            let cut = subset(full, &chars).expect("subsets");
            let whole = ttf_parser::Face::parse(full, 0).expect("the bundled font parses");
            let part = ttf_parser::Face::parse(&cut, 0).expect("the subset parses");
            assert_eq!(part.units_per_em(), whole.units_per_em());
            assert_eq!(part.ascender(), whole.ascender());
            assert_eq!(part.descender(), whole.descender());
            for c in chars.iter().copied().chain([' ']) {
                let old = whole.glyph_index(c).expect("the bundled font has it");
                let new = part
                    .glyph_index(c)
                    .unwrap_or_else(|| panic!("{c:?} is not mapped"));
                assert_ne!(new.0, 0, "{c:?} maps to .notdef");
                assert_eq!(
                    part.glyph_hor_advance(new),
                    whole.glyph_hor_advance(old),
                    "{c:?}"
                );
                assert_eq!(
                    outline(&part, new),
                    outline(&whole, old),
                    "{c:?}: another outline"
                );
            }
            // The pairs the layout kerned (ab_glyph reads `kern`) kern alike in the subset.
            let kern = |face: &ttf_parser::Face<'_>, a: char, b: char| {
                let (a, b) = (face.glyph_index(a)?, face.glyph_index(b)?);
                face.tables()
                    .kern?
                    .subtables
                    .into_iter()
                    .filter(|t| t.horizontal && !t.variable)
                    .find_map(|t| t.glyphs_kerning(a, b))
            };
            let mut kerned = 0;
            for a in chars.iter().copied() {
                for b in chars.iter().copied() {
                    assert_eq!(kern(&part, a, b), kern(&whole, a, b), "{a:?}{b:?}");
                    kerned += usize::from(kern(&whole, a, b).is_some_and(|v| v != 0));
                }
            }
            assert!(
                kerned > 5,
                "only {kerned} kerned pairs: the test text lost its point"
            );
            // Liberation Sans has no U+FFFD: the replacement draws the white square.
            assert_eq!(whole.glyph_index(REPLACEMENT), None);
            assert_eq!(part.glyph_index(REPLACEMENT), part.glyph_index(MISSING));
            // A character that was not asked for is not there.
            assert_eq!(part.glyph_index('Q'), None);
            assert!(
                cut.len() * 20 < full.len(),
                "{} bytes of {}",
                cut.len(),
                full.len()
            );
        }
    }

    #[test]
    fn the_subset_is_a_sound_font_file() {
        let chars: BTreeSet<char> = TEXT.chars().collect();
        let cut = subset(SANS_REGULAR, &chars).expect("subsets");
        // The whole file sums to the magic number once head.checkSumAdjustment is in.
        assert_eq!(checksum(&cut), 0xB1B0_AFBA);
        let tables = table_directory(&cut).expect("a table directory");
        let count = read_u16(&cut, 4).expect("numTables");
        for i in 0..usize::from(count) {
            let record = 12 + 16 * i;
            let tag: [u8; 4] = cut[record..record + 4].try_into().expect("a tag");
            let stored = read_u32(&cut, record + 4).expect("a checksum");
            let mut body = tables[&tag].clone();
            if &tag == b"head" {
                body[8..12].fill(0);
            }
            assert_eq!(stored, checksum(&body), "{}", String::from_utf8_lossy(&tag));
        }
        let names: Vec<&[u8; 4]> = tables.keys().collect();
        for required in [
            b"cmap", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp", b"name", b"OS/2",
            b"post", b"kern",
        ] {
            assert!(
                names.contains(&required),
                "{:?}",
                String::from_utf8_lossy(required)
            );
        }
        assert!(!names.contains(&b"GPOS"), "kerning twice in browsers");
    }

    #[test]
    fn characters_beyond_the_bmp_get_a_format_12_subtable() {
        let map = BTreeMap::from([(0x41, 3), (0x42, 4), (0x5D0, 9), (0x1F600, 7), (0x1F601, 8)]);
        let data = cmap_table(&map);
        let cmap = ttf_parser::cmap::Table::parse(&data).expect("the cmap parses");
        let formats: Vec<ttf_parser::cmap::Format<'_>> =
            cmap.subtables.into_iter().map(|t| t.format).collect();
        assert!(matches!(
            formats[0],
            ttf_parser::cmap::Format::SegmentMappingToDeltaValues(_)
        ));
        assert!(matches!(
            formats[1],
            ttf_parser::cmap::Format::SegmentedCoverage(_)
        ));
        for table in cmap.subtables {
            for (&code, &glyph) in &map {
                if code <= 0xFFFF || table.encoding_id == 10 {
                    assert_eq!(table.glyph_index(code), Some(GlyphId(glyph)), "{code:x}");
                }
            }
            assert_eq!(table.glyph_index(0x43), None);
        }
    }

    #[test]
    fn svg_characters_are_counted_per_weight_with_references_decoded() {
        let svg = "<svg><title>Not drawn</title><text x=\"1\" font-size=\"9\">A &amp; B&#x5D0;</text>\
                   <text font-weight=\"bold\" x=\"2\">Z&lt;&#39;</text><rect/></svg>";
        let used = UsedChars::of_svg(svg);
        assert_eq!(used.regular, "A &B\u{5D0}".chars().collect());
        assert_eq!(used.bold, "Z<'".chars().collect());
    }

    #[test]
    fn html_characters_are_the_text_nodes_only() {
        let html = "<html><head><style>body { font: 1em X; }</style><title>T</title></head>\
                    <body class=\"qqq\"><!-- zzz --><h1 title=\"www\">Hi &quot;</h1>\n\
                    <svg><text>ש</text></svg><script>yyy</script></body></html>";
        let used = UsedChars::of_html(html);
        assert_eq!(used.regular, "THi \"ש".chars().collect());
        assert_eq!(used.bold, used.regular);
    }

    #[test]
    fn each_weight_that_draws_text_is_embedded_once() {
        let used = UsedChars {
            regular: "Wait".chars().collect(),
            bold: BTreeSet::new(),
        };
        let css = font_face_css(&used);
        assert_eq!(css.matches("@font-face").count(), 1);
        assert!(css.contains("font-weight: normal"));
        let both = font_face_css(&UsedChars {
            bold: "Wait".chars().collect(),
            ..used
        });
        assert_eq!(both.matches("@font-face").count(), 2);
        // Each face is a small fraction of the whole font's base64.
        assert!(both.len() < SANS_REGULAR.len() / 10, "{} bytes", both.len());
    }
}
