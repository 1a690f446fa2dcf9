resource "aws_dms_replication_instance" "x" {
  name = "x"
  publicly_accessible = true # expect: tf-aws-dms-public
}
