"""Per-location one-minute averages of the sensor readings, on Managed Service for Apache Flink.

Reads the readings the sensors write to `sensor_stream` (JSON, one reading per record), groups
them by location into one-minute tumbling windows of the time each reading was taken, and writes
one JSON line per location and minute under the lake's `aggregates/` prefix, where the
`readings_per_minute` table of `sensor_catalog` makes them queryable in Athena.

Where it reads and writes comes from the runtime properties pipelinec sets (group `pipelinec`):
`SENSOR_STREAM_STREAM_ARN`, `DATA_LAKE_BUCKET`, `DATA_LAKE_PREFIX`, `AWS_REGION` and
`STREAM_INITIAL_POSITION`. Managed Service for Apache Flink writes them to
/etc/flink/application_properties.json; run locally with `PIPELINEC_PROPERTIES` pointing at a
file of the same shape.

The Kinesis table connector is Java: it must be in the zip, as the JAR named by `jarfile` in
the spec (see README.md in this folder).
"""

import json
import os

from pyflink.table import EnvironmentSettings, TableEnvironment

PROPERTIES_FILE = "/etc/flink/application_properties.json"
PROPERTY_GROUP = "pipelinec"

# Readings more than this late (event time behind the newest reading seen) miss their window.
ALLOWED_LATENESS = "INTERVAL '1' MINUTE"


def properties() -> dict:
    """The `pipelinec` property group of the application's runtime properties."""
    path = os.environ.get("PIPELINEC_PROPERTIES", PROPERTIES_FILE)
    with open(path, encoding="utf-8") as f:
        groups = json.load(f)
    for group in groups:
        if group["PropertyGroupId"] == PROPERTY_GROUP:
            return group["PropertyMap"]
    raise RuntimeError(f"no property group {PROPERTY_GROUP!r} in {path}")


def sql_string(value: str) -> str:
    """A Flink SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


def readings_table(props: dict) -> str:
    # Readings carry an ISO-8601 UTC `timestamp` ("2025-06-01T12:00:00Z", fractions allowed);
    # a reading that does not parse is skipped, never a reason to stop the job.
    return f"""
        CREATE TABLE readings (
            sensor_id STRING,
            `timestamp` STRING,
            temperature DOUBLE,
            humidity DOUBLE,
            location STRING,
            event_time AS CAST(REPLACE(REPLACE(`timestamp`, 'T', ' '), 'Z', '') AS TIMESTAMP(3)),
            WATERMARK FOR event_time AS event_time - {ALLOWED_LATENESS}
        ) WITH (
            'connector' = 'kinesis',
            'stream.arn' = {sql_string(props["SENSOR_STREAM_STREAM_ARN"])},
            'aws.region' = {sql_string(props["AWS_REGION"])},
            'source.init.position' = {sql_string(props["STREAM_INITIAL_POSITION"])},
            'format' = 'json',
            'json.ignore-parse-errors' = 'true'
        )
    """


def aggregates_table(props: dict) -> str:
    # The filesystem sink writes JSON lines and commits its files at each checkpoint (the
    # application checkpoints every minute), so a minute's averages reach the lake within about
    # two minutes of the minute's end.
    path = f"s3://{props['DATA_LAKE_BUCKET']}/{props['DATA_LAKE_PREFIX']}"
    return f"""
        CREATE TABLE readings_per_minute (
            location STRING,
            window_start STRING,
            window_end STRING,
            avg_temperature DOUBLE,
            avg_humidity DOUBLE,
            readings BIGINT
        ) WITH (
            'connector' = 'filesystem',
            'path' = {sql_string(path)},
            'format' = 'json',
            'sink.rolling-policy.file-size' = '128MB',
            'sink.rolling-policy.rollover-interval' = '15 min'
        )
    """


AVERAGES = """
    INSERT INTO readings_per_minute
    SELECT
        location,
        DATE_FORMAT(window_start, 'yyyy-MM-dd''T''HH:mm:ss''Z''') AS window_start,
        DATE_FORMAT(window_end, 'yyyy-MM-dd''T''HH:mm:ss''Z''') AS window_end,
        AVG(temperature) AS avg_temperature,
        AVG(humidity) AS avg_humidity,
        COUNT(*) AS readings
    FROM TABLE(TUMBLE(TABLE readings, DESCRIPTOR(event_time), INTERVAL '1' MINUTE))
    WHERE location IS NOT NULL AND event_time IS NOT NULL
    GROUP BY location, window_start, window_end
"""


def main() -> None:
    props = properties()
    env = TableEnvironment.create(EnvironmentSettings.in_streaming_mode())
    # Timestamps are UTC throughout: the readings' and the windows' written out.
    env.get_config().set("table.local-time-zone", "UTC")
    env.execute_sql(readings_table(props))
    env.execute_sql(aggregates_table(props))
    # Managed Service for Apache Flink runs the job the statement submits; `wait()` keeps a
    # local run in the foreground.
    result = env.execute_sql(AVERAGES)
    if os.environ.get("PIPELINEC_PROPERTIES"):
        result.wait()


if __name__ == "__main__":
    main()
