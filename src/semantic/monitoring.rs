//! The spec's `monitoring:` section against what its components offer, and the monitors that
//! result: each kind's ([`super::KindRules::monitors`]) with the spec's changes applied.

use crate::diagnostic::Diagnostic;
use crate::model::{Component, ComponentId, Project};
use crate::monitor::{Alarm, Monitor, window_limit};
use crate::naming::{Charset, Rule};
use crate::source::{Document, pointer_segment};
use crate::spec::AlarmSettings;
use crate::suggest;

use super::{list, rules};

/// CloudWatch dashboard names: up to 255 letters, digits, `-` and `_`.
pub const DASHBOARD: Rule = Rule::new(255, Charset::WordDash);
/// CloudWatch alarm names: up to 255 characters.
pub const ALARM: Rule = Rule::new(255, Charset::WordDash);
/// SNS topic names: up to 256 letters, digits, `-` and `_`.
pub const SNS_TOPIC: Rule = Rule::new(256, Charset::WordDash);

/// The Terraform module name of the dashboard and alarms, beside the components' modules.
pub const MODULE: &str = "monitoring";

/// The dashboard's name: the project's.
pub fn dashboard_name(project: &str) -> String {
    project.to_string()
}

/// The alarm topic's name (and its key's alias, after `alias/`).
pub fn topic_name(project: &str) -> String {
    format!("{project}-alarms")
}

/// `<project>-<id>-<alarm>`, with `-` for `_` as in every other name pipelinec derives.
pub fn alarm_name(project: &str, id: &ComponentId, monitor: &str) -> String {
    format!(
        "{}-{}",
        crate::naming::base(project, id),
        monitor.replace('_', "-")
    )
}

/// Every component with monitors, in spec order, each with its monitors as the spec leaves
/// them: an alarm the spec switches off (or every alarm, with `alarms: false`) is `None`.
pub fn plan(project: &Project) -> Vec<(&Component, Vec<Monitor>)> {
    let m = &project.monitoring;
    project
        .components
        .values()
        .filter_map(|c| {
            let changes = m.components.get(c.id.as_str());
            let monitors: Vec<Monitor> = rules(&c.settings)
                .monitors(project, c)
                .into_iter()
                .map(|mut mon| {
                    let set = changes.and_then(|ch| ch.alarms.get(mon.name));
                    mon.alarm = match (m.alarms, mon.alarm, set) {
                        (false, _, _) | (_, None, _) => None,
                        (true, Some(a), None) => Some(a),
                        (true, Some(a), Some(s)) => changed(a, s),
                    };
                    mon
                })
                .collect();
            (!monitors.is_empty()).then_some((c, monitors))
        })
        .collect()
}

/// A default alarm with the spec's changes, or `None` when the spec switches it off.
fn changed(a: Alarm, s: &AlarmSettings) -> Option<Alarm> {
    if s.enabled == Some(false) {
        return None;
    }
    Some(Alarm {
        threshold: s.threshold.unwrap_or(a.threshold),
        evaluation_periods: s.evaluation_periods.unwrap_or(a.evaluation_periods),
        datapoints_to_alarm: s.datapoints_to_alarm.unwrap_or(a.datapoints_to_alarm),
        ..a
    })
}

/// The checks of the `monitoring:` section: components and alarms it names exist, each
/// changed alarm is one CloudWatch accepts, no subscription is listed twice, and the names it
/// creates fit AWS's rules.
pub(super) fn check(project: &Project, doc: &Document, diags: &mut Vec<Diagnostic>) {
    let m = &project.monitoring;
    for (id, changes) in &m.components {
        let ptr = format!("/monitoring/components/{}", pointer_segment(id));
        let Some(c) = project.components.get(&ComponentId::new(id.clone())) else {
            let ids = project.components.keys().map(ComponentId::as_str);
            let help = match suggest::closest(id, ids) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!(
                    "the components are: {}",
                    list(project.components.keys().map(ComponentId::as_str))
                ),
            };
            diags.push(
                Diagnostic::new(
                    "unknown-component",
                    format!("`monitoring` names a component `{id}` that is not defined"),
                )
                .with_label(doc.key_span(&ptr), "no component has this id")
                .with_help(help),
            );
            continue;
        };
        let monitors = rules(&c.settings).monitors(project, c);
        for (name, s) in &changes.alarms {
            let at = format!("{ptr}/alarms/{}", pointer_segment(name));
            match monitors.iter().find(|mon| mon.name == name) {
                Some(mon) if mon.alarm.is_some() => {
                    alarm_settings(c, mon, s, &at, doc, diags);
                }
                found => diags.push(unknown_alarm(c, name, found.is_some(), &monitors, &at, doc)),
            }
        }
    }
    if (m.dashboard || m.alarms)
        && let Some(c) = project
            .components
            .get(&ComponentId::new(MODULE.to_string()))
    {
        diags.push(
            Diagnostic::new(
                "reserved-id",
                format!("the id `{MODULE}` is the name of the dashboard and alarms' module"),
            )
            .with_label(doc.key_span(&c.pointer), "reserved while monitoring is on")
            .with_help("rename this component (ids become Terraform module names)"),
        );
    }
    subscriptions(project, doc, diags);
    names(project, doc, diags);
}

fn unknown_alarm(
    c: &Component,
    name: &str,
    shown_only: bool,
    monitors: &[Monitor],
    at: &str,
    doc: &Document,
) -> Diagnostic {
    let offered: Vec<&str> = monitors
        .iter()
        .filter(|m| m.alarm.is_some())
        .map(|m| m.name)
        .collect();
    let mut help = if offered.is_empty() {
        format!("`{}` has no alarms to change", c.id)
    } else {
        format!(
            "the alarms of `{}` are {}",
            c.id,
            list(offered.iter().copied())
        )
    };
    if let Some(near) = suggest::closest(name, offered.iter().copied()) {
        help = format!("did you mean `{near}`? {help}");
    }
    let (message, label) = if shown_only {
        (
            format!(
                "`{name}` of `{}` is a dashboard metric without an alarm",
                c.id
            ),
            "no alarm to change",
        )
    } else {
        (
            format!("`{}` ({}) has no alarm `{name}`", c.id, c.kind()),
            "unknown alarm",
        )
    };
    Diagnostic::new("unknown-alarm", message)
        .with_label(doc.key_span(at), label)
        .with_help(help)
}

/// A changed alarm is one CloudWatch accepts: no more datapoints than periods, and a window
/// within its limit.
fn alarm_settings(
    c: &Component,
    mon: &Monitor,
    s: &AlarmSettings,
    at: &str,
    doc: &Document,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(a) = mon.alarm.and_then(|a| changed(a, s)) else {
        return;
    };
    let field = |f: &str| {
        let p = format!("{at}/{f}");
        if doc.span(&p).is_some() {
            doc.value_span(&p)
        } else {
            doc.key_span(at)
        }
    };
    if a.datapoints_to_alarm > a.evaluation_periods {
        let f = if s.datapoints_to_alarm.is_some() {
            "datapoints_to_alarm"
        } else {
            "evaluation_periods"
        };
        diags.push(
            Diagnostic::new(
                "alarm-datapoints",
                format!(
                    "alarm `{}` of `{}` needs {} breaching datapoints out of {} periods",
                    mon.name, c.id, a.datapoints_to_alarm, a.evaluation_periods
                ),
            )
            .with_label(field(f), "more datapoints than periods")
            .with_help(format!(
                "set `datapoints_to_alarm` to at most `evaluation_periods` ({})",
                a.evaluation_periods
            )),
        );
    }
    let window = u64::from(mon.period) * u64::from(a.evaluation_periods);
    let limit = window_limit(mon.period);
    if window > limit {
        diags.push(
            Diagnostic::new(
                "alarm-window",
                format!(
                    "alarm `{}` of `{}` would look back {window} seconds; CloudWatch allows {limit}",
                    mon.name, c.id
                ),
            )
            .with_label(field("evaluation_periods"), "too many periods")
            .with_help(format!(
                "its metric has a {}-second period: set `evaluation_periods` to at most {}",
                mon.period,
                limit / u64::from(mon.period)
            )),
        );
    }
}

/// The same endpoint twice would be two subscriptions AWS merges into one.
fn subscriptions(project: &Project, doc: &Document, diags: &mut Vec<Diagnostic>) {
    let notify = &project.monitoring.notify;
    for (i, s) in notify.iter().enumerate() {
        let (protocol, endpoint) = s.endpoint();
        if endpoint.is_empty() {
            diags.push(
                Diagnostic::new(
                    "empty-subscription",
                    "a subscription under `monitoring.notify` has no endpoint".to_string(),
                )
                .with_label(
                    doc.value_span(&format!("/monitoring/notify/{i}")),
                    "no address",
                )
                .with_help("write `{ email: <address> }` or `{ https: <URL> }`"),
            );
            continue;
        }
        if let Some(first) = notify[..i]
            .iter()
            .position(|o| o.endpoint() == (protocol, endpoint))
        {
            diags.push(
                Diagnostic::new(
                    "duplicate-subscription",
                    format!("`{endpoint}` is listed twice under `monitoring.notify`"),
                )
                .with_label(
                    doc.value_span(&format!("/monitoring/notify/{i}/{protocol}")),
                    "listed again here",
                )
                .with_related(
                    doc.value_span(&format!("/monitoring/notify/{first}/{protocol}")),
                    "first listed here",
                )
                .with_help("remove the repeated entry"),
            );
        }
    }
}

/// The dashboard, topic and alarm names fit CloudWatch's and SNS's rules.
fn names(project: &Project, doc: &Document, diags: &mut Vec<Diagnostic>) {
    let m = &project.monitoring;
    let mut names = Vec::new();
    if m.dashboard {
        names.push((
            "CloudWatch dashboard",
            dashboard_name(&project.name),
            DASHBOARD,
        ));
    }
    if m.alarms {
        names.push(("SNS topic", topic_name(&project.name), SNS_TOPIC));
        for (c, monitors) in plan(project) {
            for mon in monitors.iter().filter(|mon| mon.alarm.is_some()) {
                names.push((
                    "CloudWatch alarm",
                    alarm_name(&project.name, &c.id, mon.name),
                    ALARM,
                ));
            }
        }
    }
    for (what, name, rule) in names {
        if let Some(problem) = rule.check(&name, "aws") {
            diags.push(
                Diagnostic::new(
                    "invalid-name",
                    format!("the {what} name `{name}` {problem}"),
                )
                .with_label(doc.value_span("/name"), "project name prefix")
                .with_help("shorten the project `name` or the component id"),
            );
        }
    }
}
