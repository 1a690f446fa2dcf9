resource "azurerm_redis_cache" "x" {
  name = "x"
  non_ssl_port_enabled = true # expect: tf-azure-redis-non-ssl-port
}
