# config/initializers/stripe.rb
Rails.configuration.stripe = {
  publishable_key: ENV['STRIPE_PUBLISHABLE_KEY'],
  secret_key: 'rk_live_2qXRRCXsYU9ZqbJXDVahDpvG'
}
Stripe.api_key = Rails.configuration.stripe[:secret_key]
