resource "google_container_cluster" "x" {
  name = "x"
  enable_legacy_abac = true # expect: tf-gcp-gke-legacy-abac
}
