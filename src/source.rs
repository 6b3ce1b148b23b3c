//! Reading a spec file: YAML text in, a JSON value plus a span for every node out.
//!
//! The JSON value is what the schema validator and serde see; the span map, keyed by JSON
//! pointer, is how every later diagnostic finds the exact key or value the user wrote.
//! We parse with saphyr because it is maintained and keeps positions on every node
//! (serde_yaml is deprecated and gives no positions for values).
//!
//! The loader is ours, over saphyr's event stream, so that hostile input cannot change what a
//! spec means or take the process down:
//! - nesting is bounded ([`MAX_DEPTH`]) for every YAML form, block or flow, before any
//!   recursive code (conversion, schema validation, serde, drop) sees the tree;
//! - a mapping key keeps the text the user typed (`TRUE`, `~`, `0x10` stay as written), and two
//!   keys that any reader could take for one (same text, same YAML value, same text after
//!   Unicode normalisation) are a `duplicate-key` error at the second;
//! - aliases are refused where they are used (a copied node would carry the anchor's spans);
//! - positions come from saphyr's character index, not its line and column, so every line
//!   ending YAML knows (LF, CRLF, lone CR) counts the same here as in the parser.

use std::borrow::Cow;
use std::ops::Range;
use std::path::{Path, PathBuf};

use saphyr::Scalar;
use saphyr_parser::{Event, Marker, Parser, ScalarStyle, Span, Tag};
use serde_json::{Map, Number, Value};
use unicode_normalization::UnicodeNormalization;

use crate::diagnostic::Diagnostic;

/// A hash map with foldhash (see Cargo.toml for why).
type HashMap<K, V> = foldhash::HashMap<K, V>;

/// How deeply collections may nest. A real spec needs 7 levels
/// (`sinks.<id>.tables.<t>.columns.<i>.name`); the bound keeps every recursive stage after the
/// loader far from the stack's end.
pub const MAX_DEPTH: usize = 64;

/// A spec file as read from disk.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user gave it; diagnostics print it as is.
    pub path: PathBuf,
    /// The file's text.
    pub text: String,
    /// Byte offset where each line starts; lines end at LF, CRLF or a lone CR, as in YAML.
    line_starts: Vec<usize>,
    /// Where the file stopped being UTF-8, if it did (the text holds U+FFFD from there on).
    not_utf8: Option<usize>,
    /// Byte offset, character index and UTF-16 index of every [`STRIDE`]th character, so a
    /// position converts between the three units in O(log n + STRIDE). Empty for ASCII text,
    /// where the three are equal.
    marks: Vec<(usize, usize, usize)>,
}

/// Characters between two entries of [`SourceFile::marks`].
const STRIDE: usize = 64;

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
    spans: HashMap<Box<str>, NodeSpan>,
}

impl Document {
    /// The same document holding `value`, a part of its own value (see
    /// [`crate::schema::salvage`]): every pointer left keeps its span.
    pub fn with_value(&self, value: Value) -> Document {
        Document {
            value,
            spans: self.spans.clone(),
        }
    }

    /// Forgets the spans of the node at `pointer` and of everything under it (a value an
    /// environment replaced or removed).
    pub fn forget(&mut self, pointer: &str) {
        let under = format!("{pointer}/");
        self.spans
            .retain(|p, _| p.as_ref() != pointer && !p.starts_with(under.as_str()));
    }

    /// Points `to` and everything under it at the spans of `from` and its descendants: a value
    /// an environment set is reported where the environment wrote it.
    pub fn graft(&mut self, from: &str, to: &str) {
        let under = format!("{from}/");
        let moved: Vec<(Box<str>, NodeSpan)> = self
            .spans
            .iter()
            .filter(|(p, _)| p.as_ref() == from || p.starts_with(under.as_str()))
            .map(|(p, span)| (format!("{to}{}", &p[from.len()..]).into(), span.clone()))
            .collect();
        self.spans.extend(moved);
    }

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
    let mut out = String::with_capacity(s.len());
    push_segment(&mut out, s);
    out
}

/// Appends `s` to `out`, escaped as a JSON pointer segment.
fn push_segment(out: &mut String, s: &str) {
    if !s.contains(['~', '/']) {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

impl SourceFile {
    /// Reads a spec from disk. A file that is not UTF-8 is still read (its bad bytes shown as
    /// U+FFFD), so that [`SourceFile::parse`] can say where it stops being text.
    pub fn read(path: &Path) -> std::io::Result<SourceFile> {
        Ok(SourceFile::from_bytes(
            path.to_path_buf(),
            std::fs::read(path)?,
        ))
    }

    /// Wraps bytes that should be UTF-8 text.
    pub fn from_bytes(path: PathBuf, bytes: Vec<u8>) -> SourceFile {
        match String::from_utf8(bytes) {
            Ok(text) => SourceFile::new(path, text),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                SourceFile {
                    not_utf8: Some(at),
                    ..SourceFile::new(path, text)
                }
            }
        }
    }

    /// Wraps text already in memory (tests, benchmarks, editors).
    pub fn new(path: PathBuf, text: String) -> SourceFile {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                b'\n' => line_starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => line_starts.push(i + 1),
                _ => {}
            }
        }
        let mut marks = Vec::new();
        if !text.is_ascii() {
            let (mut chars, mut units) = (0, 0);
            for (i, c) in text.char_indices() {
                if chars % STRIDE == 0 {
                    marks.push((i, chars, units));
                }
                chars += 1;
                units += c.len_utf16();
            }
            marks.push((text.len(), chars, units));
        }
        SourceFile {
            path,
            text,
            line_starts,
            not_utf8: None,
            marks,
        }
    }

    /// The directory relative paths in the spec are resolved against.
    pub fn base_dir(&self) -> PathBuf {
        match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    }

    /// `offset` moved back to the start of the character it falls in, and into the text.
    pub fn floor(&self, offset: usize) -> usize {
        let mut o = offset.min(self.text.len());
        while !self.text.is_char_boundary(o) {
            o -= 1;
        }
        o
    }

    /// The 0-based line holding byte `offset` (a binary search over line starts).
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset) - 1
    }

    /// How many lines the text has (a final line ending starts an empty last line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte range of 0-based `line`, without its line ending.
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let start = self.line_starts[line];
        let mut end = self
            .line_starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        let bytes = self.text.as_bytes();
        if end > start && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        start..end
    }

    /// (character index, UTF-16 index) of a byte offset on a character boundary.
    fn units(&self, offset: usize) -> (usize, usize) {
        if self.marks.is_empty() {
            return (offset, offset);
        }
        let i = self.marks.partition_point(|m| m.0 <= offset) - 1;
        let (byte, mut chars, mut units) = self.marks[i];
        for c in self.text[byte..offset].chars() {
            chars += 1;
            units += c.len_utf16();
        }
        (chars, units)
    }

    /// 1-based line and column of a byte offset, the column counted in characters (Unicode
    /// scalar values). Offsets inside a character count from that character's start.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.floor(offset);
        let line = self.line_of(offset);
        let col = self.units(offset).0 - self.units(self.line_starts[line]).0;
        (line + 1, col + 1)
    }

    /// 1-based line and column of a byte offset, the column counted in UTF-16 code units (what
    /// SARIF means by a column unless told otherwise).
    pub fn line_col_utf16(&self, offset: usize) -> (usize, usize) {
        let offset = self.floor(offset);
        let line = self.line_of(offset);
        let col = self.units(offset).1 - self.units(self.line_starts[line]).1;
        (line + 1, col + 1)
    }

    /// Byte offset of a saphyr marker (which counts characters from the start of the input).
    fn offset(&self, m: &Marker) -> usize {
        self.byte_of_char(m.index())
    }

    /// How many characters come before byte `offset` (on a character boundary).
    pub fn char_index(&self, offset: usize) -> usize {
        self.units(offset).0
    }

    /// Byte offset of the character with index `index` (the text's end past the last).
    pub fn byte_of_char(&self, index: usize) -> usize {
        if self.marks.is_empty() {
            return index.min(self.text.len());
        }
        let i = self.marks.partition_point(|mk| mk.1 <= index) - 1;
        let (byte, chars, _) = self.marks[i];
        self.text[byte..]
            .char_indices()
            .nth(index - chars)
            .map(|(j, _)| byte + j)
            .unwrap_or(self.text.len())
    }

    fn range(&self, span: &Span) -> Range<usize> {
        self.range_between(&span.start, &span.end)
    }

    fn range_between(&self, from: &Marker, to: &Marker) -> Range<usize> {
        let start = self.offset(from);
        let end = self.offset(to).max(start);
        // Trim a block node's trailing whitespace so labels end on the text; a node of nothing
        // but whitespace keeps its first character, so the label still has something to mark.
        let slice = &self.text[start..end];
        let mut len = slice.trim_end().len();
        if len == 0 {
            len = slice.chars().next().map_or(0, char::len_utf8);
        }
        start..start + len
    }

    /// Parses the YAML into a [`Document`], or says why it cannot.
    pub fn parse(&self) -> Result<Document, Vec<Diagnostic>> {
        if let Some(at) = self.not_utf8 {
            let end = at + self.text[at..].chars().next().map_or(0, char::len_utf8);
            return Err(vec![
                Diagnostic::new("not-utf8", "the spec file is not UTF-8 text")
                    .with_label(at..end, "this byte is not UTF-8")
                    .with_help("save the spec as UTF-8; YAML is Unicode text"),
            ]);
        }
        let mut loader = Loader {
            file: self,
            stack: Vec::new(),
            path: String::new(),
            roots: Vec::new(),
            // A spec has about one node per line: sized so, the map seldom grows.
            spans: HashMap::with_capacity_and_hasher(self.line_count(), Default::default()),
            errors: Vec::new(),
        };
        for event in Parser::new_from_str(&self.text) {
            let (event, span) = match event {
                Ok(e) => e,
                Err(e) => {
                    let at = self.offset(e.marker());
                    return Err(vec![
                        Diagnostic::new(
                            "yaml-syntax",
                            format!("this is not valid YAML: {}", e.info()),
                        )
                        .with_label(at..at, "here")
                        .with_help(
                            "fix the YAML syntax; `pipelinec` reads one YAML document per spec file",
                        ),
                    ]);
                }
            };
            loader.event(event, span).map_err(|d| vec![*d])?;
            if loader.roots.len() > 1 {
                break;
            }
        }
        let Loader {
            mut roots,
            spans,
            errors,
            ..
        } = loader;
        match roots.len() {
            0 => Err(vec![
                Diagnostic::new("empty-spec", "the spec file is empty")
                    .with_label(0..0, "nothing here")
                    .with_help("start from `pipelinec schema` or an example in `specs/`"),
            ]),
            1 if errors.is_empty() => Ok(Document {
                value: roots.pop().expect("one root").0,
                spans,
            }),
            1 => Err(errors),
            _ => Err(vec![
                Diagnostic::new(
                    "multiple-documents",
                    "a spec file must hold exactly one YAML document",
                )
                .with_label(roots[1].1.clone(), "a second document starts here")
                .with_help("split the documents into separate spec files"),
            ]),
        }
    }
}

/// A collection being built.
struct Open {
    /// The length of [`Loader::path`] without this collection's own segment: the path is cut
    /// back to it when the collection ends.
    parent_len: usize,
    /// Where it starts.
    start: Marker,
    /// Its key span, when it is a mapping value.
    key: Option<Range<usize>>,
    /// A collection used as a mapping key: refused once its extent is known.
    is_key: bool,
    body: Body,
}

enum Body {
    Sequence(Vec<Value>),
    Mapping {
        map: Map<String, Value>,
        /// Every key so far, under each of its identities (see [`identities`]): where it was,
        /// why the identity makes two keys one, and its text when that is not the identity.
        seen: HashMap<String, (Range<usize>, &'static str, Option<String>)>,
        /// The key whose value comes next.
        pending: Option<(String, Range<usize>)>,
    },
}

struct Loader<'a> {
    file: &'a SourceFile,
    stack: Vec<Open>,
    /// The JSON pointer of the node being read. One buffer, grown and cut back as the loader
    /// goes down and up the tree, so a node's pointer costs one allocation: its span map key.
    path: String,
    /// Completed documents: root value and root span.
    roots: Vec<(Value, Range<usize>)>,
    spans: HashMap<Box<str>, NodeSpan>,
    /// Problems that do not stop reading (duplicate keys), reported all at once.
    errors: Vec<Diagnostic>,
}

impl Loader<'_> {
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), Box<Diagnostic>> {
        match event {
            Event::Nothing
            | Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart(_)
            | Event::DocumentEnd => Ok(()),
            Event::Alias(_) => Err(Box::new(alias(self.file.range(&span)))),
            Event::Scalar(text, style, _, tag) => {
                let here = self.file.range(&span);
                if self.expecting_key() {
                    self.key(text, style, tag.as_deref(), here);
                    return Ok(());
                }
                let value = match Scalar::parse_from_cow_and_metadata(text, style, tag.as_ref()) {
                    Some(s) => scalar(s),
                    None => return Err(Box::new(bad_value(here))),
                };
                let (parent_len, key) = self.enter_child();
                self.finish(parent_len, key, value, here);
                Ok(())
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if self.stack.len() >= MAX_DEPTH {
                    return Err(Box::new(too_deep(self.file.range(&span))));
                }
                let is_key = self.expecting_key();
                let (parent_len, key) = if is_key {
                    (self.path.len(), None)
                } else {
                    self.enter_child()
                };
                let body = if matches!(event, Event::SequenceStart(..)) {
                    Body::Sequence(Vec::new())
                } else {
                    Body::Mapping {
                        map: Map::new(),
                        seen: HashMap::default(),
                        pending: None,
                    }
                };
                self.stack.push(Open {
                    parent_len,
                    start: span.start,
                    key,
                    is_key,
                    body,
                });
                Ok(())
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let open = self.stack.pop().expect("the parser balances collections");
                let here = self.file.range_between(&open.start, &span.start);
                if open.is_key {
                    return Err(Box::new(
                        Diagnostic::new("yaml-complex-key", "keys in a spec must be plain strings")
                            .with_label(here, "this key is a collection"),
                    ));
                }
                let value = match open.body {
                    Body::Sequence(items) => Value::Array(items),
                    Body::Mapping { map, .. } => Value::Object(map),
                };
                self.finish(open.parent_len, open.key, value, here);
                Ok(())
            }
        }
    }

    fn expecting_key(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Open {
                body: Body::Mapping { pending: None, .. },
                ..
            })
        )
    }

    /// Extends [`Loader::path`] to the node that comes next. Returns the path's length before,
    /// and the node's key span.
    fn enter_child(&mut self) -> (usize, Option<Range<usize>>) {
        use std::fmt::Write;
        let parent_len = self.path.len();
        let key = match self.stack.last() {
            None => None,
            Some(Open {
                body: Body::Sequence(items),
                ..
            }) => {
                write!(self.path, "/{}", items.len()).expect("writing to a String");
                None
            }
            Some(Open {
                body: Body::Mapping { pending, .. },
                ..
            }) => {
                let (name, key) = pending.as_ref().expect("a value follows its key");
                self.path.push('/');
                push_segment(&mut self.path, name);
                Some(key.clone())
            }
        };
        (parent_len, key)
    }

    /// Records a completed node, cuts the path back to its parent's, and adds the node to its
    /// parent (or as a document root).
    fn finish(
        &mut self,
        parent_len: usize,
        key: Option<Range<usize>>,
        value: Value,
        here: Range<usize>,
    ) {
        self.spans.insert(
            self.path.as_str().into(),
            NodeSpan {
                key,
                value: here.clone(),
            },
        );
        self.path.truncate(parent_len);
        match self.stack.last_mut() {
            None => self.roots.push((value, here)),
            Some(open) => match &mut open.body {
                Body::Sequence(items) => items.push(value),
                Body::Mapping { map, pending, .. } => {
                    let (name, _) = pending.take().expect("a value follows its key");
                    map.insert(name, value);
                }
            },
        }
    }

    /// A mapping key: kept as typed, and refused when it repeats an earlier key of the mapping.
    fn key(&mut self, text: Cow<'_, str>, style: ScalarStyle, tag: Option<&Tag>, at: Range<usize>) {
        let open = self.stack.last_mut().expect("keys are inside a mapping");
        let Body::Mapping { seen, pending, .. } = &mut open.body else {
            unreachable!("keys are inside a mapping")
        };
        let name = exact(text);
        let mut ids = identities(&name, style, tag);
        ids.dedup_by(|b, a| a.0 == b.0);
        let mut duplicate = None;
        for (identity, why) in &ids {
            if let Some((identity, (first_at, first_why, first))) = seen.get_key_value(identity) {
                let why = if why.is_empty() { *first_why } else { *why };
                let first = first.as_ref().unwrap_or(identity).clone();
                duplicate = Some((first, first_at.clone(), why));
                break;
            }
        }
        for (identity, why) in ids {
            let text = (identity != name).then(|| name.clone());
            seen.entry(identity)
                .or_insert_with(|| (at.clone(), why, text));
        }
        if let Some((first, first_at, why)) = duplicate {
            let place = if self.path.is_empty() {
                "the spec".to_string()
            } else {
                format!(
                    "`{}`",
                    self.path
                        .trim_start_matches('/')
                        .split('/')
                        .map(|s| s.replace("~1", "/").replace("~0", "~"))
                        .collect::<Vec<_>>()
                        .join(".")
                )
            };
            let message = if first == name {
                format!("key `{name}` appears twice in {place}")
            } else {
                format!("key `{name}` is the same key as `{first}` in {place}: {why}")
            };
            self.errors.push(
                Diagnostic::new("duplicate-key", message)
                    .with_label(at.clone(), "repeated here")
                    .with_related(first_at, "first here")
                    .with_help(
                        "a mapping holds each key once, and YAML readers keep only one of the \
                         two values; remove or rename one",
                    ),
            );
        }
        *pending = Some((name, at));
    }
}

/// The forms under which a key could be read, each with why two keys sharing it are one: its
/// text as typed, the value YAML resolves a plain key to (`true` and `True`, `0x10` and `16`,
/// `~` and `null`), and its Unicode NFC form (`é` precomposed or not).
fn identities(name: &str, style: ScalarStyle, tag: Option<&Tag>) -> Vec<(String, &'static str)> {
    let mut out = vec![(name.to_string(), "")];
    if style == ScalarStyle::Plain {
        let tag = tag.map(Cow::Borrowed);
        let resolved =
            match Scalar::parse_from_cow_and_metadata(Cow::Borrowed(name), style, tag.as_ref()) {
                Some(Scalar::Null) => Some("null".to_string()),
                Some(Scalar::Boolean(b)) => Some(b.to_string()),
                Some(Scalar::Integer(i)) => Some(i.to_string()),
                Some(Scalar::FloatingPoint(f)) => Some(f.to_string()),
                _ => None,
            };
        if let Some(r) = resolved {
            out.push((
                r,
                "YAML reads both as the same value; quote a key to keep it as text",
            ));
        }
    }
    // ASCII text is its own NFC form; most keys are ASCII.
    let nfc: String = if name.is_ascii() {
        String::new()
    } else {
        name.nfc().collect()
    };
    if !nfc.is_empty() && nfc != name {
        out.push((
            nfc,
            "they differ only in how their characters are composed (Unicode NFC)",
        ));
    }
    out
}

fn too_deep(at: Range<usize>) -> Diagnostic {
    Diagnostic::new(
        "too-deep",
        format!("the spec nests collections more than {MAX_DEPTH} levels deep"),
    )
    .with_label(at, format!("level {} starts here", MAX_DEPTH + 1))
    .with_help(format!(
        "pipelinec reads at most {MAX_DEPTH} levels of nested mappings and sequences \
         (a spec needs 7); flatten the value"
    ))
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

fn scalar(s: Scalar<'_>) -> Value {
    match s {
        Scalar::Null => Value::Null,
        Scalar::Boolean(b) => Value::Bool(b),
        Scalar::Integer(i) => Value::Number(i.into()),
        Scalar::FloatingPoint(f) => Number::from_f64(f.into_inner())
            .map(Value::Number)
            .unwrap_or_else(|| Value::String(f.to_string())),
        Scalar::String(s) => Value::String(exact(s)),
    }
}

/// The text as an owned string without spare capacity: the parser's own strings keep what they
/// grew by, and a spec holds one string per key and value.
fn exact(text: Cow<'_, str>) -> String {
    match text {
        Cow::Owned(s) if s.capacity() == s.len() => s,
        text => text.as_ref().to_owned(),
    }
}
