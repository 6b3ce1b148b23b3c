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

moto 5.2's Managed Service for Apache Flink (kinesisanalyticsv2) backend creates and describes
applications only, without the name in the detail it returns, with timestamps as ISO strings the AWS SDK cannot decode (AWS sends epoch
seconds) and a status stuck at STARTING: the provider cannot create, start or delete one. Here
the timestamps are epoch seconds, a new application is READY, and StartApplication,
StopApplication and DeleteApplication move it to RUNNING, READY and gone, as AWS does once the
operation finishes; describing a deleted one answers ResourceNotFoundException, and describing
a started one includes the run configuration it was started with (moto drops it).

moto has no ValidateStateMachineDefinition, which the provider calls when it plans a Step Functions
state machine: here it answers OK (cfn-lint checks every rendered definition in the suite). Nor has
it ListStateMachineVersions, which the provider calls after creating one: here it answers that
there are none, which is true of every state machine pipelinec renders (it publishes no version).

Nothing here is used outside the test suite (tests/terraform.rs starts it).
"""

import json
import sys
from datetime import datetime, timezone

from moto.core.exceptions import JsonRESTError
from moto.iam.access_control import IAMPolicy, PermissionResult
from moto.kinesisanalyticsv2.models import Application as FlinkApplication
from moto.kinesisanalyticsv2.responses import KinesisAnalyticsV2Response as FlinkResponse
from moto.s3.models import FakeBucket
from moto.server import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import run_simple

# X-Amz-Target values answered here instead of by moto, each with AWS's empty success body.
STUBBED = {
    "AmazonAthena.DeleteNamedQuery": b"{}",
    # The provider validates a state machine's definition at plan time; moto has no validator.
    # The suite validates every rendered definition with cfn-lint instead (step_functions.rs).
    "AWSStepFunctions.ValidateStateMachineDefinition": b'{"result": "OK", "diagnostics": []}',
    # The provider lists a state machine's published versions after every create and read;
    # moto answers 500 and the SDK retries for minutes. pipelinec publishes none (`publish` off).
    "AWSStepFunctions.ListStateMachineVersions": b'{"stateMachineVersions": []}',
}


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


def _epoch(value):
    """An ISO timestamp moto wrote, as the epoch seconds AWS sends."""
    if isinstance(value, str):
        return datetime.fromisoformat(value).replace(tzinfo=timezone.utc).timestamp()
    return value


def _flink_detail(method):
    """A kinesisanalyticsv2 response method whose ApplicationDetail has AWS's timestamps."""

    def wrapped(self):
        name = self._get_param("ApplicationName")
        if method.__name__ == "describe_application":
            backend = self.kinesisanalyticsv2_backend
            if name not in backend.applications:
                raise JsonRESTError(
                    "ResourceNotFoundException", f"Application {name} not found"
                )
        body = json.loads(method(self))
        detail = body["ApplicationDetail"]
        # moto leaves the name out of the detail; the provider reads the application by it.
        detail["ApplicationName"] = name
        # moto keeps no run configuration (StartApplication's); describe the one it started with.
        run = getattr(self.kinesisanalyticsv2_backend.applications.get(name), "run", None)
        if run and detail.get("ApplicationConfigurationDescription"):
            detail["ApplicationConfigurationDescription"]["RunConfigurationDescription"] = {
                "ApplicationRestoreConfigurationDescription": run.get(
                    "ApplicationRestoreConfiguration"
                ),
                "FlinkRunConfigurationDescription": run.get("FlinkRunConfiguration"),
            }
        for key in ("CreateTimestamp", "LastUpdateTimestamp", "ApplicationVersionCreateTimestamp"):
            detail[key] = _epoch(detail.get(key))
        return json.dumps(body)

    wrapped.__name__ = method.__name__
    return wrapped


def _flink_status(status):
    """A lifecycle call that finishes at once: the application's new status, or gone."""

    def call(self):
        name = self._get_param("ApplicationName")
        backend = self.kinesisanalyticsv2_backend
        if name not in backend.applications:
            raise JsonRESTError("ResourceNotFoundException", f"Application {name} not found")
        if status is None:
            del backend.applications[name]
        else:
            backend.applications[name].application_status = status
        if status == "RUNNING":
            backend.applications[name].run = self._get_param("RunConfiguration")
        return "{}"

    return call


_flink_init = FlinkApplication.__init__


def _flink_ready(self, *args, **kwargs):
    _flink_init(self, *args, **kwargs)
    self.application_status = "READY"


FlinkApplication.__init__ = _flink_ready
FlinkResponse.create_application = _flink_detail(FlinkResponse.create_application)
FlinkResponse.describe_application = _flink_detail(FlinkResponse.describe_application)
FlinkResponse.start_application = _flink_status("RUNNING")
FlinkResponse.stop_application = _flink_status("READY")
FlinkResponse.delete_application = _flink_status(None)


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
