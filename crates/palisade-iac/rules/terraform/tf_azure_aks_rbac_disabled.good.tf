resource "azurerm_kubernetes_cluster" "x" {
  name = "x"
  role_based_access_control_enabled = true
}
