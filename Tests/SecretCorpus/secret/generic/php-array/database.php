<?php

return [
    'default' => 'mysql',
    'connections' => [
        'mysql' => [
            'driver' => 'mysql',
            'host' => '127.0.0.1',
            'database' => 'forge',
            'username' => 'forge',
            'password' => '8P=jJmp~N95w93Yiq',
            'charset' => 'utf8mb4',
        ],
    ],
];
