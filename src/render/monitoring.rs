//! The `monitoring` module call: the dashboard's widgets and the alarms, from the monitors
//! each component's kind declares with the spec's changes applied
//! ([`crate::semantic::monitoring::plan`]), and the outputs that lead to them.

use std::collections::BTreeMap;

use minijinja::Value;

use super::values::{entry, expr, obj};
use crate::model::Project;
use crate::monitor::{Dim, Monitor};
use crate::semantic::monitoring::{alarm_name, plan};

/// Dashboard grid: 24 columns; each widget is 6 high and at least 4 wide.
const COLUMNS: u32 = 24;
const HEIGHT: u32 = 6;
const MIN_WIDTH: u32 = 4;

/// The values of the `monitoring` module call, or `None` when the spec wants neither a
/// dashboard nor alarms.
pub(super) fn values(project: &Project) -> Option<Value> {
    let m = &project.monitoring;
    if !m.dashboard && !m.alarms {
        return None;
    }
    let rows = plan(project);
    let mut widgets = Vec::new();
    let mut alarms = Vec::new();
    let mut y = 0;
    for (c, monitors) in &rows {
        let per_row = (monitors.len() as u32).clamp(1, COLUMNS / MIN_WIDTH);
        let width = COLUMNS / per_row;
        for (i, mon) in monitors.iter().enumerate() {
            let i = i as u32;
            if m.dashboard {
                widgets.push(widget(
                    &format!("{}: {}", c.id, mon.title),
                    mon,
                    ((i % per_row) * width, y + (i / per_row) * HEIGHT, width),
                ));
            }
            if let Some(a) = mon.alarm {
                let description = format!(
                    "`{}` ({}): {} Alarms when {} {} over {} s is {} {} in {} of {} periods.",
                    c.id,
                    c.kind(),
                    a.why,
                    mon.statistic.as_str(),
                    mon.metric,
                    mon.period,
                    a.comparison.symbol(),
                    number(a.threshold),
                    a.datapoints_to_alarm,
                    a.evaluation_periods,
                );
                let alarm = obj(BTreeMap::from([
                    ("description", Value::from(description)),
                    ("namespace", Value::from(mon.namespace)),
                    ("metric_name", Value::from(mon.metric)),
                    ("statistic", Value::from(mon.statistic.as_str())),
                    ("period", Value::from(mon.period)),
                    ("comparison_operator", Value::from(a.comparison.as_str())),
                    ("threshold", number(a.threshold)),
                    ("evaluation_periods", Value::from(a.evaluation_periods)),
                    ("datapoints_to_alarm", Value::from(a.datapoints_to_alarm)),
                    ("treat_missing_data", Value::from(a.missing.as_str())),
                    ("dimensions", dimensions(mon)),
                ]));
                alarms.push(entry(&alarm_name(&project.name, &c.id, mon.name), alarm));
            }
        }
        y += (monitors.len() as u32).div_ceil(per_row) * HEIGHT;
    }
    let subscriptions: Vec<Value> = m
        .notify
        .iter()
        .map(|s| {
            let (protocol, endpoint) = s.endpoint();
            entry(
                endpoint,
                obj(BTreeMap::from([
                    ("protocol", Value::from(protocol)),
                    ("endpoint", Value::from(endpoint)),
                ])),
            )
        })
        .collect();
    Some(obj(BTreeMap::from([
        ("name", Value::from(project.name.clone())),
        ("dashboard_enabled", Value::from(m.dashboard)),
        ("alarms_enabled", Value::from(m.alarms)),
        ("subscriptions", Value::from(subscriptions)),
        ("widgets", Value::from(widgets)),
        ("alarms", Value::from(alarms)),
    ])))
}

/// The root outputs of the monitoring module: what the dashboard is called and where, and the
/// topic to subscribe to.
pub(super) fn outputs(project: &Project) -> Vec<Value> {
    let m = &project.monitoring;
    let mut out = Vec::new();
    let mut add = |name: &str, attr: &str, description: &str| {
        out.push(obj(BTreeMap::from([
            ("name", Value::from(name)),
            ("value", expr(format!("module.monitoring.{attr}"))),
            ("description", Value::from(description)),
        ])));
    };
    if m.dashboard {
        add(
            "dashboard_name",
            "dashboard_name",
            "CloudWatch dashboard of the pipeline",
        );
        add(
            "dashboard_url",
            "dashboard_url",
            "CloudWatch console address of the pipeline's dashboard",
        );
    }
    if m.alarms {
        add(
            "alarm_topic_arn",
            "topic_arn",
            "SNS topic the pipeline's alarms notify (KMS-encrypted): subscribe more endpoints here",
        );
    }
    out
}

fn widget(title: &str, mon: &Monitor, (x, y, width): (u32, u32, u32)) -> Value {
    obj(BTreeMap::from([
        ("title", Value::from(title)),
        ("x", Value::from(x)),
        ("y", Value::from(y)),
        ("width", Value::from(width)),
        ("height", Value::from(HEIGHT)),
        ("namespace", Value::from(mon.namespace)),
        ("metric_name", Value::from(mon.metric)),
        ("stat", Value::from(mon.statistic.as_str())),
        ("period", Value::from(mon.period)),
        (
            "threshold",
            mon.alarm.map_or(Value::from(()), |a| number(a.threshold)),
        ),
        ("dimensions", dimensions(mon)),
    ]))
}

fn dimensions(mon: &Monitor) -> Value {
    Value::from(
        mon.dimensions
            .iter()
            .map(|(name, dim)| {
                let value = match dim {
                    Dim::Output { component, output } => {
                        expr(format!("module.{component}.{output}"))
                    }
                    Dim::Fixed(v) => Value::from(*v),
                };
                entry(name, value)
            })
            .collect::<Vec<_>>(),
    )
}

/// A threshold as HCL prints it best: whole numbers without a fraction.
fn number(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        Value::from(x as i64)
    } else {
        Value::from(x)
    }
}
