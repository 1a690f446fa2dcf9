resource "aws_ecr_repository" "x" {
  name = "x"
  image_scanning_configuration {
    scan_on_push = true
  }
}
