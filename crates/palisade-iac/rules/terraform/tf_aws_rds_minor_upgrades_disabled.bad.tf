resource "aws_db_instance" "x" {
  name = "x"
  auto_minor_version_upgrade = false # expect: tf-aws-rds-minor-upgrades-disabled
}
