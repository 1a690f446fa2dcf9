resource "aws_iam_role_policy" "runtime" {
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*" # expect: tf-aws-iam-wildcard-policy
      Resource = "*"
    }]
  })
}

resource "aws_iam_policy" "admin" {
  # expect: tf-aws-iam-wildcard-policy
  policy = <<EOF
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
EOF
}
