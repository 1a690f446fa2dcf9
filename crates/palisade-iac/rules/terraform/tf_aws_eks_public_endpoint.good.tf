resource "aws_eks_cluster" "c" {
  name     = "c"
  role_arn = aws_iam_role.eks.arn
  vpc_config {
    subnet_ids              = var.subnets
    endpoint_public_access  = false
    endpoint_private_access = true
  }
}
