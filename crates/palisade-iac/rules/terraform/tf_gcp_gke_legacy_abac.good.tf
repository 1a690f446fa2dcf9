resource "google_container_cluster" "x" {
  name = "x"
  enable_legacy_abac = false
}
