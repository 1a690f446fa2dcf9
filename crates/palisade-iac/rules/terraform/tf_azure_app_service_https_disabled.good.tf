resource "azurerm_linux_web_app" "x" {
  name = "x"
  https_only = true
}
