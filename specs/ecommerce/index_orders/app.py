"""Search indexing (flow 6): keep the `orders` index of the search domain in step with the
orders table, from the table's stream.

Each change is one signed request: an insert or update puts the order's new image as a
document, a removal deletes it. A failed request raises, so Lambda retries the batch (and
bisects it) until the record is indexed or kept in the failure bucket.
"""

import json
import os
import urllib.request

import boto3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from boto3.dynamodb.types import TypeDeserializer

ENDPOINT = os.environ["SEARCH_ENDPOINT"]
REGION = os.environ["AWS_REGION"]
CREDENTIALS = boto3.Session().get_credentials()
PLAIN = TypeDeserializer()


def signed(method, path, body=None):
    url = f"https://{ENDPOINT}{path}"
    data = json.dumps(body, default=str).encode() if body is not None else None
    request = AWSRequest(
        method=method, url=url, data=data, headers={"content-type": "application/json"}
    )
    SigV4Auth(CREDENTIALS, "es", REGION).add_auth(request)
    prepared = urllib.request.Request(
        url, data=data, method=method, headers=dict(request.headers)
    )
    with urllib.request.urlopen(prepared, timeout=10) as response:
        return response.status


def handler(event, context):
    for record in event["Records"]:
        keys = {k: PLAIN.deserialize(v) for k, v in record["dynamodb"]["Keys"].items()}
        doc_id = f"{keys['order_id']}"
        if record["eventName"] == "REMOVE":
            try:
                signed("DELETE", f"/orders/_doc/{doc_id}")
            except urllib.error.HTTPError as e:
                if e.code != 404:
                    raise
            continue
        image = record["dynamodb"]["NewImage"]
        order = {k: PLAIN.deserialize(v) for k, v in image.items()}
        signed("PUT", f"/orders/_doc/{doc_id}", order)
