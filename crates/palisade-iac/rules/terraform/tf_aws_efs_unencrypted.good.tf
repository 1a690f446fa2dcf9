resource "aws_efs_file_system" "fs" {
  creation_token = "shared"
  encrypted      = true
}
