resource "google_container_cluster" "gke" {
  name            = "gke"
  location        = "europe-west1"
  logging_service = "logging.googleapis.com/kubernetes"
}
