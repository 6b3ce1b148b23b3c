"""Order submission (flow 5): store the signed-in customer's order, then start fulfilment.

API Gateway (HTTP API, payload 2.0) calls this for `POST /orders` after its JWT authorizer
checked the customer's Cognito token. The order is stored once: a resubmitted order id fails
the put instead of overwriting (the function may only PutItem). Fulfilment (payment, email,
shipment) runs in the workflow, started with the stored order.
"""

import json
import os
import time
import uuid
from decimal import Decimal

import boto3

TABLE = boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE"])
STATES = boto3.client("stepfunctions")
WORKFLOW = os.environ["FULFILMENT_STATE_MACHINE_ARN"]


def reply(status, body):
    return {
        "statusCode": status,
        "headers": {"content-type": "application/json"},
        "body": json.dumps(body),
    }


def handler(event, context):
    claims = event["requestContext"]["authorizer"]["jwt"]["claims"]
    try:
        order = json.loads(event.get("body") or "{}", parse_float=Decimal)
        items = [
            {"product_id": str(i["product_id"]), "quantity": int(i["quantity"])}
            for i in order["items"]
        ]
    except (ValueError, KeyError, TypeError):
        return reply(400, {"error": "an order is {items: [{product_id, quantity}]}"})
    if not items or any(i["quantity"] < 1 for i in items):
        return reply(400, {"error": "an order needs at least one item"})
    stored = {
        "order_id": str(uuid.uuid4()),
        "created_at": int(time.time()),
        "customer_id": claims["sub"],
        "email": claims.get("email", ""),
        "status": "placed",
        "items": items,
        "total": str(order.get("total", "0")),
    }
    TABLE.put_item(Item=stored, ConditionExpression="attribute_not_exists(order_id)")
    STATES.start_execution(
        stateMachineArn=WORKFLOW,
        name=stored["order_id"],
        input=json.dumps(stored, default=str),
    )
    return reply(201, {"order_id": stored["order_id"], "status": "placed"})
