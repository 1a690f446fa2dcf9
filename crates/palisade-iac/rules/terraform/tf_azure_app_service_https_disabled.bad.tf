resource "azurerm_linux_web_app" "x" {
  name = "x"
  https_only = false # expect: tf-azure-app-service-https-disabled
}
