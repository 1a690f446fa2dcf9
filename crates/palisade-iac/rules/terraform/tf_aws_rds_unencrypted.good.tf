resource "aws_db_instance" "db" {
  engine            = "postgres"
  instance_class    = "db.t3.medium"
  storage_encrypted = true
}
