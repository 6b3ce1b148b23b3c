"""Order history (flows 3-5): the signed-in customer's orders, newest first.

API Gateway (HTTP API, payload 2.0) calls this for `GET /orders` after its JWT authorizer
checked the customer's Cognito token. It queries the table's `by_customer` index with the
customer id from the token, so a customer sees only their own orders; the function may only
get and query items (`access: [read]` in the spec), never change them.
"""

import json
import os

import boto3
from boto3.dynamodb.conditions import Key

TABLE = boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE"])
PAGE = 20


def handler(event, context):
    customer = event["requestContext"]["authorizer"]["jwt"]["claims"]["sub"]
    found = TABLE.query(
        IndexName="by_customer",
        KeyConditionExpression=Key("customer_id").eq(customer),
        ScanIndexForward=False,
        Limit=PAGE,
    )
    orders = [
        {
            "order_id": o["order_id"],
            "created_at": int(o["created_at"]),
            "status": o.get("status", ""),
        }
        for o in found["Items"]
    ]
    return {
        "statusCode": 200,
        "headers": {"content-type": "application/json"},
        "body": json.dumps({"orders": orders}),
    }
