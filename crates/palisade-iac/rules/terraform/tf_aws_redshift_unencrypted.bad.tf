resource "aws_redshift_cluster" "x" {
  name = "x"
  encrypted = false # expect: tf-aws-redshift-unencrypted
}
