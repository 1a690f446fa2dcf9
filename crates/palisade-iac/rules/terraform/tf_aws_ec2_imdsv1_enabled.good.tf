resource "aws_instance" "x" {
  name = "x"
  metadata_options {
    http_tokens = "required"
  }
}
