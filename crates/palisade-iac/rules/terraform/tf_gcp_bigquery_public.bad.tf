resource "google_bigquery_dataset_iam_member" "pub" {
  dataset_id = google_bigquery_dataset.ds.dataset_id
  role       = "roles/bigquery.dataViewer"
  member     = "allUsers" # expect: tf-gcp-bigquery-public
}
