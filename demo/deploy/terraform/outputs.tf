output "reports_bucket" {
  value = aws_s3_bucket.reports.bucket
}

output "db_endpoint" {
  value = aws_db_instance.telemetry.endpoint
}

output "gateway_role_arn" {
  value = aws_iam_role.gateway.arn
}
