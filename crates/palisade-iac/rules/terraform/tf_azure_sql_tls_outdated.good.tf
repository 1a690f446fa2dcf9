resource "azurerm_mssql_server" "x" {
  name = "x"
  minimum_tls_version = "1.2"
}
