//! What a component is watched by: the CloudWatch metrics a kind declares for its dashboard
//! row, and the alarm each may carry by default.
//!
//! Each kind says what matters about itself, from its settings and its edges
//! (`KindRules::monitors`, in `src/kinds/<kind>/check.rs`): a Lambda function with a stream input
//! is watched for iterator age, one without is not. The spec's `monitoring:` section may change
//! or switch off a default alarm by its [`Monitor::name`]; `crate::semantic` checks those names
//! against what the kind offers, and the renderer turns the result into one dashboard and one
//! alarm per monitor that keeps its alarm.

/// One CloudWatch metric of a component: a dashboard widget, and an alarm if it has one.
#[derive(Debug, Clone, PartialEq)]
pub struct Monitor {
    /// The name the spec uses for it (`monitoring.components.<id>.alarms.<name>`), snake_case.
    pub name: &'static str,
    /// The widget title, in words.
    pub title: &'static str,
    /// The CloudWatch namespace, e.g. `AWS/Kinesis`.
    pub namespace: &'static str,
    /// The metric name, exactly as the service publishes it.
    pub metric: &'static str,
    /// The dimensions that select this component's metric, in the order AWS documents them.
    pub dimensions: Vec<(&'static str, Dim)>,
    pub statistic: Statistic,
    /// Seconds per datapoint.
    pub period: u32,
    /// The alarm on by default, or `None` for a metric only shown.
    pub alarm: Option<Alarm>,
}

/// The value of a dimension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dim {
    /// An output of a component's module: `module.<component>.<output>` (a name pipelinec
    /// derives, so that the alarm follows the resource and waits for it).
    Output {
        component: String,
        output: &'static str,
    },
    /// A constant the service defines, e.g. `ALL` for a Glue job's `JobRunId`.
    Fixed(&'static str),
}

impl Dim {
    /// `module.<component>.<output>`.
    pub fn of(component: &str, output: &'static str) -> Dim {
        Dim::Output {
            component: component.to_string(),
            output,
        }
    }
}

/// CloudWatch statistics pipelinec uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Statistic {
    Sum,
    Average,
    Maximum,
    Minimum,
}

impl Statistic {
    pub fn as_str(self) -> &'static str {
        match self {
            Statistic::Sum => "Sum",
            Statistic::Average => "Average",
            Statistic::Maximum => "Maximum",
            Statistic::Minimum => "Minimum",
        }
    }
}

/// How an alarm compares a datapoint with its threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    GreaterThan,
    LessThan,
}

impl Comparison {
    /// The `ComparisonOperator` of `PutMetricAlarm`.
    pub fn as_str(self) -> &'static str {
        match self {
            Comparison::GreaterThan => "GreaterThanThreshold",
            Comparison::LessThan => "LessThanThreshold",
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Comparison::GreaterThan => ">",
            Comparison::LessThan => "<",
        }
    }
}

/// What an alarm does when a period has no datapoint (`TreatMissingData`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// No data is good news: no errors, no throttles, no failed tasks.
    NotBreaching,
    /// No data is bad news: a delivery stream that stops reporting freshness delivers nothing.
    Breaching,
}

impl Missing {
    pub fn as_str(self) -> &'static str {
        match self {
            Missing::NotBreaching => "notBreaching",
            Missing::Breaching => "breaching",
        }
    }
}

/// An alarm on a monitor's metric: "`statistic` over `period` is `comparison` `threshold` in
/// `datapoints_to_alarm` of the last `evaluation_periods` periods".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Alarm {
    pub comparison: Comparison,
    pub threshold: f64,
    pub evaluation_periods: u32,
    pub datapoints_to_alarm: u32,
    pub missing: Missing,
    /// Why it matters, for the alarm's description (what the person paged reads first).
    pub why: &'static str,
}

impl Alarm {
    /// An alarm that fires when the metric exceeds `threshold` in `of` of the last `periods`
    /// periods, missing data counting as fine.
    pub fn above(threshold: f64, of: u32, periods: u32, why: &'static str) -> Alarm {
        Alarm {
            comparison: Comparison::GreaterThan,
            threshold,
            evaluation_periods: periods,
            datapoints_to_alarm: of,
            missing: Missing::NotBreaching,
            why,
        }
    }
}

/// Five minutes: the period of most monitors. Most services publish every minute; five keeps
/// alarms from flapping on one slow minute and costs a fifth of the dashboard's requests.
pub const FIVE_MINUTES: u32 = 300;

/// Iterator age past which a consumer is said to fall behind its stream (15 minutes, in
/// milliseconds): far below the shortest retention (24 hours), so that the alarm leaves a day
/// to act before records expire unread.
pub const ITERATOR_AGE_MS: f64 = 900_000.0;

/// CloudWatch's limits on an alarm's window (`PutMetricAlarm`): `Period × EvaluationPeriods`
/// may not exceed one day for periods under an hour, nor seven days otherwise.
/// <https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html>
pub fn window_limit(period: u32) -> u64 {
    if period < 3600 { 86_400 } else { 604_800 }
}

impl Monitor {
    /// A metric shown every five minutes, without an alarm.
    pub fn new(
        name: &'static str,
        title: &'static str,
        (namespace, metric): (&'static str, &'static str),
        dimensions: Vec<(&'static str, Dim)>,
        statistic: Statistic,
    ) -> Monitor {
        Monitor {
            name,
            title,
            namespace,
            metric,
            dimensions,
            statistic,
            period: FIVE_MINUTES,
            alarm: None,
        }
    }

    /// The depth of a queue that holds what failed (failed batches' metadata, events, starts),
    /// alarming on any message: each one is something that did not happen. `output` is the
    /// component's module output holding the queue's name.
    pub fn failure_queue(
        name: &'static str,
        title: &'static str,
        component: &str,
        output: &'static str,
        why: &'static str,
    ) -> Monitor {
        Monitor::new(
            name,
            title,
            ("AWS/SQS", "ApproximateNumberOfMessagesVisible"),
            vec![("QueueName", Dim::of(component, output))],
            Statistic::Maximum,
        )
        .alarm(Alarm::above(0.0, 1, 1, why))
    }

    /// The same with another period (seconds).
    pub fn every(self, period: u32) -> Monitor {
        Monitor { period, ..self }
    }

    /// The same with a default alarm.
    pub fn alarm(self, alarm: Alarm) -> Monitor {
        Monitor {
            alarm: Some(alarm),
            ..self
        }
    }
}
