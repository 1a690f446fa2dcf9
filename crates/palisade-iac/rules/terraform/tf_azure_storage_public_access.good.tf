resource "azurerm_storage_account" "sa" {
  name                            = "appdata"
  allow_nested_items_to_be_public = false
}
