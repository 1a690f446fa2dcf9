resource "aws_ami_launch_permission" "x" {
  image_id = aws_ami.app.id
  group    = "all" # expect: tf-aws-ami-public
}
