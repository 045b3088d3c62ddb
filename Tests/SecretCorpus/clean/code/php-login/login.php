<?php
session_start();
$pdo = require __DIR__ . '/db.php';
$stmt = $pdo->prepare('SELECT id, password_hash FROM users WHERE email = ?');
$stmt->execute([$_POST['email'] ?? '']);
$user = $stmt->fetch();
if ($user && password_verify($_POST['password'] ?? '', $user['password_hash'])) {
    session_regenerate_id(true);
    $_SESSION['uid'] = $user['id'];
    $_SESSION['csrf_token'] = bin2hex(random_bytes(32));
    header('Location: /dashboard');
    exit;
}
http_response_code(401);
echo 'Wrong email or password';
