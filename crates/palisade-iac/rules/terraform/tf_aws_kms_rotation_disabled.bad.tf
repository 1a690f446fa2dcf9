# expect: tf-aws-kms-rotation-disabled
resource "aws_kms_key" "k" {
  description = "app"
}
