SELECT vendor_id, trip_count, avg_trip_duration_seconds, avg_passenger_count
FROM trip_stats
WHERE vendor_id <> 'ALL'
ORDER BY trip_count DESC
