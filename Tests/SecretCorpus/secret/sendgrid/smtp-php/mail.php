<?php
return [
    'driver' => 'smtp',
    'host' => 'smtp.sendgrid.net',
    'port' => 587,
    'encryption' => 'tls',
    'username' => 'apikey',
    'password' => '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',
    'from' => ['address' => 'noreply@acme.io', 'name' => 'Acme'],
];
