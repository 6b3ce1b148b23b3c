"""Trip statistics of the big-data pipeline, run on EMR Serverless.

Reads the raw taxi trips Firehose delivered (gzip JSON lines under the raw prefix, in
year=/month=/day= folders), and writes one Parquet dataset under the processed prefix: one row
per vendor and one row for every trip (vendor_id = "ALL"), each with the trip count, the
average trip duration in seconds and the average passenger count. Each run recomputes the
statistics over all raw trips and replaces the previous results.

pipelinec passes where to read and write as arguments (see the spec's `arguments`):
  --TRIPS_LAKE_BUCKET, --TRIPS_LAKE_INPUT_PREFIX, --TRIPS_LAKE_PREFIX,
and the spec adds --MIN_DURATION_SECONDS (shorter trips are treated as bad records).
"""

import argparse

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import (
    DoubleType,
    IntegerType,
    StringType,
    StructField,
    StructType,
)

# What the producers send; an explicit schema keeps a malformed file from changing the types.
RAW_SCHEMA = StructType(
    [
        StructField("trip_id", StringType()),
        StructField("vendor_id", StringType()),
        StructField("pickup_datetime", StringType()),
        StructField("dropoff_datetime", StringType()),
        StructField("passenger_count", IntegerType()),
        StructField("trip_distance", DoubleType()),
        StructField("fare_amount", DoubleType()),
    ]
)

# At most this long: anything longer is a meter left running, not a trip.
MAX_DURATION_SECONDS = 24 * 3600


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Taxi trip statistics")
    parser.add_argument("--TRIPS_LAKE_BUCKET", required=True)
    parser.add_argument("--TRIPS_LAKE_INPUT_PREFIX", required=True)
    parser.add_argument("--TRIPS_LAKE_PREFIX", required=True)
    parser.add_argument("--MIN_DURATION_SECONDS", type=int, default=60)
    return parser.parse_args()


def valid_trips(raw: DataFrame, min_duration: int) -> DataFrame:
    """Trips with a vendor, a plausible duration and a passenger count."""
    pickup = F.to_timestamp("pickup_datetime")
    dropoff = F.to_timestamp("dropoff_datetime")
    duration = dropoff.cast("long") - pickup.cast("long")
    return (
        raw.withColumn("duration_seconds", duration)
        .where(F.col("vendor_id").isNotNull() & (F.trim("vendor_id") != ""))
        .where(F.col("duration_seconds").between(min_duration, MAX_DURATION_SECONDS))
        .where(F.col("passenger_count").between(1, 9))
        .dropDuplicates(["trip_id"])
    )


def statistics(trips: DataFrame) -> DataFrame:
    """One row per vendor and one for all trips."""
    measures = [
        F.count(F.lit(1)).alias("trip_count"),
        F.avg("duration_seconds").alias("avg_trip_duration_seconds"),
        F.avg("passenger_count").cast("double").alias("avg_passenger_count"),
    ]
    by_vendor = trips.groupBy("vendor_id").agg(*measures)
    overall = trips.agg(*measures).withColumn("vendor_id", F.lit("ALL"))
    return (
        by_vendor.unionByName(overall)
        .withColumn("computed_at", F.current_timestamp())
        .select(
            "vendor_id",
            "trip_count",
            "avg_trip_duration_seconds",
            "avg_passenger_count",
            "computed_at",
        )
    )


def main() -> None:
    args = parse_args()
    source = f"s3://{args.TRIPS_LAKE_BUCKET}/{args.TRIPS_LAKE_INPUT_PREFIX}"
    target = f"s3://{args.TRIPS_LAKE_BUCKET}/{args.TRIPS_LAKE_PREFIX}"

    spark = SparkSession.builder.appName("trip_stats").getOrCreate()
    # Firehose's year=/month=/day= folders become partition columns; no statistic uses them.
    raw = spark.read.schema(RAW_SCHEMA).json(source)
    stats = statistics(valid_trips(raw, args.MIN_DURATION_SECONDS))
    # A handful of rows: one file, so that Athena reads one object.
    stats.coalesce(1).write.mode("overwrite").option("compression", "snappy").parquet(target)
    spark.stop()


if __name__ == "__main__":
    main()
