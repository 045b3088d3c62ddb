provider "azurerm" {
  features {}
  subscription_id = "4b9d2e51-0c7a-4f3e-9a12-7d6c5b8e1f20"
  tenant_id       = "9e3c1a77-2b5d-4c8f-8e0a-51f6d3b2a9c4"
  client_id       = "0f7a2c91-5e3b-4d18-b6a4-2c9e8f1d3a57"
  client_secret   = "TCF1Q~RyihVTdOW88W.GSoXIEtUvzIHO1oTApant"
}
