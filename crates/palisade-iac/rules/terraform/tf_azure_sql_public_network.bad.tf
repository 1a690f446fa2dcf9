resource "azurerm_mssql_server" "x" {
  name = "x"
  public_network_access_enabled = true # expect: tf-azure-sql-public-network
}
