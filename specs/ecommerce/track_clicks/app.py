"""Interactions for Personalize (flow 14): each page event of the clickstream becomes one
interaction of the `recommender` dataset group, sent through its event tracker.

The page posts `{"session_id", "user_id", "event_type", "product_id", "event_time"}` to
`POST /api/clicks`; API Gateway puts the body into the stream as it came. Events without a
signed-in user or a product say nothing about taste and are skipped. A record PutEvents
refuses is reported on its own (`report_batch_item_failures`), so only it is retried.
"""

import base64
import json
import os
from datetime import datetime

import boto3
from botocore.exceptions import ClientError

EVENTS = boto3.client("personalize-events")
TRACKING_ID = os.environ["RECOMMENDER_TRACKING_ID"]


def interaction(click):
    sent_at = datetime.fromisoformat(click["event_time"].replace("Z", "+00:00"))
    return {
        "eventType": click["event_type"],
        "sentAt": sent_at,
        "itemId": click["product_id"],
        "properties": json.dumps({"SESSION_ID": click["session_id"]}),
    }


def handler(event, context):
    failures = []
    for record in event["Records"]:
        click = json.loads(base64.b64decode(record["kinesis"]["data"]))
        if not click.get("user_id") or not click.get("product_id"):
            continue
        try:
            EVENTS.put_events(
                trackingId=TRACKING_ID,
                userId=click["user_id"],
                sessionId=click["session_id"],
                eventList=[interaction(click)],
            )
        except ClientError:
            failures.append({"itemIdentifier": record["kinesis"]["sequenceNumber"]})
    return {"batchItemFailures": failures}
