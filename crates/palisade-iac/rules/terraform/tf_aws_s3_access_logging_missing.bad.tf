# expect: tf-aws-s3-access-logging-missing
resource "aws_s3_bucket" "data" {
  bucket = "app-data"
}
