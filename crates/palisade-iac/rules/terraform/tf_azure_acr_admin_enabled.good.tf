resource "azurerm_container_registry" "x" {
  name = "x"
  admin_enabled = false
}
