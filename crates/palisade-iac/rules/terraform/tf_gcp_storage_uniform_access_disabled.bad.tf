resource "google_storage_bucket" "x" {
  name = "x"
  location = "EU"
  uniform_bucket_level_access = false # expect: tf-gcp-storage-uniform-access-disabled
}
