output "dataset_group_arn" {
  description = "ARN of the dataset group."
  value       = aws_cloudformation_stack.this.outputs["DatasetGroupArn"]
}

output "tracking_id" {
  description = "Tracking id of the event tracker (null without one)."
  value       = var.role_arn == null ? null : aws_cloudformation_stack.this.outputs["TrackingId"]
}

output "solution_arn" {
  description = "ARN of the solution (null without one)."
  value       = var.solution ? aws_cloudformation_stack.this.outputs["SolutionArn"] : null
}

output "campaign_arn" {
  description = "ARN of the campaign functions may ask, once created (null without one)."
  value       = var.campaign ? "arn:${data.aws_partition.current.partition}:personalize:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:campaign/${var.name}" : null
}

output "create_campaign" {
  description = "The command that creates the campaign from a trained solution version."
  value       = var.campaign ? "aws personalize create-campaign --name ${var.name} --solution-version-arn <a trained version of ${aws_cloudformation_stack.this.outputs["SolutionArn"]}> --min-provisioned-tps 1" : null
}
