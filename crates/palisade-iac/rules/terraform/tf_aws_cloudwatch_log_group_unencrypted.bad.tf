# expect: tf-aws-cloudwatch-log-group-unencrypted
resource "aws_cloudwatch_log_group" "app" {
  name = "/app"
}
