//! Bad input never panics: thousands of deterministic mutations of the example specs (deleted,
//! duplicated and swapped lines, cut text, stray characters) all end in `Ok` or diagnostics whose
//! labels lie inside the text, and valid mutants still render.

mod common;
use common::Rng;

use std::path::PathBuf;

use pipelinec::report::{Style, render_human};
use pipelinec::source::SourceFile;

const NOISE: [&str; 12] = [
    "", ":", "- ", "{", "}", "[", "'", "\"", "\t", "&a ", "*a", "!!int ",
];

fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    for _ in 0..1 + rng.below(3) {
        let n = lines.len();
        let i = rng.below(n);
        match rng.below(6) {
            0 => {
                lines.remove(i);
            }
            1 => {
                let copy = lines[i].clone();
                lines.insert(rng.below(n), copy);
            }
            2 => lines.swap(i, rng.below(n)),
            3 => {
                let line = &lines[i];
                let cut = rng.below(line.len() + 1);
                lines[i] = line.chars().take(cut).collect();
            }
            4 => {
                let line = lines[i].clone();
                let at = line
                    .char_indices()
                    .map(|(j, _)| j)
                    .nth(rng.below(line.chars().count() + 1))
                    .unwrap_or(line.len());
                lines[i] = format!(
                    "{}{}{}",
                    &line[..at],
                    NOISE[rng.below(NOISE.len())],
                    &line[at..]
                );
            }
            _ => lines[i] = format!("  {}", lines[i]),
        }
        if lines.is_empty() {
            break;
        }
    }
    lines.join("\n")
}

#[test]
fn mutated_specs_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut outcomes = (0, 0);
    for spec in common::example_specs() {
        let original = std::fs::read_to_string(&spec).unwrap();
        for round in 0..1500 {
            let text = mutate(&original, &mut rng);
            let file = SourceFile::new(spec.clone(), text.clone());
            let result = std::panic::catch_unwind(|| match pipelinec::check::check(&file) {
                Ok(project) => {
                    pipelinec::render::render(&project, std::path::Path::new("generated/mutant"))
                        .expect("a valid spec renders");
                    true
                }
                Err(diags) => {
                    assert!(!diags.is_empty());
                    for d in &diags {
                        if let Some((span, _)) = &d.label {
                            assert!(span.end <= file.text.len() && span.start <= span.end);
                            assert!(
                                file.text.is_char_boundary(span.start)
                                    && file.text.is_char_boundary(span.end)
                            );
                        }
                    }
                    render_human(&file, &diags, Style::plain());
                    false
                }
            });
            match result {
                Ok(true) => outcomes.0 += 1,
                Ok(false) => outcomes.1 += 1,
                Err(_) => {
                    let dump =
                        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("panicking-spec.yaml");
                    std::fs::write(&dump, &text).unwrap();
                    panic!(
                        "{} mutation {round} panicked; the input is in {}",
                        spec.display(),
                        dump.display()
                    );
                }
            }
        }
    }
    // Both paths were exercised.
    assert!(outcomes.0 > 50 && outcomes.1 > 500, "{outcomes:?}");
}
