resource "google_compute_instance" "x" {
  name = "x"
  machine_type = "e2-small"
  can_ip_forward = true # expect: tf-gcp-compute-ip-forwarding
}
