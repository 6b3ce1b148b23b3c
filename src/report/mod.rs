//! Printing diagnostics: for people ([`human`], through miette) and for tools
//! ([`machine`]: JSON lines, SARIF, GitHub annotations), with positions in lines and columns.

use std::ops::Range;

use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;

pub mod human;
pub mod machine;

pub use human::{Style, render_human};

/// Where a span is, for printers that speak lines and columns (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl Position {
    /// Columns in characters (Unicode scalar values): what the human, JSON and GitHub outputs
    /// print.
    pub fn of(file: &SourceFile, span: &Range<usize>) -> Position {
        Position::with(span, |o| file.line_col(o))
    }

    /// Columns in UTF-16 code units: SARIF's default `columnKind`, which code-scanning viewers
    /// assume.
    pub fn utf16(file: &SourceFile, span: &Range<usize>) -> Position {
        Position::with(span, |o| file.line_col_utf16(o))
    }

    fn with(span: &Range<usize>, at: impl Fn(usize) -> (usize, usize)) -> Position {
        let (line, column) = at(span.start);
        let (end_line, end_column) = at(span.end.max(span.start));
        Position {
            line,
            column,
            end_line,
            end_column,
        }
    }
}

/// The diagnostics of one spec file.
pub struct FileReport<'a> {
    pub file: &'a SourceFile,
    pub diagnostics: &'a [Diagnostic],
}
