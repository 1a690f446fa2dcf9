resource "azurerm_postgresql_server" "x" {
  name = "x"
  ssl_enforcement_enabled = false # expect: tf-azure-postgres-ssl-disabled
}
