resource "azurerm_key_vault" "x" {
  name = "x"
  network_acls {
    default_action = "Deny"
  }
}
