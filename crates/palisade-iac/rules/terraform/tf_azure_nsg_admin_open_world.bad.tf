resource "azurerm_network_security_rule" "ssh" {
  name                        = "ssh"
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  destination_port_range      = "22"
  source_address_prefix       = "*" # expect: tf-azure-nsg-admin-open-world
  destination_address_prefix  = "*"
}
