resource "aws_s3_bucket_versioning" "x" {
  name = "x"
  versioning_configuration {
    status = "Suspended" # expect: tf-aws-s3-versioning-disabled
  }
}
