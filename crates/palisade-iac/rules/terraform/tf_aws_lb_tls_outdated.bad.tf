resource "aws_lb_listener" "x" {
  name = "x"
  ssl_policy = "ELBSecurityPolicy-2015-05" # expect: tf-aws-lb-tls-outdated
}
