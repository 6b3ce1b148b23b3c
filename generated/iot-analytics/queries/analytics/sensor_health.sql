SELECT sensor_id, MAX(timestamp) AS last_seen, COUNT(*) AS total_readings
FROM sensor_data
GROUP BY sensor_id
ORDER BY last_seen DESC
