//! Diagnostics as data.
//!
//! A [`Diagnostic`] knows nothing about how it is printed: a code, a message, a primary span,
//! optional secondary spans and a help line. [`crate::report`] prints them, for people and
//! for tools.

pub mod text;

use std::ops::Range;

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
