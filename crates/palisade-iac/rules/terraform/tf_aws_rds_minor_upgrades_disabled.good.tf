resource "aws_db_instance" "x" {
  name = "x"
  auto_minor_version_upgrade = true
}
