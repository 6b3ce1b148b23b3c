//! Lambda runtimes and their end-of-support dates, as data.
//!
//! Source: AWS Lambda developer guide, "Lambda runtimes", the supported-runtimes table
//! (columns Deprecation date, Block function create, Block function update), read 2026-11-22.
//! After "block function create" a fresh `terraform apply` fails, so a spec on such a runtime
//! is an error; after deprecation it still deploys, so it is a warning.

use crate::kinds::lambda::Runtime;

/// Where the dates come from, for messages.
pub const SOURCE: &str = "AWS Lambda developer guide, \"Lambda runtimes\" (read 2026-11-22)";

/// One runtime's support dates (ISO `YYYY-MM-DD`, compared as text) and its successor.
#[derive(Debug, Clone, Copy)]
pub struct Support {
    pub runtime: Runtime,
    pub deprecated: &'static str,
    pub block_create: &'static str,
    pub block_update: &'static str,
    /// The runtime to move to.
    pub replacement: &'static str,
}

/// Every runtime pipelinec renders for, each accepted by the pinned AWS provider (5.100.0).
pub const TABLE: &[Support] = &[
    Support {
        runtime: Runtime::Nodejs20,
        deprecated: "2026-04-30",
        block_create: "2026-06-01",
        block_update: "2026-07-01",
        replacement: "nodejs22.x",
    },
    Support {
        runtime: Runtime::Nodejs22,
        deprecated: "2027-04-30",
        block_create: "2027-06-01",
        block_update: "2027-07-01",
        replacement: "a newer Node.js runtime",
    },
    Support {
        runtime: Runtime::Python312,
        deprecated: "2028-10-31",
        block_create: "2028-11-30",
        block_update: "2029-01-10",
        replacement: "python3.13",
    },
    Support {
        runtime: Runtime::Python313,
        deprecated: "2029-06-30",
        block_create: "2029-07-31",
        block_update: "2029-08-31",
        replacement: "a newer Python runtime",
    },
    Support {
        runtime: Runtime::Java21,
        deprecated: "2029-06-30",
        block_create: "2029-07-31",
        block_update: "2029-08-31",
        replacement: "a newer Java runtime",
    },
    Support {
        runtime: Runtime::ProvidedAl2023,
        deprecated: "2029-06-30",
        block_create: "2029-07-31",
        block_update: "2029-08-31",
        replacement: "the next Amazon Linux custom runtime",
    },
];

/// The support dates of a runtime.
pub fn support(runtime: Runtime) -> &'static Support {
    TABLE
        .iter()
        .find(|s| s.runtime == runtime)
        .expect("every runtime has a row (tested)")
}

/// Where a runtime stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Supported,
    /// Past its deprecation date: still deploys, no more security patches.
    Deprecated,
    /// Past its block-create date: a new function cannot use it.
    Blocked,
}

/// The status of `runtime` on `today` (`YYYY-MM-DD`).
pub fn status(runtime: Runtime, today: &str) -> Status {
    let s = support(runtime);
    if today >= s.block_create {
        Status::Blocked
    } else if today >= s.deprecated {
        Status::Deprecated
    } else {
        Status::Supported
    }
}

/// Today's date (UTC) as `YYYY-MM-DD`, or `PIPELINEC_TODAY` when set (tests pin the day).
pub fn today() -> String {
    if let Ok(day) = std::env::var("PIPELINEC_TODAY") {
        return day;
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_date((secs / 86_400) as i64)
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_runtime_has_ordered_dates() {
        for s in TABLE {
            assert!(s.deprecated < s.block_create && s.block_create < s.block_update);
        }
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(20_779), "2026-11-22");
        assert_eq!(status(Runtime::Nodejs20, "2026-05-15"), Status::Deprecated);
        assert_eq!(status(Runtime::Nodejs20, "2026-06-01"), Status::Blocked);
        assert_eq!(status(Runtime::Nodejs22, "2026-11-22"), Status::Supported);
    }
}
