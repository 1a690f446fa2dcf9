resource "azurerm_storage_account" "x" {
  name = "x"
  https_traffic_only_enabled = true
}
