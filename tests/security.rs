//! Security scan: checkov (from PyPI) finds no failed check in `generated/`, and every check
//! pipelinec skips carries a reason in the HCL and is listed in the README.
//!
//! checkov is found through `PIPELINEC_CHECKOV` (a path, as `.ci/run` sets it: checkov lives in
//! its own virtualenv) or on PATH. Without it the scan skips, unless `PIPELINEC_REQUIRE_TOOLS=1`.

mod common;

use std::collections::BTreeSet;
use std::process::Command;

fn checkov() -> Option<String> {
    let bin = std::env::var("PIPELINEC_CHECKOV").unwrap_or_else(|_| "checkov".to_string());
    common::optional_tool(
        &bin,
        &["--version"],
        "set PIPELINEC_CHECKOV or pip install checkov",
    )
    .then_some(bin)
}

#[test]
fn checkov_finds_no_failed_check_in_generated() {
    let Some(bin) = checkov() else {
        return;
    };
    let mut scanned = 0;
    for entry in std::fs::read_dir(common::root().join("generated")).unwrap() {
        let dir = entry.unwrap().path();
        let out = Command::new(&bin)
            .arg("-d")
            .arg(&dir)
            .args([
                "--framework",
                "terraform",
                "--download-external-modules",
                "false",
            ])
            .args(["--skip-download", "--compact", "--quiet", "-o", "json"])
            // Offline: no guideline download, and anything not on loopback fails at once.
            .env("BC_SKIP_MAPPING", "TRUE")
            .env("HTTPS_PROXY", "http://127.0.0.1:9")
            .env("HTTP_PROXY", "http://127.0.0.1:9")
            .env("NO_PROXY", "127.0.0.1")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let report: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| {
            panic!(
                "checkov output is not JSON ({e}):\n{text}\n{}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
        let summary = &report["summary"];
        assert_eq!(
            summary["failed"],
            0,
            "{}: {}",
            dir.display(),
            serde_json::to_string_pretty(&report["results"]["failed_checks"]).unwrap()
        );
        assert!(summary["passed"].as_u64().unwrap() > 50, "{summary}");
        scanned += 1;
    }
    assert!(scanned >= 1);
}

/// Every `checkov:skip=ID:reason` in the templates.
fn skips() -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for (name, text) in pipelinec::render::TEMPLATES {
        for line in text.lines() {
            if let Some(rest) = line.trim().strip_prefix("#checkov:skip=") {
                let (id, reason) = rest.split_once(':').unwrap_or((rest, ""));
                out.push((name.to_string(), id.to_string(), reason.trim().to_string()));
            }
        }
    }
    out
}

#[test]
fn every_skipped_check_has_a_reason_and_is_listed_in_the_readme() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let all = skips();
    assert!(!all.is_empty());
    let ids: BTreeSet<&str> = all.iter().map(|(_, id, _)| id.as_str()).collect();
    for (file, id, reason) in &all {
        assert!(
            reason.split_whitespace().count() >= 5,
            "{file}: {id} has no real reason"
        );
        assert!(
            !id.contains(','),
            "{file}: one check per skip line, so each has its own reason"
        );
    }
    for id in ids {
        assert!(
            readme.contains(&format!("`{id}`")),
            "README does not list skipped check {id}"
        );
    }
}
