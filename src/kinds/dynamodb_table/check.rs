//! Checks and AWS names of a DynamoDB table.

use super::{Billing, DynamodbTable, KeyAttribute};
use crate::diagnostic::Diagnostic;
use crate::edges::Access;
use crate::model::{Component, ComponentId, Project};
use crate::monitor::{Alarm, Dim, Monitor, Statistic};
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::{Cx, KindRules, error};

/// DynamoDB table names: 3 to 255 of `a-z A-Z 0-9 _ . -`.
const TABLE_NAME: Rule = Rule::new(255, Charset::WordDotDash);

/// Key attribute names are at most 255 bytes of UTF-8 (the schema counts characters).
const KEY_NAME_BYTES: usize = 255;

impl KindRules for DynamodbTable {
    /// Write capacity used, and throttled writes (a provisioned table short of capacity, or a
    /// hot partition key in either mode):
    /// <https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/metrics-dimensions.html>.
    fn monitors(&self, _project: &Project, c: &Component) -> Vec<Monitor> {
        let table = || vec![("TableName", Dim::of(c.id.as_str(), "name"))];
        vec![
            Monitor::new(
                "consumed_writes",
                "write capacity units used",
                ("AWS/DynamoDB", "ConsumedWriteCapacityUnits"),
                table(),
                Statistic::Sum,
            ),
            Monitor::new(
                "write_throttled",
                "writes throttled",
                ("AWS/DynamoDB", "WriteThrottleEvents"),
                table(),
                Statistic::Sum,
            )
            .alarm(Alarm::above(
                0.0,
                3,
                3,
                "Writes have been throttled for 15 minutes: orders are retried or lost; raise the write capacity, or spread the partition key.",
            )),
        ]
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        self.capacity(cx, out);
        self.index_names(cx, out);
        self.keys(cx, out);
        self.stream_readers(cx, out);
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        vec![AwsName::new(
            "DynamoDB table",
            naming::base(project, id),
            TABLE_NAME,
        )]
    }

    fn kms_keys(&self) -> Vec<(&'static str, &str)> {
        match &self.kms_key_arn {
            Some(key) => vec![("kms_key_arn", key.as_str())],
            None => Vec::new(),
        }
    }
}

/// The field of a key attribute: `sort_key`, `global_indexes/<name>/partition_key`.
fn key_field(index: Option<&str>, field: &str) -> String {
    match index {
        None => field.to_string(),
        Some(name) => format!(
            "global_indexes/{}/{field}",
            crate::source::pointer_segment(name)
        ),
    }
}

impl DynamodbTable {
    /// Provisioned tables need both capacities; on-demand tables take none.
    fn capacity(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        let given = [
            ("read_capacity", self.read_capacity),
            ("write_capacity", self.write_capacity),
        ];
        for (field, value) in given {
            match (self.billing, value) {
                (Billing::Provisioned, None) => out.push(error(
                    "missing-capacity",
                    format!("table `{id}` is provisioned but has no `{field}`"),
                    cx.field_at("billing"),
                    "provisioned needs read and write capacity",
                    &format!("add `{field}: 5` (or more), or use `billing: on_demand`"),
                )),
                (Billing::OnDemand, Some(_)) => out.push(error(
                    "capacity-on-demand",
                    format!("table `{id}` sets `{field}` in on-demand mode"),
                    cx.key_at(field),
                    "on-demand tables need no capacity",
                    &format!("remove `{field}`, or set `billing: provisioned`"),
                )),
                _ => {}
            }
        }
    }

    /// A function reading the table reads its stream, which exists only with `stream: true`;
    /// a stream nobody in the spec reads is worth a word (it may be read outside the spec, so
    /// it is a warning), and so is a `stream_view` without a stream.
    fn stream_readers(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        let mut readers = cx
            .project
            .graph
            .outgoing(id)
            .filter(|e| e.access == Access::Read)
            .peekable();
        if !self.stream {
            for e in readers {
                out.push(
                    error(
                        "stream-off",
                        format!(
                            "`{}` reads the stream of table `{id}`, whose stream is off",
                            e.to
                        ),
                        cx.doc.value_span(&e.pointer),
                        "reads a stream that does not exist",
                        &format!("set `stream: true` on `{id}`"),
                    )
                    .with_related(cx.field_at("stream"), "the table's stream is off"),
                );
            }
            if cx.is_set("stream_view") {
                out.push(
                    Diagnostic::warning(
                        "unused-setting",
                        format!("`stream_view` of table `{id}` has no effect: its stream is off"),
                    )
                    .with_label(cx.value_at("stream_view"), "not used")
                    .with_help(format!(
                        "set `stream: true` on `{id}`, or remove `stream_view`"
                    )),
                );
            }
        } else if readers.peek().is_none() {
            out.push(
                Diagnostic::warning(
                    "stream-unread",
                    format!("table `{id}` has a stream that no function of this spec reads"),
                )
                .with_label(cx.value_at("stream"), "nothing reads it")
                .with_help(format!(
                    "add `{id}` to the `inputs` of the function that reads it, or set \
                     `stream: false` if nothing outside this spec reads it either"
                )),
            );
        }
    }

    /// Index names: 3 to 255 of `a-z A-Z 0-9 _ . -`.
    fn index_names(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        for name in self.global_indexes.keys() {
            let valid = (3..=255).contains(&name.len())
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
            if !valid {
                out.push(error(
                    "invalid-index-name",
                    format!("`{name}` is not a valid DynamoDB index name"),
                    cx.doc.key_span(&cx.entry_ptr("global_indexes", name)),
                    "invalid index name",
                    "use 3 to 255 letters, digits, `_`, `.` and `-`",
                ));
            }
        }
    }

    /// Key names fit, a sort key differs from its partition key, an attribute keeps one type
    /// everywhere, and an index is keyed differently from the table.
    fn keys(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let keys = self.key_attributes();
        for (i, (index, field, k)) in keys.iter().enumerate() {
            let at = key_field(*index, field);
            if k.name.len() > KEY_NAME_BYTES {
                out.push(error(
                    "key-name-too-long",
                    format!("key attribute name is {} bytes long", k.name.len()),
                    cx.value_at(&format!("{at}/name")),
                    "longer than 255 bytes",
                    "DynamoDB key attribute names are 1 to 255 bytes of UTF-8: shorten it",
                ));
            }
            if *field == "sort_key" && keys[i - 1].2.name == k.name {
                out.push(error(
                    "sort-key-is-partition-key",
                    format!("the sort key `{}` is also the partition key", k.name),
                    cx.value_at(&format!("{at}/name")),
                    "same attribute as the partition key",
                    "name another attribute, or remove `sort_key`",
                ));
            }
            let first = keys[..i].iter().find(|(_, _, o)| o.name == k.name);
            if let Some((oi, of, o)) = first.filter(|(_, _, o)| o.kind != k.kind) {
                out.push(
                    error(
                        "key-type-conflict",
                        format!(
                            "key attribute `{}` is a {} here and a {} where first declared",
                            k.name,
                            k.kind.as_str(),
                            o.kind.as_str()
                        ),
                        cx.value_at(&format!("{at}/type")),
                        "type differs",
                        "an attribute has one type in a table: use the same `type` everywhere",
                    )
                    .with_related(
                        cx.value_at(&format!("{}/type", key_field(*oi, of))),
                        "first declared here",
                    ),
                );
            }
        }
        for (name, index) in &self.global_indexes {
            let sort = |k: &Option<KeyAttribute>| k.as_ref().map(|k| k.name.clone());
            if index.partition_key.name == self.partition_key.name
                && sort(&index.sort_key) == sort(&self.sort_key)
            {
                out.push(error(
                    "index-same-key",
                    format!("index `{name}` has the table's own key"),
                    cx.doc.key_span(&cx.entry_ptr("global_indexes", name)),
                    "same key as the table",
                    "an index with the table's key finds nothing the table does not: key it \
                     by another attribute, or remove it",
                ));
            }
        }
    }
}
