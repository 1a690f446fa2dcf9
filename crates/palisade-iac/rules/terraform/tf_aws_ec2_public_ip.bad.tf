resource "aws_instance" "x" {
  name = "x"
  associate_public_ip_address = true # expect: tf-aws-ec2-public-ip
}
