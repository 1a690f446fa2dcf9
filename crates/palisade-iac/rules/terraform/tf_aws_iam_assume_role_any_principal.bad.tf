resource "aws_iam_role" "r" {
  name = "r"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" } # expect: tf-aws-iam-assume-role-any-principal
      Action    = "sts:AssumeRole"
    }]
  })
}
