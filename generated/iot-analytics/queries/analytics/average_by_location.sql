SELECT location, AVG(temperature) AS avg_temp, AVG(humidity) AS avg_humidity,
       COUNT(*) AS reading_count
FROM sensor_data
GROUP BY location
ORDER BY avg_temp DESC
