//! Diagnostics as data, and their printers.
//!
//! A [`Diagnostic`] knows nothing about how it is printed: a code, a message, a primary span,
//! optional secondary spans and a help line. [`human`] draws them with miette for people;
//! [`machine`] prints the same data as JSON lines, SARIF 2.1.0 or GitHub workflow commands.

pub mod human;
pub mod machine;

use std::ops::Range;

use crate::source::SourceFile;

pub use human::{Style, render_human};

/// One problem found in a spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable machine-readable code, e.g. `unknown-input`.
    pub code: &'static str,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The primary location and its label.
    pub label: Option<(Range<usize>, String)>,
    /// Further locations that explain the problem.
    pub related: Vec<(Range<usize>, String)>,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            message: message.into(),
            label: None,
            related: Vec::new(),
            help: None,
        }
    }

    pub fn with_label(mut self, at: Range<usize>, text: impl Into<String>) -> Diagnostic {
        self.label = Some((at, text.into()));
        self
    }

    pub fn with_related(mut self, at: Range<usize>, text: impl Into<String>) -> Diagnostic {
        self.related.push((at, text.into()));
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// The primary byte offset, for sorting and for line:col output.
    pub fn offset(&self) -> usize {
        self.label.as_ref().map(|(r, _)| r.start).unwrap_or(0)
    }
}

/// Where a span is, for printers that speak lines and columns (1-based, in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl Position {
    pub fn of(file: &SourceFile, span: &Range<usize>) -> Position {
        let (line, column) = file.line_col(span.start);
        let (end_line, end_column) = file.line_col(span.end.max(span.start));
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
