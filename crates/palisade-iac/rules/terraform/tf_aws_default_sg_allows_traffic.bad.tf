resource "aws_default_security_group" "d" {
  vpc_id = aws_vpc.main.id
  ingress { # expect: tf-aws-default-sg-allows-traffic
    protocol  = -1
    self      = true
    from_port = 0
    to_port   = 0
  }
}
