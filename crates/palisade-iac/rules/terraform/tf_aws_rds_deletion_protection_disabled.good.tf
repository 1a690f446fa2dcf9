resource "aws_db_instance" "x" {
  name = "x"
  deletion_protection = true
}
