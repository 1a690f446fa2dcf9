resource "aws_redshift_cluster" "x" {
  name = "x"
  encrypted = true
}
