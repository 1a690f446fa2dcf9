resource "aws_guardduty_detector" "x" {
  name = "x"
  enable = false # expect: tf-aws-guardduty-disabled
}
