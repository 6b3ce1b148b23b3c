//! AWS Lambda's deployment package quotas, checked before Terraform uploads anything: a
//! package over them fails only at `terraform apply`, after the rest of the pipeline was
//! created.

use super::problem::Problem;

/// 50 MB: the largest zip Lambda takes uploaded directly (`filename`, as rendered).
pub const MAX_ZIPPED: u64 = 50 * 1024 * 1024;

/// 250 MB: the largest a function's code may be unzipped (layers included).
pub const MAX_UNZIPPED: u64 = 250 * 1024 * 1024;

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

/// The problem if `size` bytes of files exceed the unzipped quota.
pub fn unzipped(id: &str, size: u64, built: bool) -> Option<Problem> {
    (size > MAX_UNZIPPED).then(|| {
        Problem::new(
            "package-too-large",
            format!(
                "the package of lambda `{id}` is {} unzipped{}; Lambda allows {}",
                mb(size),
                if built { " after its build" } else { "" },
                mb(MAX_UNZIPPED)
            ),
            "too large for Lambda",
            "leave out what the function does not need (`.pipelinecignore`), or ship large \
             dependencies as a container image, which pipelinec does not render yet",
        )
    })
}

/// The problem if a zip of `size` bytes exceeds the direct-upload quota.
pub fn zipped(id: &str, size: u64) -> Option<Problem> {
    (size > MAX_ZIPPED).then(|| {
        Problem::new(
            "package-too-large",
            format!(
                "the package of lambda `{id}` is {} zipped; Lambda takes at most {} uploaded \
                 directly",
                mb(size),
                mb(MAX_ZIPPED)
            ),
            "too large to upload directly",
            "upload the package through S3 or move dependencies into Lambda layers (neither is \
             rendered by pipelinec yet), or leave out what the function does not need \
             (`.pipelinecignore`)",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_awss_byte_counts() {
        assert_eq!(MAX_ZIPPED, 52_428_800);
        assert_eq!(MAX_UNZIPPED, 262_144_000);
        assert!(zipped("f", MAX_ZIPPED).is_none());
        assert!(zipped("f", MAX_ZIPPED + 1).is_some());
        assert!(unzipped("f", MAX_UNZIPPED + 1, false).is_some());
    }
}
