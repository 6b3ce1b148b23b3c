SELECT DATE_TRUNC('hour', from_iso8601_timestamp(timestamp)) AS hour,
       location,
       AVG(temperature) AS avg_temp,
       AVG(humidity) AS avg_humidity,
       COUNT(*) AS readings
FROM sensor_data
GROUP BY DATE_TRUNC('hour', from_iso8601_timestamp(timestamp)), location
ORDER BY hour DESC, location
