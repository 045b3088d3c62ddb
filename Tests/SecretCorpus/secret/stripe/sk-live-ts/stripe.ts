import Stripe from 'stripe';

export const stripe = new Stripe('sk_live_sS5wk2w6rIkzo3NpukuHJOmD', {
  apiVersion: '2024-04-10',
  typescript: true,
});
