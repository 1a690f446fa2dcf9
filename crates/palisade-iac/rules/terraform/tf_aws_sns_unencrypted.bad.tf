# expect: tf-aws-sns-unencrypted
resource "aws_sns_topic" "t" {
  name = "alerts"
}
