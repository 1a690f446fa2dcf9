resource "google_kms_crypto_key" "k" {
  name            = "k"
  key_ring        = google_kms_key_ring.ring.id
  rotation_period = "7776000s"
}
