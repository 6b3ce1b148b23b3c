SELECT trip_count, avg_trip_duration_seconds, avg_passenger_count, computed_at
FROM trip_stats
WHERE vendor_id = 'ALL'
