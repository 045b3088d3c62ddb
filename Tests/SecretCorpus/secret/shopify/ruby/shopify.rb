ShopifyAPI::Context.setup(
  api_key: "60308d6ad7333360af4d498e43ff390d",
  api_secret_key: "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",
  host: "https://app.acme.io",
  scope: "read_orders,write_products",
  is_embedded: true,
  api_version: "2024-04",
  is_private: false,
)
