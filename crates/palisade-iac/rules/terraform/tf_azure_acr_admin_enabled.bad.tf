resource "azurerm_container_registry" "x" {
  name = "x"
  admin_enabled = true # expect: tf-azure-acr-admin-enabled
}
