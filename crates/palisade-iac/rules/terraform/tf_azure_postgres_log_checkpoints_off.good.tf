resource "azurerm_postgresql_configuration" "cp" {
  name                = "log_checkpoints"
  resource_group_name = "rg"
  server_name         = "db"
  value               = "on"
}
