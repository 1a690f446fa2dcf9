resource "azurerm_storage_account" "sa" {
  name            = "appdata"
  min_tls_version = "TLS1_0" # expect: tf-azure-storage-tls-outdated
}
