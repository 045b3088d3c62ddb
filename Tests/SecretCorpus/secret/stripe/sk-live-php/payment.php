<?php
require_once __DIR__ . '/vendor/autoload.php';

\Stripe\Stripe::setApiKey('sk_live_ysQaGcJA1nrjXmSbZpFkOPMk');

$session = \Stripe\Checkout\Session::create([
    'mode' => 'payment',
    'line_items' => [['price' => $_POST['price_id'], 'quantity' => 1]],
    'success_url' => 'https://shop.acme.io/thanks',
    'cancel_url' => 'https://shop.acme.io/cart',
]);
header('Location: ' . $session->url, true, 303);
