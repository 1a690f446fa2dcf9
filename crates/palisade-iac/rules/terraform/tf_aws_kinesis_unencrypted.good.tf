resource "aws_kinesis_stream" "x" {
  name = "x"
  encryption_type = "KMS"
}
