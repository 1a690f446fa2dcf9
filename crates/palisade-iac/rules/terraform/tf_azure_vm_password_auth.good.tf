resource "azurerm_linux_virtual_machine" "x" {
  name = "x"
  disable_password_authentication = true
}
