resource "azurerm_key_vault" "x" {
  name = "x"
  network_acls {
    default_action = "Allow" # expect: tf-azure-keyvault-network-open
  }
}
