"""Recommendations (flow 16): products for the signed-in customer, or for a guest, from the
`recommender` campaign.

API Gateway calls this for `GET /recommendations`. The function may call `GetRecommendations`
on that one campaign and nothing else; until the campaign exists (it is created from a trained
solution version) it answers 503, so the page can hide the row.
"""

import json
import os

import boto3

RUNTIME = boto3.client("personalize-runtime")
CAMPAIGN_ARN = os.environ["RECOMMENDER_CAMPAIGN_ARN"]
COUNT = 10


def handler(event, context):
    claims = event.get("requestContext", {}).get("authorizer", {}).get("jwt", {})
    user = claims.get("claims", {}).get("sub", "guest")
    try:
        found = RUNTIME.get_recommendations(
            campaignArn=CAMPAIGN_ARN, userId=user, numResults=COUNT
        )
    except RUNTIME.exceptions.ResourceNotFoundException:
        return {"statusCode": 503, "body": json.dumps({"error": "no recommendations yet"})}
    items = [i["itemId"] for i in found["itemList"]]
    return {
        "statusCode": 200,
        "headers": {"content-type": "application/json"},
        "body": json.dumps({"items": items}),
    }
