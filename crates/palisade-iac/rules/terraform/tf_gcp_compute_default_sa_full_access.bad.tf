resource "google_compute_instance" "vm" {
  name         = "vm"
  machine_type = "e2-small"
  service_account { # expect: tf-gcp-compute-default-sa-full-access
    scopes = ["cloud-platform"]
  }
}
