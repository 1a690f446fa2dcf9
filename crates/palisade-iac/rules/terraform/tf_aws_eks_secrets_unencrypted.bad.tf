# expect: tf-aws-eks-secrets-unencrypted
resource "aws_eks_cluster" "c" {
  name     = "c"
  role_arn = aws_iam_role.eks.arn
}
