//! Machine output of the same diagnostics: JSON lines for tools, SARIF 2.1.0 for code-scanning
//! upload, and GitHub Actions workflow commands for annotations on pull requests.

use serde_json::{Value, json};

use super::{FileReport, Position};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::text::{clean, elide, json_safe};

fn path(report: &FileReport<'_>) -> String {
    report.file.path.display().to_string()
}

/// One JSON object per line, per diagnostic. Columns count characters.
pub fn json_lines(reports: &[FileReport<'_>]) -> String {
    let mut out = String::new();
    for r in reports {
        for d in r.diagnostics {
            out.push_str(&diagnostic_json(r, d).to_string());
            out.push('\n');
        }
    }
    json_safe(out)
}

/// A message, label or help as the machine formats carry it: whole unless very long.
fn text(s: &str) -> String {
    elide(s).into_owned()
}

fn diagnostic_json(r: &FileReport<'_>, d: &Diagnostic) -> Value {
    let location = |span: &std::ops::Range<usize>, label: &str| {
        let p = Position::of(r.file, span);
        json!({
            "line": p.line,
            "column": p.column,
            "end_line": p.end_line,
            "end_column": p.end_column,
            "label": text(label),
        })
    };
    json!({
        "file": path(r),
        "severity": d.severity.as_str(),
        "code": d.code,
        "message": text(&d.message),
        "help": d.help.as_deref().map(text),
        "location": d.label.as_ref().map(|(s, l)| location(s, l)),
        "related": d.related.iter().map(|(s, l)| location(s, l)).collect::<Vec<_>>(),
    })
}

/// A SARIF 2.1.0 log with one run holding every result, and one rule per diagnostic code.
/// Columns count UTF-16 code units, SARIF's default `columnKind`.
pub fn sarif(reports: &[FileReport<'_>]) -> String {
    // A code has one severity (an error is never a warning elsewhere).
    let mut rules: Vec<(&'static str, &'static str)> = reports
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(|d| (d.code, d.severity.as_str())))
        .collect();
    rules.sort();
    rules.dedup_by_key(|(code, _)| *code);
    let region = |r: &FileReport<'_>, span: &std::ops::Range<usize>| {
        let p = Position::utf16(r.file, span);
        json!({
            "startLine": p.line,
            "startColumn": p.column,
            "endLine": p.end_line,
            "endColumn": p.end_column.max(if p.end_line == p.line { p.column } else { 1 }),
        })
    };
    let rules = &rules;
    let results: Vec<Value> = reports
        .iter()
        .flat_map(|r| {
            r.diagnostics.iter().map(move |d| {
                let mut message = text(&d.message);
                if let Some(h) = &d.help {
                    message.push_str(&format!("\nhelp: {}", text(h)));
                }
                let physical = |span: &std::ops::Range<usize>| {
                    json!({
                        "artifactLocation": { "uri": path(r) },
                        "region": region(r, span),
                    })
                };
                let mut result = json!({
                    "ruleId": d.code,
                    "ruleIndex": rules.iter().position(|(c, _)| *c == d.code).expect("rule listed"),
                    "level": d.severity.as_str(),
                    "message": { "text": message },
                    "locations": [ { "physicalLocation": match &d.label {
                        Some((span, _)) => physical(span),
                        None => json!({ "artifactLocation": { "uri": path(r) } }),
                    } } ],
                });
                if !d.related.is_empty() {
                    result["relatedLocations"] = d
                        .related
                        .iter()
                        .enumerate()
                        .map(|(i, (span, label))| {
                            json!({
                                "id": i,
                                "physicalLocation": physical(span),
                                "message": { "text": text(label) },
                            })
                        })
                        .collect();
                }
                result
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "pipelinec",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/pipelinec/pipelinec",
                "rules": rules.iter().map(|(c, level)| json!({
                    "id": c,
                    "name": c,
                    "shortDescription": { "text": format!("pipelinec {c}") },
                    "defaultConfiguration": { "level": level },
                })).collect::<Vec<_>>(),
            } },
            "columnKind": "utf16CodeUnits",
            "results": results,
        }],
    });
    let mut out = serde_json::to_string_pretty(&log).expect("SARIF serialises");
    out.push('\n');
    json_safe(out)
}

/// GitHub Actions workflow commands: one `::error` or `::warning` annotation per diagnostic. Columns count
/// characters. The runner's log shows the raw line, ANSI sequences included, so hidden
/// characters are shown as escapes, as in the human output.
pub fn github(reports: &[FileReport<'_>]) -> String {
    let mut out = String::new();
    for r in reports {
        for d in r.diagnostics {
            let mut props = vec![format!("file={}", property(&clean(&path(r))))];
            if let Some((span, _)) = &d.label {
                let p = Position::of(r.file, span);
                props.push(format!("line={}", p.line));
                props.push(format!("col={}", p.column));
                props.push(format!("endLine={}", p.end_line));
                props.push(format!("endColumn={}", p.end_column));
            }
            props.push(format!(
                "title={}",
                property(&format!("pipelinec {}", d.code))
            ));
            let mut message = clean(&text(&d.message)).into_owned();
            if let Some(h) = &d.help {
                message.push_str(&format!("\nhelp: {}", clean(&text(h))));
            }
            out.push_str(&format!(
                "::{} {}::{}\n",
                d.severity.as_str(),
                props.join(","),
                data(&message)
            ));
        }
    }
    out
}

/// Escapes a workflow-command message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow-command property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_escape_their_separators() {
        assert_eq!(data("50%\nnext"), "50%25%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
