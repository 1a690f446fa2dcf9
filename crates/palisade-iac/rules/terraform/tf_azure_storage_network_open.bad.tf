resource "azurerm_storage_account" "sa" {
  name = "appdata"
  network_rules {
    default_action = "Allow" # expect: tf-azure-storage-network-open
  }
}
