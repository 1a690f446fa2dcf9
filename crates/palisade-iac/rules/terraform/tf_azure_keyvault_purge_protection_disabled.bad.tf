resource "azurerm_key_vault" "x" {
  name = "x"
  purge_protection_enabled = false # expect: tf-azure-keyvault-purge-protection-disabled
}
