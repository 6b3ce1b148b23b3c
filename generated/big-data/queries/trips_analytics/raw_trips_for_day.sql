SELECT vendor_id, pickup_datetime, dropoff_datetime, passenger_count, fare_amount
FROM raw_trips
WHERE year = '2025' AND month = '06' AND day = '01'
ORDER BY pickup_datetime
