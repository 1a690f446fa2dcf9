resource "google_storage_bucket_iam_member" "pub" {
  bucket = google_storage_bucket.site.name
  role   = "roles/storage.objectViewer"
  member = "group:web@example.com"
}
