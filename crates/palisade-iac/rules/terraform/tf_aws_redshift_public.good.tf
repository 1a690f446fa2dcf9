resource "aws_redshift_cluster" "x" {
  name = "x"
  publicly_accessible = false
}
