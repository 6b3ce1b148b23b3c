"""moto's server on 127.0.0.1 for the apply/destroy tests, with stubs for the calls moto lacks.

Usage: python3 moto_server.py PORT

moto 5.2 answers Athena DeleteNamedQuery with HTTP 500 (NotImplementedError), so `terraform
destroy` of a named query would fail. This test-only wrapper answers that one call with the
empty success AWS returns and passes everything else to moto unchanged.

moto also ignores the condition of a bucket policy's Deny: the TLS-only statement every
pipelinec bucket has (Deny `s3:*` when `aws:SecureTransport` is false) makes it refuse every
object GET, PUT and DELETE, so no object can be uploaded (a Glue job's script) or removed. The
provider talks to AWS over TLS only, so here that statement is read as AWS reads it for the
provider's requests: it never matches. Every other statement is evaluated by moto as before.

Nothing here is used outside the test suite (tests/terraform.rs starts it).
"""

import json
import sys

from moto.iam.access_control import IAMPolicy, PermissionResult
from moto.s3.models import FakeBucket
from moto.server import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import run_simple

# X-Amz-Target values answered here instead of by moto, each with AWS's empty success body.
STUBBED = {"AmazonAthena.DeleteNamedQuery": b"{}"}


def _denies_insecure_transport_only(statement: dict) -> bool:
    """A Deny that applies only to requests without TLS (the provider always uses TLS)."""
    condition = statement.get("Condition") or {}
    values = condition.get("Bool", {}).get("aws:SecureTransport")
    if isinstance(values, str):
        values = [values]
    return (
        statement.get("Effect") == "Deny"
        and list(condition) == ["Bool"]
        and list(condition["Bool"]) == ["aws:SecureTransport"]
        and [str(v).lower() for v in values or []] == ["false"]
    )


def _get_permission(self, action, resource):
    """moto's FakeBucket.get_permission, without the TLS-only Deny."""
    if self.policy is None:
        return PermissionResult.NEUTRAL
    policy = json.loads(self.policy)
    statements = policy.get("Statement", [])
    if isinstance(statements, dict):
        statements = [statements]
    kept = [s for s in statements if not _denies_insecure_transport_only(s)]
    if not kept:
        return PermissionResult.NEUTRAL
    return IAMPolicy(json.dumps({**policy, "Statement": kept})).is_action_permitted(
        action, resource
    )


FakeBucket.get_permission = _get_permission


def main() -> None:
    port = int(sys.argv[1])
    moto = DomainDispatcherApplication(create_backend_app)

    def app(environ, start_response):
        body = STUBBED.get(environ.get("HTTP_X_AMZ_TARGET", ""))
        if body is not None:
            start_response(
                "200 OK",
                [("Content-Type", "application/x-amz-json-1.1"), ("Content-Length", str(len(body)))],
            )
            return [body]
        return moto(environ, start_response)

    run_simple("127.0.0.1", port, app, threaded=True, use_reloader=False)


if __name__ == "__main__":
    main()
