resource "azurerm_linux_web_app" "x" {
  name = "x"
  site_config {
    minimum_tls_version = "1.0" # expect: tf-azure-app-service-tls-outdated
  }
}
