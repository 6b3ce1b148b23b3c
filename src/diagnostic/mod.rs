//! Diagnostics as data, and their printers.
//!
//! A [`Diagnostic`] knows nothing about how it is printed: a code, a message, a primary span,
//! optional secondary spans and a help line. [`human`] draws them with miette for people;
//! [`machine`] prints the same data as JSON lines, SARIF 2.1.0 or GitHub workflow commands.

pub mod human;
pub mod machine;
pub mod text;

use std::ops::Range;

use crate::source::SourceFile;

pub use human::{Style, render_human};

/// Whether a diagnostic stops the spec from being rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Severity {
    /// The spec is not valid: nothing is rendered, the exit status is 1.
    #[default]
    Error,
    /// The spec is valid and renders, but something needs attention soon (a runtime past its
    /// deprecation date); the exit status stays 0.
    Warning,
}

impl Severity {
    /// The name every output format uses (JSON `severity`, SARIF `level`, GitHub command).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem found in a spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable machine-readable code, e.g. `unknown-input`.
    pub code: &'static str,
    pub severity: Severity,
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
            severity: Severity::Error,
            message: message.into(),
            label: None,
            related: Vec::new(),
            help: None,
        }
    }

    /// A diagnostic that does not stop the render.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::new(code, message)
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
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

    /// "2 problems found", "1 problem found, 1 warning", "1 warning": what a list of
    /// diagnostics amounts to, for the summary line after them.
    pub fn summary(diags: &[Diagnostic]) -> String {
        let errors = diags.iter().filter(|d| d.is_error()).count();
        let warnings = diags.len() - errors;
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        match (errors, warnings) {
            (e, 0) => format!("{} found", plural(e, "problem")),
            (0, w) => plural(w, "warning"),
            (e, w) => format!("{} found, {}", plural(e, "problem"), plural(w, "warning")),
        }
    }

    /// The primary byte offset, for sorting and for line:col output.
    pub fn offset(&self) -> usize {
        self.label.as_ref().map(|(r, _)| r.start).unwrap_or(0)
    }
}

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
