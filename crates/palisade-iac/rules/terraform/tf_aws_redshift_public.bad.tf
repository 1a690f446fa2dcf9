resource "aws_redshift_cluster" "x" {
  name = "x"
  publicly_accessible = true # expect: tf-aws-redshift-public
}
