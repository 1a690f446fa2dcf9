resource "aws_sqs_queue" "q" {
  name                    = "q"
  sqs_managed_sse_enabled = true
}
