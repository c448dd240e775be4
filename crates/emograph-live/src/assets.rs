//! The participant page's three files, compiled into the binary: nothing is read from disk or
//! fetched from the internet, and no path from a request can name a file.

pub const PAGE: &str = include_str!("assets/page.html");
pub const SCRIPT: &str = include_str!("assets/page.js");
pub const STYLE: &str = include_str!("assets/page.css");

/// The page for a session: the code goes into the two file addresses, the direction and
/// language onto `<html>` (so a Hebrew page is right to left before the script runs). All
/// three come from us (the code's alphabet, two fixed words each), never from the journey's
/// text, which the script inserts with `textContent`.
pub fn page(code: &str, direction: &str, language: &str) -> String {
    PAGE.replace("{{CODE}}", code)
        .replace("{{DIR}}", direction)
        .replace("{{LANG}}", language)
}
