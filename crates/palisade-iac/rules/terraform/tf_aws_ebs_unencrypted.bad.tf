resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 40
  encrypted         = false # expect: tf-aws-ebs-unencrypted
}
