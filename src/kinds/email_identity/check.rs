//! Checks and AWS names of an SES identity: one kind of identity, a sender it can send from.

use super::{EmailIdentity, configuration_set};
use crate::diagnostic::Diagnostic;
use crate::model::{Component, ComponentId, Project};
use crate::monitor::{Alarm, Dim, Monitor, Statistic};
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::{Cx, KindRules, error};

/// SES configuration set names: 1 to 64 of letters, digits, `_` and `-`.
const CONFIGURATION_SET_NAME: Rule = Rule::new(64, Charset::WordDash);

/// Bounce rate above which the alarm fires: SES reviews an account at 5% and may pause its
/// sending at 10% (SES developer guide, "Amazon SES sending review process FAQs"); 2% leaves
/// time to act.
const BOUNCE_RATE_ALARM: f64 = 0.02;

/// Complaint rate above which the alarm fires: SES reviews an account at 0.1% and may pause it
/// at 0.5%; half the review level leaves time to act.
const COMPLAINT_RATE_ALARM: f64 = 0.0005;

impl KindRules for EmailIdentity {
    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        match (&self.domain, &self.email) {
            (Some(_), Some(_)) => out.push(error(
                "identity-kind",
                format!("email identity `{id}` gives both a `domain` and an `email`"),
                cx.key_at("email"),
                "one identity per component",
                "keep `domain` to send from any address of the domain, or `email` for one \
                 address; declare another `email_identity` for the other",
            )),
            (None, None) => out.push(error(
                "identity-kind",
                format!("email identity `{id}` gives neither a `domain` nor an `email`"),
                cx.component_at(),
                "what does it send from?",
                "add `domain: shop.example` or `email: orders@shop.example`",
            )),
            _ => {}
        }
        if let Some(from) = &self.from_address {
            match &self.domain {
                None => out.push(error(
                    "identity-from-address",
                    format!(
                        "email identity `{id}` sets `from_address` without a `domain`: an \
                         `email` identity sends from that address"
                    ),
                    cx.key_at("from_address"),
                    "only a domain identity takes a sender",
                    "remove `from_address`",
                )),
                Some(domain) if !from.to_ascii_lowercase().ends_with(&format!("@{}", domain.to_ascii_lowercase())) => out.push(error(
                    "identity-from-address",
                    format!(
                        "`from_address` `{from}` of email identity `{id}` is not in its domain `{domain}`"
                    ),
                    cx.value_at("from_address"),
                    "SES sends from the verified domain only",
                    &format!("use an address ending in `@{domain}`"),
                )),
                Some(_) => {}
            }
        }
        if self.email.is_some() && cx.is_set("dkim_key_length") {
            out.push(error(
                "identity-dkim",
                format!(
                    "email identity `{id}` sets `dkim_key_length`, but an address identity has \
                     no DKIM keys of its own"
                ),
                cx.key_at("dkim_key_length"),
                "only a domain identity signs with Easy DKIM",
                "remove `dkim_key_length`, or verify the domain with `domain:` instead",
            ));
        }
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        vec![AwsName::new(
            "SES configuration set",
            configuration_set(&naming::base(project, id)),
            CONFIGURATION_SET_NAME,
        )]
    }

    /// Bounce and complaint rates of what is sent through its configuration set (published
    /// because the set turns reputation metrics on): SES developer guide,
    /// "reputationdashboard-cloudwatch-alarm" for the metric names, and "Protect your
    /// reputation with email pausing and configuration set reputation metrics" (AWS Messaging
    /// blog) for their `ses:configuration-set` dimension. Both are rates from 0 to 1.
    fn monitors(&self, _project: &Project, c: &Component) -> Vec<Monitor> {
        let set = || {
            vec![(
                "ses:configuration-set",
                Dim::of(c.id.as_str(), "configuration_set_name"),
            )]
        };
        vec![
            Monitor::new(
                "bounce_rate",
                "bounce rate (0 to 1)",
                ("AWS/SES", "Reputation.BounceRate"),
                set(),
                Statistic::Maximum,
            )
            .alarm(Alarm::above(
                BOUNCE_RATE_ALARM,
                3,
                3,
                "More than 2% of the messages bounce: SES reviews the account at 5% and may pause its sending at 10%; check the addresses the workflow sends to.",
            )),
            Monitor::new(
                "complaint_rate",
                "complaint rate (0 to 1)",
                ("AWS/SES", "Reputation.ComplaintRate"),
                set(),
                Statistic::Maximum,
            )
            .alarm(Alarm::above(
                COMPLAINT_RATE_ALARM,
                3,
                3,
                "More than 0.05% of the recipients mark the messages as spam: SES reviews the account at 0.1% and may pause its sending at 0.5%.",
            )),
        ]
    }
}
