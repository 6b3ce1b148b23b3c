//! Checks and AWS names of a distribution: one site to serve by default, a certificate where
//! CloudFront can read it and the aliases it covers.

use super::Cdn;
use crate::diagnostic::Diagnostic;
use crate::model::ComponentId;
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::{BucketFor, Cx, KindRules, Origin, Usage, Use, error, rules};

/// Origin access control names: 1 to 64 characters.
const OAC_NAME: Rule = Rule::new(64, Charset::Printable).account_wide();

/// Response headers policy names: letters, digits, hyphens and underscores, up to 128.
const HEADERS_POLICY_NAME: Rule = Rule::new(128, Charset::WordDash).account_wide();

impl KindRules for Cdn {
    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        // An input that cannot be an origin is reported as an incompatible input already.
        let edges = cx.project.graph.incoming(id).count();
        if !cx.unresolved_inputs() && edges == cx.c.settings.inputs().len() {
            let sites: Vec<&str> = cx
                .project
                .graph
                .incoming(id)
                .filter(|e| {
                    rules(&cx.project.component(&e.from).settings).origin() == Some(Origin::Files)
                })
                .map(|e| e.from.as_str())
                .collect();
            if sites.len() != 1 {
                let (message, label) = match sites.as_slice() {
                    [] => (
                        format!("cdn `{id}` serves no static site"),
                        "no `static_site` here",
                    ),
                    _ => (
                        format!(
                            "cdn `{id}` serves {} static sites ({}); it serves exactly one",
                            sites.len(),
                            crate::semantic::list(sites.iter().copied())
                        ),
                        "one `static_site` here",
                    ),
                };
                out.push(error(
                    "cdn-site",
                    message,
                    cx.value_at("inputs"),
                    label,
                    "list exactly one `static_site` in `inputs`: its files answer every path; a \
                     second site needs a distribution of its own",
                ));
            }
        }
        if let Some(cert) = &self.certificate_arn
            && cert.split(':').nth(3) != Some("us-east-1")
        {
            out.push(error(
                "cdn-certificate-region",
                format!("the certificate of cdn `{id}` is not in us-east-1"),
                cx.value_at("certificate_arn"),
                "CloudFront cannot read this certificate",
                "CloudFront uses ACM certificates from us-east-1 only: request (or import) the \
                 certificate there",
            ));
        }
        if !self.aliases.is_empty() && self.certificate_arn.is_none() {
            out.push(error(
                "cdn-alias-without-certificate",
                format!("cdn `{id}` answers to domain names but has no certificate for them"),
                cx.value_at("aliases"),
                "needs a certificate",
                "set `certificate_arn` to an ACM certificate (in us-east-1) covering these names",
            ));
        }
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        let base = naming::base(project, id);
        let mut names = vec![
            AwsName::new("Origin access control", base.clone(), OAC_NAME),
            AwsName::new("Response headers policy", base, HEADERS_POLICY_NAME),
        ];
        if self.access_logs {
            names.push(AwsName::bucket(naming::bucket_stem(project, id, "logs")));
        }
        names
    }

    fn usage(&self) -> Vec<Use> {
        if self.access_logs {
            vec![Use::one(Usage::Buckets(BucketFor::Site))]
        } else {
            Vec::new()
        }
    }
}
