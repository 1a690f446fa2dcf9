resource "aws_instance" "x" {
  name = "x"
  metadata_options {
    http_tokens = "optional" # expect: tf-aws-ec2-imdsv1-enabled
  }
}
