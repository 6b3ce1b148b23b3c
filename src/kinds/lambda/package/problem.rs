//! A packaging problem, before it knows where in the spec it points: packaging runs in
//! `validate` (inside [`crate::check`]) and in `render`, and both attach the span of the
//! lambda's `code:` (or `build:`) value.

use crate::diagnostic::Diagnostic;
use crate::model::Component;

/// Which spec value a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    /// The `code:` value: the folder and what is in it.
    Code,
    /// The `build:` value (or `code:` when the spec sets no `build`): how it is built.
    Build,
}

/// One problem with a lambda's package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub code: &'static str,
    pub message: String,
    pub label: String,
    pub help: String,
    pub at: At,
}

impl Problem {
    pub fn new(
        code: &'static str,
        message: impl Into<String>,
        label: impl Into<String>,
        help: impl Into<String>,
    ) -> Problem {
        Problem {
            code,
            message: message.into(),
            label: label.into(),
            help: help.into(),
            at: At::Code,
        }
    }

    /// The same problem, pointed at `build:`.
    pub fn at_build(mut self) -> Problem {
        self.at = At::Build;
        self
    }

    /// The diagnostic, labelled at the lambda's `code:` (or `build:`) value.
    pub fn diagnostic(self, c: &Component) -> Diagnostic {
        let code = c.kept_span("code").unwrap_or_default();
        let at = match (self.at, c.kept_span("build")) {
            (At::Build, Some(build)) => build,
            _ => code,
        };
        Diagnostic::new(self.code, self.message)
            .with_label(at, self.label)
            .with_help(self.help)
    }
}

/// A path as messages show it: relative, with `/`, and lossy for names that are not UTF-8.
pub fn shown(rel: &std::path::Path) -> String {
    let text = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    if text.is_empty() { ".".into() } else { text }
}
