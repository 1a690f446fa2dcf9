resource "aws_ami_launch_permission" "x" {
  image_id   = aws_ami.app.id
  account_id = "123456789012"
}
