//! Reading a spec file: YAML text in, a JSON value plus a span for every node out.
//!
//! The JSON value is what the schema validator and serde see; the span map, keyed by JSON
//! pointer, is how every later diagnostic finds the exact key or value the user wrote.
//! We parse with saphyr because it is maintained and keeps positions on every node
//! (serde_yaml is deprecated and gives no positions for values).

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use saphyr::{LoadableYamlNode, MarkedYaml, Marker, Scalar, YamlData};
use serde_json::{Map, Number, Value};

use crate::diagnostic::Diagnostic;

/// A spec file as read from disk.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user gave it; diagnostics print it as is.
    pub path: PathBuf,
    /// The file's text.
    pub text: String,
    line_starts: Vec<usize>,
}

/// Where a node is: its key (for map entries) and its value, as byte ranges.
#[derive(Debug, Clone, Default)]
pub struct NodeSpan {
    pub key: Option<Range<usize>>,
    pub value: Range<usize>,
}

/// The parsed document: the value and, for each JSON pointer, where it came from.
#[derive(Debug, Clone)]
pub struct Document {
    pub value: Value,
    spans: HashMap<String, NodeSpan>,
}

impl Document {
    /// The span of the node at `pointer` (JSON pointer syntax, "" is the root).
    pub fn span(&self, pointer: &str) -> Option<&NodeSpan> {
        self.spans.get(pointer)
    }

    /// The value span of `pointer`, or of its nearest ancestor that has one.
    pub fn value_span(&self, pointer: &str) -> Range<usize> {
        self.nearest(pointer).value.clone()
    }

    /// The key span of `pointer` if it is a map entry, else its value span.
    pub fn key_span(&self, pointer: &str) -> Range<usize> {
        let node = self.nearest(pointer);
        node.key.clone().unwrap_or_else(|| node.value.clone())
    }

    fn nearest(&self, pointer: &str) -> &NodeSpan {
        let mut p = pointer;
        loop {
            if let Some(s) = self.spans.get(p) {
                return s;
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => return self.spans.get("").expect("root span is always recorded"),
            }
        }
    }
}

/// Escapes one JSON pointer segment (RFC 6901).
pub fn pointer_segment(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

impl SourceFile {
    /// Reads a spec from disk.
    pub fn read(path: &Path) -> std::io::Result<SourceFile> {
        let text = std::fs::read_to_string(path)?;
        Ok(SourceFile::new(path.to_path_buf(), text))
    }

    /// Wraps text already in memory (tests, benchmarks, editors).
    pub fn new(path: PathBuf, text: String) -> SourceFile {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            path,
            text,
            line_starts,
        }
    }

    /// The directory relative paths in the spec are resolved against.
    pub fn base_dir(&self) -> PathBuf {
        match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let col = self.text[start..offset.min(self.text.len())]
            .chars()
            .count();
        (line + 1, col + 1)
    }

    fn offset(&self, m: &Marker) -> usize {
        // saphyr markers count characters; miette wants bytes.
        let line = m.line().saturating_sub(1).min(self.line_starts.len() - 1);
        let start = self.line_starts[line];
        self.text[start..]
            .char_indices()
            .nth(m.col())
            .map(|(i, _)| start + i)
            .unwrap_or(self.text.len())
    }

    fn range(&self, span: &saphyr_parser::Span) -> Range<usize> {
        let start = self.offset(&span.start);
        let end = self.offset(&span.end).max(start);
        // Trim a block node's trailing whitespace so labels end on the text.
        let trimmed = self.text[start..end].trim_end().len();
        start..start + trimmed.max(if end > start { 1 } else { 0 })
    }

    /// Parses the YAML into a [`Document`].
    pub fn parse(&self) -> Result<Document, Box<Diagnostic>> {
        self.reject_aliases()?;
        let docs = MarkedYaml::load_from_str(&self.text).map_err(|e| {
            let at = self.offset(e.marker());
            Box::new(
                Diagnostic::new(
                    "yaml-syntax",
                    format!("this is not valid YAML: {}", e.info()),
                )
                .with_label(at..at, "here")
                .with_help(
                    "fix the YAML syntax; `pipelinec` reads one YAML document per spec file",
                ),
            )
        })?;
        let root = match docs.as_slice() {
            [] => {
                return Err(Box::new(
                    Diagnostic::new("empty-spec", "the spec file is empty")
                        .with_label(0..0, "nothing here")
                        .with_help("start from `pipelinec schema` or an example in `specs/`"),
                ));
            }
            [one] => one,
            [_, second, ..] => {
                let at = self.range(&second.span);
                return Err(Box::new(
                    Diagnostic::new(
                        "multiple-documents",
                        "a spec file must hold exactly one YAML document",
                    )
                    .with_label(at, "a second document starts here")
                    .with_help("split the documents into separate spec files"),
                ));
            }
        };
        let mut spans = HashMap::new();
        let value = self.convert(root, String::new(), None, &mut spans)?;
        Ok(Document { value, spans })
    }

    /// The loader copies an alias's anchored node, spans and all, so a problem in the copy would
    /// point at the anchor, not where it is used. Aliases are refused up front instead (only
    /// looked for when the text has a `*` at all, to keep the common path at one parse).
    fn reject_aliases(&self) -> Result<(), Box<Diagnostic>> {
        if !self.text.contains('*') {
            return Ok(());
        }
        for event in saphyr_parser::Parser::new_from_str(&self.text) {
            // Syntax errors are reported by the loader, with the same message.
            let Ok((event, span)) = event else {
                return Ok(());
            };
            if let saphyr_parser::Event::Alias(_) = event {
                return Err(Box::new(alias(self.range(&span))));
            }
        }
        Ok(())
    }

    fn convert(
        &self,
        node: &MarkedYaml<'_>,
        pointer: String,
        key: Option<Range<usize>>,
        spans: &mut HashMap<String, NodeSpan>,
    ) -> Result<Value, Box<Diagnostic>> {
        let here = self.range(&node.span);
        let value = match &node.data {
            YamlData::Value(s) => scalar(s),
            YamlData::Representation(text, style, tag) => {
                match Scalar::parse_from_cow_and_metadata(text.clone(), *style, tag.as_ref()) {
                    Some(s) => scalar(&s),
                    None => return Err(Box::new(bad_value(here))),
                }
            }
            YamlData::Sequence(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    out.push(self.convert(item, format!("{pointer}/{i}"), None, spans)?);
                }
                Value::Array(out)
            }
            YamlData::Mapping(map) => {
                let mut out = Map::new();
                for (k, v) in map {
                    let key_range = self.range(&k.span);
                    let name = match &k.data {
                        YamlData::Value(Scalar::String(s)) => s.to_string(),
                        YamlData::Value(Scalar::Integer(i)) => i.to_string(),
                        YamlData::Value(Scalar::Boolean(b)) => b.to_string(),
                        YamlData::Value(Scalar::Null) => "null".to_string(),
                        YamlData::Value(Scalar::FloatingPoint(f)) => f.to_string(),
                        YamlData::Representation(text, ..) => text.to_string(),
                        _ => {
                            return Err(Box::new(
                                Diagnostic::new(
                                    "yaml-complex-key",
                                    "keys in a spec must be plain strings",
                                )
                                .with_label(key_range, "this key is a collection"),
                            ));
                        }
                    };
                    let child = format!("{pointer}/{}", pointer_segment(&name));
                    let converted = self.convert(v, child, Some(key_range), spans)?;
                    out.insert(name, converted);
                }
                Value::Object(out)
            }
            YamlData::Tagged(_, inner) => {
                return self.convert(inner, pointer, key, spans);
            }
            YamlData::Alias(_) => return Err(Box::new(alias(here))),
            YamlData::BadValue => return Err(Box::new(bad_value(here))),
        };
        spans.insert(pointer, NodeSpan { key, value: here });
        Ok(value)
    }
}

fn alias(at: Range<usize>) -> Diagnostic {
    Diagnostic::new(
        "yaml-alias",
        "YAML aliases (`*name`) are not supported in a spec",
    )
    .with_label(at, "alias used here")
    .with_help("write the value out in full; specs are meant to be read top to bottom")
}

fn bad_value(at: Range<usize>) -> Diagnostic {
    Diagnostic::new("yaml-bad-value", "this YAML value cannot be read")
        .with_label(at, "unreadable value")
        .with_help("check the value's tag and quoting")
}

fn scalar(s: &Scalar<'_>) -> Value {
    match s {
        Scalar::Null => Value::Null,
        Scalar::Boolean(b) => Value::Bool(*b),
        Scalar::Integer(i) => Value::Number((*i).into()),
        Scalar::FloatingPoint(f) => Number::from_f64(f.into_inner())
            .map(Value::Number)
            .unwrap_or_else(|| Value::String(f.to_string())),
        Scalar::String(s) => Value::String(s.to_string()),
    }
}
