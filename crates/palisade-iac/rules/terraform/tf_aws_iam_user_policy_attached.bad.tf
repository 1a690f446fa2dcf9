# expect: tf-aws-iam-user-policy-attached
resource "aws_iam_user_policy_attachment" "a" {
  user       = aws_iam_user.ci.name
  policy_arn = aws_iam_policy.deploy.arn
}
