//! HCL output helpers: string escaping and the `terraform fmt` alignment rule.
//!
//! Every string from a spec goes through [`quote`] (a whole literal) or [`template_literal`]
//! (a piece of a larger template string), which escape quotes, backslashes, control characters
//! and the template markers `${` and `%{`, so a spec can never inject HCL.

/// Escapes text for use inside an HCL quoted template string (without the quotes).
pub fn template_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            // Controls, bidi overrides, zero-width and odd spaces: escaped, so a reviewer
            // reading the file sees them (`\u202E`, `\u00A0`) and the value is unchanged.
            c if crate::diagnostic::text::is_hidden(c) => {
                if (c as u32) <= 0xFFFF {
                    out.push_str(&format!("\\u{:04X}", c as u32));
                } else {
                    out.push_str(&format!("\\U{:08X}", c as u32));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// An HCL quoted string literal holding exactly `s`.
pub fn quote(s: &str) -> String {
    format!("\"{}\"", template_literal(s))
}

/// Applies `terraform fmt`'s alignment: in each run of consecutive single-line attributes,
/// the `=` signs line up one space after the longest name. Lines that open a multi-line value,
/// comments and blank lines end a run.
pub fn align(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    // The current run of single-line attributes: (line, where its key ends).
    let mut run: Vec<(&str, usize)> = Vec::new();
    let flush = |run: &mut Vec<(&str, usize)>, out: &mut String| {
        let width = run.iter().map(|(_, k)| *k).max().unwrap_or(0);
        let aligned = run.len() > 1;
        for (line, k) in run.drain(..) {
            if aligned {
                let (key, rest) = line.split_at(k);
                out.push_str(key);
                out.extend(std::iter::repeat_n(' ', width - k + 1));
                out.push_str(rest.trim_start());
            } else {
                out.push_str(line.trim_end());
            }
            out.push('\n');
        }
    };
    for line in text.lines() {
        match single_line_attribute(line) {
            Some(key_end) => run.push((line, key_end)),
            None => {
                flush(&mut run, &mut out);
                out.push_str(line.trim_end());
                out.push('\n');
            }
        }
    }
    flush(&mut run, &mut out);
    if out.is_empty() {
        out.push('\n');
    }
    out
}

/// If `line` is `  key = value` with balanced brackets, the byte offset where the key ends.
fn single_line_attribute(line: &str) -> Option<usize> {
    let indent = line.len() - line.trim_start().len();
    let body = &line[indent..];
    let key_len = if let Some(rest) = body.strip_prefix('"') {
        let mut escaped = false;
        let mut end = None;
        for (i, c) in rest.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    end = Some(i + 2);
                    break;
                }
                _ => escaped = false,
            }
        }
        end?
    } else {
        body.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))?
    };
    if key_len == 0 {
        return None;
    }
    let after = body[key_len..].trim_start();
    if !after.starts_with('=') || after.starts_with("==") {
        return None;
    }
    if !balanced(&after[1..]) {
        return None;
    }
    Some(indent + key_len)
}

/// Whether brackets outside string literals balance on this line.
fn balanced(s: &str) -> bool {
    let mut depth = 0i32;
    let mut in_str = false;
    let mut escaped = false;
    for c in s.chars() {
        if in_str {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => in_str = false,
                _ => escaped = false,
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '{' | '[' | '(' => depth += 1,
            '}' | ']' | ')' => depth -= 1,
            '#' => break,
            _ => {}
        }
    }
    depth == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_that_could_inject() {
        assert_eq!(
            quote("a\"b\\c${x}%{y}\n$z%w"),
            r#""a\"b\\c$${x}%%{y}\n$z%w""#
        );
    }

    #[test]
    fn hidden_characters_are_escaped_not_printed() {
        assert_eq!(
            quote("\u{1b}[2J\u{202e}\u{a0}\u{3000}\u{2028}\u{e0041}"),
            r#""\u001B[2J\u202E\u00A0\u3000\u2028\U000E0041""#
        );
    }

    #[test]
    fn aligns_runs_like_terraform_fmt() {
        let src = "x {\n  a = 1\n  bcd = 2\n  list = [\n    1,\n  ]\n  zz = 5\n  y = 6\n}\n";
        let want = "x {\n  a   = 1\n  bcd = 2\n  list = [\n    1,\n  ]\n  zz = 5\n  y  = 6\n}\n";
        assert_eq!(align(src), want);
    }
}
