resource "azurerm_mssql_server" "x" {
  name = "x"
  public_network_access_enabled = false
}
