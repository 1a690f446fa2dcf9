resource "google_compute_firewall" "ssh" {
  name          = "ssh"
  network       = google_compute_network.vpc.name
  source_ranges = ["0.0.0.0/0"] # expect: tf-gcp-firewall-admin-open-world
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}
