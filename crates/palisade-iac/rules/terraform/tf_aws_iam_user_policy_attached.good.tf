resource "aws_iam_group_policy_attachment" "a" {
  group      = aws_iam_group.ci.name
  policy_arn = aws_iam_policy.deploy.arn
}
