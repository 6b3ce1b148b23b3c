"""moto's server on 127.0.0.1 for the apply/destroy tests, with stubs for the calls moto lacks.

Usage: python3 moto_server.py PORT

moto 5.2 answers Athena DeleteNamedQuery with HTTP 500 (NotImplementedError), so `terraform
destroy` of a named query would fail. This test-only wrapper answers that one call with the
empty success AWS returns and passes everything else to moto unchanged. Nothing here is used
outside the test suite (tests/terraform.rs starts it).
"""

import sys

from moto.server import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import run_simple

# X-Amz-Target values answered here instead of by moto, each with AWS's empty success body.
STUBBED = {"AmazonAthena.DeleteNamedQuery": b"{}"}


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
