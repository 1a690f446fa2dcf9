resource "aws_eks_cluster" "c" {
  name     = "c"
  role_arn = aws_iam_role.eks.arn
  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.eks.arn
    }
  }
}
