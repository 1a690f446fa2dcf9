resource "aws_guardduty_detector" "x" {
  name = "x"
  enable = true
}
