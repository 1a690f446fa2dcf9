resource "google_container_cluster" "gke" {
  name            = "gke"
  location        = "europe-west1"
  logging_service = "none" # expect: tf-gcp-gke-logging-disabled
}
