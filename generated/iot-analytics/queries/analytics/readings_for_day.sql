SELECT sensor_id, location, temperature, humidity, timestamp
FROM sensor_data
WHERE year = '2025' AND month = '06' AND day = '01'
ORDER BY timestamp
