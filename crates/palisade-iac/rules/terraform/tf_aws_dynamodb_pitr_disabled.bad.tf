resource "aws_dynamodb_table" "x" {
  name = "x"
  point_in_time_recovery {
    enabled = false # expect: tf-aws-dynamodb-pitr-disabled
  }
}
