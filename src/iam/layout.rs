//! Fitting statements into IAM's size quotas, deterministically.
//!
//! Quotas (IAM user guide, "IAM and AWS STS quotas"): all inline policies of a role share
//! 10,240 characters; one managed policy holds 6,144; a role takes 10 managed policies by
//! default (20 with a raised quota). Whitespace does not count. Sizes here are measured on the
//! minified policy JSON with the HCL placeholders (`${local.partition}`, `${local.region}`,
//! `${local.account_id}`) still in: each is longer than any value it stands for, so the
//! estimate is an upper bound, and a further 5% margin is kept.

use serde_json::{Value, json};

use super::Statement;
use crate::edges::Identity;

pub const INLINE_LIMIT: usize = 10_240;
pub const MANAGED_LIMIT: usize = 6_144;
pub const MANAGED_PER_ROLE: usize = 10;
const MARGIN_PERCENT: usize = 5;

fn budget(limit: usize) -> usize {
    limit - limit * MARGIN_PERCENT / 100
}

/// Where each statement goes: indexes into the role's statement list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// Statements of the inline policy (roles only).
    pub inline: Vec<usize>,
    /// Statements of each customer-managed policy, in order.
    pub managed: Vec<Vec<usize>>,
}

/// A role whose statements do not fit, even split.
#[derive(Debug, Clone)]
pub struct TooLarge {
    pub name: String,
    pub needed: usize,
    /// Managed policies the spec attaches to the role itself, which leave fewer for these.
    pub attached: usize,
    /// The largest statements, with their size, for the message.
    pub largest: Vec<(String, usize)>,
}

/// A statement as IAM sees it.
pub fn statement_json(s: &Statement) -> Value {
    let mut v = json!({
        "Sid": s.sid,
        "Effect": "Allow",
        "Action": s.actions,
        "Resource": s.resources,
    });
    if !s.conditions.is_empty() {
        let mut cond = serde_json::Map::new();
        for c in &s.conditions {
            let test = cond
                .entry(c.test.clone())
                .or_insert_with(|| Value::Object(Default::default()));
            test[&c.variable] = json!(c.values);
        }
        v["Condition"] = Value::Object(cond);
    }
    v
}

/// Minified size of a statement.
pub fn size(s: &Statement) -> usize {
    statement_json(s).to_string().len()
}

/// `{"Version":"2012-10-17","Statement":[]}`
const DOC_OVERHEAD: usize = 39;

/// Splits statements too large for one managed policy into parts by resource, then packs the
/// statements in order: the inline policy first (roles), then managed policies, of which the
/// role has `attached` already (attached by the spec, not derived).
pub fn lay_out(
    name: &str,
    identity: Identity,
    statements: &[Statement],
    attached: usize,
) -> Result<(Vec<Statement>, Layout), TooLarge> {
    let part_budget = budget(MANAGED_LIMIT) - DOC_OVERHEAD;
    let mut parts: Vec<Statement> = Vec::new();
    for s in statements {
        if size(s) <= part_budget {
            parts.push(s.clone());
            continue;
        }
        let mut n = 1;
        let mut current = Statement {
            sid: format!("{}Part{n}", s.sid),
            resources: Vec::new(),
            ..s.clone()
        };
        for r in &s.resources {
            current.resources.push(r.clone());
            if size(&current) > part_budget && current.resources.len() > 1 {
                current.resources.pop();
                parts.push(current.clone());
                n += 1;
                current.sid = format!("{}Part{n}", s.sid);
                current.resources = vec![r.clone()];
            }
        }
        parts.push(current);
    }

    let mut layout = Layout::default();
    let mut used = DOC_OVERHEAD;
    let mut in_managed = matches!(identity, Identity::CallerPolicy);
    if in_managed {
        layout.managed.push(Vec::new());
    }
    for (i, s) in parts.iter().enumerate() {
        let add = size(s) + 1;
        if !in_managed {
            if used + add <= budget(INLINE_LIMIT) {
                layout.inline.push(i);
                used += add;
                continue;
            }
            in_managed = true;
            layout.managed.push(Vec::new());
            used = DOC_OVERHEAD;
        }
        if used + add > budget(MANAGED_LIMIT) {
            layout.managed.push(Vec::new());
            used = DOC_OVERHEAD;
        }
        layout.managed.last_mut().expect("a policy is open").push(i);
        used += add;
    }
    let limit = match identity {
        Identity::Role(_) => MANAGED_PER_ROLE,
        // A caller policy is one managed policy per part; its callers attach them.
        Identity::CallerPolicy => MANAGED_PER_ROLE,
    };
    if layout.managed.len() + attached > limit {
        let mut largest: Vec<(String, usize)> = statements
            .iter()
            .map(|s| (s.sid.clone(), size(s)))
            .collect();
        largest.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        largest.truncate(3);
        return Err(TooLarge {
            name: name.to_string(),
            needed: layout.managed.len(),
            attached,
            largest,
        });
    }
    Ok((parts, layout))
}
