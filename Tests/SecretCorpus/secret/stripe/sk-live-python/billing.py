import stripe

stripe.api_key = "sk_live_9ICp5Wi34e8TD6ekgh4kUCAz"
stripe.max_network_retries = 2


def refund(charge_id: str, amount: int | None = None):
    return stripe.Refund.create(charge=charge_id, amount=amount)
