# expect: tf-aws-efs-unencrypted
resource "aws_efs_file_system" "fs" {
  creation_token = "shared"
}
