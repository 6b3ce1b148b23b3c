// Alert processor for the IoT analytics pipeline: reads sensor readings from Kinesis and writes
// HIGH_TEMPERATURE / HIGH_HUMIDITY alerts as one JSON object per batch into the data lake.
// pipelinec sets DATA_LAKE_BUCKET and DATA_LAKE_PREFIX from the spec's `data_lake` sink.
const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');

const s3 = new S3Client({});
const TEMPERATURE_LIMIT = Number(process.env.TEMPERATURE_LIMIT || '28.0');
const HUMIDITY_LIMIT = Number(process.env.HUMIDITY_LIMIT || '75.0');

function alertsFor(reading) {
  const alerts = [];
  const base = { sensor_id: reading.sensor_id, location: reading.location, timestamp: reading.timestamp };
  if (reading.temperature > TEMPERATURE_LIMIT) {
    alerts.push({ ...base, temperature: reading.temperature, alert_type: 'HIGH_TEMPERATURE' });
  }
  if (reading.humidity > HUMIDITY_LIMIT) {
    alerts.push({ ...base, humidity: reading.humidity, alert_type: 'HIGH_HUMIDITY' });
  }
  return alerts;
}

exports.handler = async (event) => {
  const alerts = [];
  for (const record of event.Records) {
    const payload = Buffer.from(record.kinesis.data, 'base64').toString('utf-8');
    alerts.push(...alertsFor(JSON.parse(payload)));
  }
  if (alerts.length > 0) {
    const key = `${process.env.DATA_LAKE_PREFIX}${new Date().toISOString()}.json`;
    await s3.send(new PutObjectCommand({
      Bucket: process.env.DATA_LAKE_BUCKET,
      Key: key,
      Body: alerts.map((a) => JSON.stringify(a)).join('\n'),
      ContentType: 'application/json',
    }));
    console.log(`saved ${alerts.length} alerts to ${key}`);
  }
  return { processed: event.Records.length, alerts: alerts.length };
};

exports.alertsFor = alertsFor;
