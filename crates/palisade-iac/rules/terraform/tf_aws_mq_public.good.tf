resource "aws_mq_broker" "x" {
  name = "x"
  publicly_accessible = false
}
