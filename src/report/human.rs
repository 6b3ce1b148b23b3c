//! Human output: miette reports with the snippet, labels and help.
//!
//! miette never sees the spec itself, only an [`Excerpt`]: the few lines the labels touch, each
//! cut to a window of at most [`MAX_COLUMNS`] characters around its labels and with hidden
//! characters shown as escapes (see [`super::text`]). So a spec on one megabyte-long line, a
//! label past column 65,535 (beyond what Rust's formatter can pad to), a lone-CR line ending or
//! an escape sequence in a value all print as a short, inert snippet with the right line
//! numbers; and printing costs the size of the excerpt, not of the file.

use std::collections::BTreeSet;
use std::fmt;
use std::ops::Range;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use crate::diagnostic::Diagnostic;
use crate::diagnostic::text::{clean, clean_lines, elide, is_hidden, visible};
use crate::source::SourceFile;

/// Widest snippet line, in characters of the spec; longer lines show a window around their
/// labels, with `…` where they were cut.
pub const MAX_COLUMNS: usize = 120;

/// Labels spanning more lines than this are drawn on their first line only.
pub const MAX_LABEL_LINES: usize = 6;

/// Lines of context miette shows around a label.
const CONTEXT: usize = 1;

/// A diagnostic ready for miette: printable texts and spans into its excerpt.
#[derive(Debug)]
struct Bound {
    code: String,
    severity: crate::diagnostic::Severity,
    heading: String,
    help: Option<String>,
    labels: Vec<(Range<usize>, String)>,
    excerpt: Excerpt,
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.heading)
    }
}

impl std::error::Error for Bound {}

impl miette::Diagnostic for Bound {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            crate::diagnostic::Severity::Error => miette::Severity::Error,
            crate::diagnostic::Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h.as_str()) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        if self.labels.is_empty() {
            None
        } else {
            Some(&self.excerpt)
        }
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            return None;
        }
        Some(Box::new(self.labels.iter().enumerate().map(
            |(i, (r, t))| {
                let span = SourceSpan::new(r.start.into(), r.end - r.start);
                if i == 0 {
                    LabeledSpan::new_primary_with_span(Some(t.clone()), span)
                } else {
                    LabeledSpan::new_with_span(Some(t.clone()), span)
                }
            },
        )))
    }
}

/// How human output is drawn.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Use colours and unicode art (a terminal) or plain ASCII-safe text (files, tests).
    pub color: bool,
    /// Wrap width.
    pub width: usize,
}

impl Style {
    /// Stable output for snapshots and pipes.
    pub fn plain() -> Style {
        Style {
            color: false,
            width: 100,
        }
    }
}

/// Renders diagnostics the way `pipelinec validate` prints them: one miette report each, with
/// `path:line:col` in the heading so editors and terminals can jump to it.
pub fn render_human(file: &SourceFile, diags: &[Diagnostic], style: Style) -> String {
    let name = clean(&file.path.display().to_string()).into_owned();
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
        .with_context_lines(CONTEXT);
    let mut out = String::new();
    for diag in diags {
        let message = clean(&elide(&diag.message)).into_owned();
        let heading = match &diag.label {
            Some((r, _)) => {
                let (line, col) = file.line_col(r.start);
                format!("{name}:{line}:{col}: {message}")
            }
            None => format!("{name}: {message}"),
        };
        let spans: Vec<Range<usize>> = diag
            .label
            .iter()
            .chain(&diag.related)
            .map(|(r, _)| r.clone())
            .collect();
        let (excerpt, mapped) = Excerpt::new(file, &name, &spans);
        let labels = mapped
            .into_iter()
            .zip(diag.label.iter().chain(&diag.related))
            .map(|(r, (_, text))| (r, clean(&elide(text)).into_owned()))
            .collect();
        let bound = Bound {
            code: format!("pipelinec::{}", diag.code),
            severity: diag.severity,
            heading,
            help: diag
                .help
                .as_ref()
                .map(|h| clean_lines(&elide(h)).into_owned()),
            labels,
            excerpt,
        };
        // Writing into a String cannot fail.
        let _ = handler.render_report(&mut out, &bound);
        out.push('\n');
    }
    out
}

/// The lines of a spec a diagnostic shows, made safe to print, as the only source miette reads.
#[derive(Debug)]
struct Excerpt {
    name: String,
    /// The excerpt lines joined by `\n`.
    text: String,
    lines: Vec<ExcerptLine>,
}

#[derive(Debug)]
struct ExcerptLine {
    /// 0-based line number in the spec.
    line: usize,
    /// Where the line starts in the excerpt text.
    start: usize,
    /// Byte range of the window within the spec.
    window: Range<usize>,
    /// Byte offset in the spec → byte offset in the excerpt, for each character of the window
    /// and for the window's end; with the character's column in the spec.
    map: Vec<(usize, usize, usize)>,
}

impl ExcerptLine {
    /// The excerpt offset of spec offset `at` (clamped into the window).
    fn excerpt_offset(&self, at: usize) -> usize {
        let at = at.clamp(self.window.start, self.window.end);
        let i = self.map.partition_point(|m| m.0 <= at) - 1;
        self.map[i].1
    }

    /// The spec column (0-based, characters) of excerpt offset `at`.
    fn column(&self, at: usize) -> usize {
        let i = self.map.partition_point(|m| m.1 <= at).max(1) - 1;
        self.map[i].2
    }
}

impl Excerpt {
    /// The excerpt for labels at `spans`, and the spans moved into it.
    fn new(file: &SourceFile, name: &str, spans: &[Range<usize>]) -> (Excerpt, Vec<Range<usize>>) {
        // Clamp each span into the text, onto character boundaries, and onto its first line
        // when it runs over too many.
        let spans: Vec<(Range<usize>, usize, usize)> = spans
            .iter()
            .map(|r| {
                let start = file.floor(r.start);
                let mut end = file.floor(r.end.max(r.start)).max(start);
                let first = file.line_of(start);
                let mut last = file.line_of(if end > start { end - 1 } else { start });
                if last + 1 - first > MAX_LABEL_LINES {
                    end = file.line_range(first).end.max(start);
                    last = first;
                }
                (start..end, first, last)
            })
            .collect();
        let mut wanted = BTreeSet::new();
        for (_, first, last) in &spans {
            let from = first.saturating_sub(CONTEXT);
            let to = (last + CONTEXT).min(file.line_count() - 1);
            wanted.extend(from..=to);
        }
        // The column each line's window is centred on: where a label starts on it (the primary
        // first), else that of the nearest line that has one.
        let mut focus: Vec<(usize, Option<usize>)> = wanted.iter().map(|&l| (l, None)).collect();
        for (r, first, last) in &spans {
            for (l, f) in focus.iter_mut() {
                if f.is_none() && (*l == *first || (*l == *last && r.end > r.start)) {
                    let at = if *l == *first { r.start } else { r.end };
                    *f = Some(file.line_col(at).1 - 1);
                }
            }
        }
        let known: Vec<(usize, usize)> = focus
            .iter()
            .filter_map(|(l, f)| f.map(|f| (*l, f)))
            .collect();
        let mut text = String::new();
        let mut lines = Vec::new();
        for (line, f) in focus {
            let f = f.unwrap_or_else(|| {
                known
                    .iter()
                    .min_by_key(|(l, _)| l.abs_diff(line))
                    .map_or(0, |(_, f)| *f)
            });
            if !lines.is_empty() {
                text.push('\n');
            }
            lines.push(excerpt_line(file, line, f, &mut text));
        }
        let find = |at: usize| {
            let line = file.line_of(at);
            lines
                .iter()
                .find(|l| l.line == line)
                .expect("every label line is in the excerpt")
        };
        let mapped = spans
            .iter()
            .map(|(r, _, _)| {
                let start = find(r.start).excerpt_offset(r.start);
                let end = if r.end > r.start {
                    find(r.end - 1).excerpt_offset(r.end)
                } else {
                    start
                };
                start..end.max(start)
            })
            .collect();
        let excerpt = Excerpt {
            name: name.to_string(),
            text,
            lines,
        };
        (excerpt, mapped)
    }
}

/// Appends the printable window of spec line `line`, centred near column `focus`. Reads only
/// the window, so the cost does not grow with the line's length.
fn excerpt_line(file: &SourceFile, line: usize, focus: usize, text: &mut String) -> ExcerptLine {
    let range = file.line_range(line);
    let first_char = file.char_index(range.start);
    let len = file.char_index(range.end) - first_char;
    let (from, to) = if len <= MAX_COLUMNS {
        (0, len)
    } else {
        let from = focus.saturating_sub(MAX_COLUMNS / 3);
        let to = (from + MAX_COLUMNS).min(len);
        (to.saturating_sub(MAX_COLUMNS), to)
    };
    let start = text.len();
    if from > 0 {
        text.push('…');
    }
    let window_start = file.byte_of_char(first_char + from);
    let mut map = Vec::with_capacity(to - from + 1);
    let mut end = window_start;
    for (i, (b, c)) in file.text[window_start..range.end]
        .char_indices()
        .take(to - from)
        .enumerate()
    {
        map.push((window_start + b, text.len(), from + i));
        if is_hidden(c) && c != '\t' {
            text.push_str(&visible(c));
        } else {
            text.push(c);
        }
        end = window_start + b + c.len_utf8();
    }
    map.push((end, text.len(), to));
    if to < len {
        text.push('…');
    }
    ExcerptLine {
        line,
        start,
        window: window_start..end,
        map,
    }
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        let first = self
            .lines
            .get(inner.line())
            .ok_or(MietteError::OutOfBounds)?;
        let column = if before == 0 {
            let at = span.offset();
            let line = &self.lines[self.lines.partition_point(|l| l.start <= at).max(1) - 1];
            line.column(at)
        } else {
            0
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            first.line,
            column,
            inner.line_count(),
        )))
    }
}
