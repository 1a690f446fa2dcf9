resource "aws_lb_listener" "x" {
  name = "x"
  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"
}
