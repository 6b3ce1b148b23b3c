"""Cleans the raw sensor readings into Parquet, incrementally.

Glue runs this script as the `clean_readings` job of specs/iot-analytics.yaml. pipelinec passes
where to read and write as job arguments:

  --SENSOR_CATALOG_DATABASE  the Glue database of the `sensor_catalog` input
  --DATA_LAKE_BUCKET         the bucket of the `data_lake` sink
  --DATA_LAKE_PREFIX         the job's `output_prefix` there (`clean/`)

and the spec's own `arguments`: --SOURCE_TABLE, --MIN_TEMPERATURE, --MAX_TEMPERATURE.

A reading is kept when it names its sensor, has a parseable time, and its temperature and
humidity are present and physically plausible. What is kept is written as Snappy Parquet under
`clean/year=YYYY/month=MM/day=DD/`, the daily layout of the raw table, keyed by the reading's own
(UTC) time; the catalog's `clean_readings` table reads it with partition projection.

Job bookmarks (`--job-bookmark-option job-bookmark-enable`, the spec's default) make each run read
only the objects that arrived since the last successful one: the source and the sink carry a
`transformation_ctx`, and `job.commit()` records the progress.
"""

import sys

import boto3
from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import functions as F

args = getResolvedOptions(
    sys.argv,
    [
        "JOB_NAME",
        "SENSOR_CATALOG_DATABASE",
        "DATA_LAKE_BUCKET",
        "DATA_LAKE_PREFIX",
        "SOURCE_TABLE",
        "MIN_TEMPERATURE",
        "MAX_TEMPERATURE",
    ],
)
min_temperature = float(args["MIN_TEMPERATURE"])
max_temperature = float(args["MAX_TEMPERATURE"])

glue = GlueContext(SparkContext.getOrCreate())
job = Job(glue)
job.init(args["JOB_NAME"], args)
log = glue.get_logger()
# Partition by the reading's UTC date, as Firehose partitions the raw data by UTC arrival time.
glue.spark_session.conf.set("spark.sql.session.timeZone", "UTC")

# The raw table uses partition projection, which only Athena reads: its partitions are not in
# the catalog, so `from_catalog` would find none. The catalog still says where and what the
# data is; the objects are read from there.
table = boto3.client("glue").get_table(
    DatabaseName=args["SENSOR_CATALOG_DATABASE"], Name=args["SOURCE_TABLE"]
)["Table"]
location = table["StorageDescriptor"]["Location"]

raw = glue.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": [location], "recurse": True},
    format="json",
    transformation_ctx="raw_readings",
)
readings = raw.toDF()

if not readings.columns:
    # Nothing new since the last run.
    log.info(f"no new readings under {location}")
else:
    read_at = F.to_timestamp("timestamp")
    clean = (
        readings.select(
            F.col("sensor_id").cast("string").alias("sensor_id"),
            F.col("timestamp").cast("string").alias("timestamp"),
            F.col("temperature").cast("double").alias("temperature"),
            F.col("humidity").cast("double").alias("humidity"),
            F.col("location").cast("string").alias("location"),
        )
        .where(F.col("sensor_id").isNotNull() & (F.trim("sensor_id") != ""))
        .where(read_at.isNotNull())
        .where(F.col("temperature").between(min_temperature, max_temperature))
        .where(F.col("humidity").between(0.0, 100.0))
        .withColumn("year", F.date_format(read_at, "yyyy"))
        .withColumn("month", F.date_format(read_at, "MM"))
        .withColumn("day", F.date_format(read_at, "dd"))
    )
    glue.write_dynamic_frame.from_options(
        frame=DynamicFrame.fromDF(clean, glue, "clean_readings"),
        connection_type="s3",
        connection_options={
            "path": f"s3://{args['DATA_LAKE_BUCKET']}/{args['DATA_LAKE_PREFIX']}",
            "partitionKeys": ["year", "month", "day"],
        },
        format="glueparquet",
        format_options={"compression": "snappy"},
        transformation_ctx="clean_readings",
    )

job.commit()
