//! Making spec text safe to print: a hostile spec must not be able to move the reviewer's
//! cursor, retitle their terminal, reorder a line with bidi controls, or hide characters.
//!
//! Every printer passes every string that can hold spec text through here: the human printer
//! and GitHub annotations through [`clean`], the JSON printers through [`json_safe`]. Long
//! strings are cut by [`elide`] so a megabyte value cannot become a megabyte message.

use std::borrow::Cow;

/// Characters that are never printed as themselves: C0 and C1 controls and DEL (`Cc`), format
/// characters such as bidi overrides, zero-width characters and the BOM (`Cf`), line and
/// paragraph separators (`Zl`, `Zp`), and every space other than U+0020 (`Zs`), which looks like
/// one but is not. The lists follow Unicode 15.1's general categories.
pub fn is_hidden(c: char) -> bool {
    matches!(c as u32,
        // Cc
        0x00..=0x1F | 0x7F..=0x9F
        // Zs other than U+0020
        | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x202F | 0x205F | 0x3000
        // Zl, Zp
        | 0x2028 | 0x2029
        // Cf
        | 0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x890..=0x891 | 0x8E2 | 0x180E
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF
        | 0xFFF9..=0xFFFB | 0x110BD | 0x110CD | 0x13430..=0x1343F | 0x1BCA0..=0x1BCA3
        | 0x1D173..=0x1D17A | 0xE0001 | 0xE0020..=0xE007F
    )
}

/// How a hidden character is shown: `\u{1b}`, as Rust writes it.
pub fn visible(c: char) -> String {
    format!("\\u{{{:x}}}", c as u32)
}

/// `s` with every [hidden](is_hidden) character shown as its escape: a line of output.
pub fn clean(s: &str) -> Cow<'_, str> {
    clean_with(s, |_| false)
}

/// [`clean`], keeping line breaks: text that is ours and laid out on several lines, with spec
/// values inside (a tab in a value is escaped, as in a one-line message).
pub fn clean_lines(s: &str) -> Cow<'_, str> {
    clean_with(s, |c| c == '\n')
}

/// [`clean`], keeping line breaks and tabs: the text of a file shown as it is (a diff).
pub fn clean_file_text(s: &str) -> Cow<'_, str> {
    clean_with(s, |c| c == '\n' || c == '\t')
}

fn clean_with(s: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(|c| is_hidden(c) && !keep(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_hidden(c) && !keep(c) {
            out.push_str(&visible(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Longest message, label or help printed whole, in characters.
pub const MAX_TEXT: usize = 1000;

/// `s` cut to at most about [`MAX_TEXT`] characters: its start and its end, with the number
/// of characters left out between them.
pub fn elide(s: &str) -> Cow<'_, str> {
    let n = s.chars().count();
    if n <= MAX_TEXT {
        return Cow::Borrowed(s);
    }
    let head: String = s.chars().take(MAX_TEXT * 2 / 3).collect();
    let tail_len = MAX_TEXT / 4;
    let tail: String = s.chars().skip(n - tail_len).collect();
    let cut = n - head.chars().count() - tail_len;
    Cow::Owned(format!("{head}…[{cut} characters]…{tail}"))
}

/// JSON text with every [hidden](is_hidden) character written as a `\u` escape. serde_json
/// escapes C0 controls itself; DEL, C1 controls, bidi overrides and the rest would otherwise
/// reach a terminal that prints the JSON. Replacing them in the serialised text is sound because JSON
/// allows such characters only inside strings, where `\uXXXX` means the same character.
pub fn json_safe(json: String) -> String {
    // Below DEL, serde_json has escaped them already, and the layout's own line breaks stay.
    let raw = |c: char| is_hidden(c) && c >= '\u{7f}';
    if !json.chars().any(raw) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if raw(c) {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_bidi_controls_become_visible() {
        assert_eq!(
            clean("a\u{1b}]0;x\u{7}\u{1b}[2J\u{202e}b\u{9b}c"),
            "a\\u{1b}]0;x\\u{7}\\u{1b}[2J\\u{202e}b\\u{9b}c"
        );
        assert_eq!(clean("plain text: `ok`"), "plain text: `ok`");
        assert_eq!(clean_lines("two\nlines\u{a0}"), "two\nlines\\u{a0}");
        // A tab inside a spec value quoted in help text is escaped; a file's text keeps it.
        assert_eq!(clean_lines("`a\tb`\nnext"), "`a\\u{9}b`\nnext");
        assert_eq!(clean_file_text("a\tb\u{1b}\n"), "a\tb\\u{1b}\n");
    }

    #[test]
    fn json_keeps_them_as_json_escapes() {
        let text = serde_json::to_string(&"\u{1b}[2J\u{7f}\u{202e}\u{85}\u{e0041}").unwrap();
        let safe = json_safe(text);
        assert_eq!(safe, r#""\u001b[2J\u007f\u202e\u0085\udb40\udc41""#);
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "\u{1b}[2J\u{7f}\u{202e}\u{85}\u{e0041}");
    }

    #[test]
    fn long_text_keeps_both_ends() {
        let long = format!("start{}end", "x".repeat(5000));
        let short = elide(&long);
        assert!(short.starts_with("start") && short.ends_with("end"));
        assert!(short.chars().count() < MAX_TEXT + 40);
        assert!(short.contains("characters]"));
    }
}
