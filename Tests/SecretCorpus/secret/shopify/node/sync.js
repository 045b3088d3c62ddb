const Shopify = require('shopify-api-node');

const shopify = new Shopify({
  shopName: 'acme-outlet',
  accessToken: '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'
});

shopify.product.list({ limit: 250 }).then((p) => console.log(p.length));
