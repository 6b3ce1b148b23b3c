//! Diagnostics as data, and their human rendering.
//!
//! A [`Diagnostic`] knows nothing about how it is printed: a code, a message, a primary span,
//! optional secondary spans and a help line. [`render_human`] turns a list of them into miette
//! reports; other printers (JSON, SARIF) can be added beside it from the same data.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};

use crate::source::SourceFile;

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

/// A diagnostic bound to its source, so miette can draw the snippet.
#[derive(Debug)]
struct Bound<'a> {
    diag: &'a Diagnostic,
    source: Arc<NamedSource<String>>,
    heading: String,
}

impl fmt::Display for Bound<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.heading)
    }
}

impl std::error::Error for Bound<'_> {}

impl miette::Diagnostic for Bound<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!("pipelinec::{}", self.diag.code)))
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.diag
            .help
            .as_ref()
            .map(|h| Box::new(h.as_str()) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.diag.label.as_ref().map(|_| &*self.source as _)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let (primary, text) = self.diag.label.as_ref()?;
        let first = LabeledSpan::new_primary_with_span(Some(text.clone()), span(primary));
        let rest = self
            .diag
            .related
            .iter()
            .map(|(r, t)| LabeledSpan::new_with_span(Some(t.clone()), span(r)));
        Some(Box::new(std::iter::once(first).chain(rest)))
    }
}

fn span(r: &Range<usize>) -> SourceSpan {
    SourceSpan::new(r.start.into(), r.end - r.start)
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
    let name = file.path.display().to_string();
    let source = Arc::new(NamedSource::new(name.clone(), file.text.clone()).with_language("yaml"));
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false);
    let mut out = String::new();
    for diag in diags {
        let heading = match &diag.label {
            Some((r, _)) => {
                let (line, col) = file.line_col(r.start);
                format!("{name}:{line}:{col}: {}", diag.message)
            }
            None => format!("{name}: {}", diag.message),
        };
        let bound = Bound {
            diag,
            source: source.clone(),
            heading,
        };
        // Writing into a String cannot fail.
        let _ = handler.render_report(&mut out, &bound);
        out.push('\n');
    }
    out
}
