-- name: GetUserByEmail :one
SELECT id, email, password_hash FROM users WHERE email = $1;

-- name: RevokeToken :exec
UPDATE api_tokens SET revoked_at = now() WHERE token_hash = $1;

-- name: ExpiredSecrets :many
SELECT id FROM client_secrets WHERE expires_at < now();
