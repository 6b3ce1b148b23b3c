SELECT event_type, COUNT(DISTINCT session_id) AS sessions
FROM clicks
WHERE year = '2025' AND month = '06' AND day = '01'
GROUP BY event_type
