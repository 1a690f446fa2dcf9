resource "azurerm_mssql_firewall_rule" "all" {
  name             = "all"
  server_id        = azurerm_mssql_server.db.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "255.255.255.255" # expect: tf-azure-sql-firewall-open-world
}
