resource "azurerm_key_vault" "x" {
  name = "x"
  purge_protection_enabled = true
}
