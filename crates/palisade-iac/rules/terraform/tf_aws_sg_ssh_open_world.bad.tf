resource "aws_security_group" "admin" {
  name = "admin"

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # expect: tf-aws-sg-ssh-open-world
  }
}

resource "aws_security_group_rule" "all" {
  type             = "ingress"
  from_port        = 0
  to_port          = 65535
  protocol         = "tcp"
  ipv6_cidr_blocks = ["::/0"] # expect: tf-aws-sg-ssh-open-world
  security_group_id = aws_security_group.admin.id
}
