resource "aws_network_acl_rule" "r" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 100
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0" # expect: tf-aws-nacl-admin-open-world
  from_port      = 22
  to_port        = 22
}
