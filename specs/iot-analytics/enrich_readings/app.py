"""Firehose processor for the IoT readings: adds the heat index and the time Firehose received
each reading, and drops readings that are not JSON objects (Firehose keeps those under the
delivery stream's error prefix, marked ProcessingFailed).

Firehose calls handler() with a batch of base64-encoded records and expects every recordId back
with a result: Ok (data replaced), Dropped, or ProcessingFailed.
"""

import base64
import json
from datetime import datetime, timezone


def heat_index_celsius(temperature, humidity):
    """Steadman's heat index (NOAA's regression), in degrees Celsius.

    Below 27 °C or 40 % humidity the index is the temperature itself, as NOAA defines it.
    """
    if temperature < 27.0 or humidity < 40.0:
        return round(temperature, 2)
    t = temperature * 9.0 / 5.0 + 32.0
    r = humidity
    f = (
        -42.379
        + 2.04901523 * t
        + 10.14333127 * r
        - 0.22475541 * t * r
        - 0.00683783 * t * t
        - 0.05481717 * r * r
        + 0.00122874 * t * t * r
        + 0.00085282 * t * r * r
        - 0.00000199 * t * t * r * r
    )
    return round((f - 32.0) * 5.0 / 9.0, 2)


def enrich(reading, arrived_ms):
    temperature = float(reading["temperature"])
    humidity = float(reading["humidity"])
    reading["heat_index"] = heat_index_celsius(temperature, humidity)
    reading["received_at"] = (
        datetime.fromtimestamp(arrived_ms / 1000.0, tz=timezone.utc)
        .strftime("%Y-%m-%dT%H:%M:%SZ")
    )
    return reading


def handler(event, _context):
    out = []
    for record in event["records"]:
        try:
            reading = json.loads(base64.b64decode(record["data"]))
            if not isinstance(reading, dict):
                raise ValueError("not a JSON object")
            arrived = record.get("approximateArrivalTimestamp", 0)
            line = json.dumps(enrich(reading, arrived), separators=(",", ":")) + "\n"
            out.append(
                {
                    "recordId": record["recordId"],
                    "result": "Ok",
                    "data": base64.b64encode(line.encode("utf-8")).decode("ascii"),
                }
            )
        except (ValueError, KeyError, TypeError):
            out.append(
                {
                    "recordId": record["recordId"],
                    "result": "ProcessingFailed",
                    "data": record["data"],
                }
            )
    return {"records": out}
