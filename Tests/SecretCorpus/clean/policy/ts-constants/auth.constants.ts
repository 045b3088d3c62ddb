export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
export const TOKEN_EXPIRY_SECONDS = 60 * 60;
export const SECRET_HEADER = 'X-Webhook-Signature';
export const API_KEY_PREFIX = 'ak_';
