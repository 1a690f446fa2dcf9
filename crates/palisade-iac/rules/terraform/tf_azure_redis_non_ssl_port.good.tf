resource "azurerm_redis_cache" "x" {
  name = "x"
  non_ssl_port_enabled = false
}
