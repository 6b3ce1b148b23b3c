//! Human output: miette reports with the snippet, labels and help.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};

use super::Diagnostic;
use crate::source::SourceFile;

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
