output "api_id" {
  description = "API id."
  value       = aws_apigatewayv2_api.this.id
}

output "url" {
  description = "The stage's URL."
  value       = aws_apigatewayv2_stage.this.invoke_url
}

output "domain_name" {
  description = "The API's host name (a CloudFront origin)."
  value       = replace(aws_apigatewayv2_api.this.api_endpoint, "https://", "")
}

output "stage" {
  description = "The stage's name (a CloudWatch dimension of its metrics)."
  value       = aws_apigatewayv2_stage.this.name
}
