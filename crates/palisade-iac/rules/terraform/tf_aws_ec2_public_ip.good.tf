resource "aws_instance" "x" {
  name = "x"
  associate_public_ip_address = false
}
