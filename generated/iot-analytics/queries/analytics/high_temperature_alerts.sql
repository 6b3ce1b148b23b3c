SELECT sensor_id, location, temperature, timestamp
FROM sensor_data
WHERE temperature > 28.0
ORDER BY timestamp DESC
LIMIT 10
