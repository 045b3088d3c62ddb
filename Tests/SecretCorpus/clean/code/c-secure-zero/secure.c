#include <string.h>
#include <openssl/crypto.h>

/* Wipe a password buffer after use. */
void wipe_password(char *password, size_t len) {
    OPENSSL_cleanse(password, len);
}

int check_token(const unsigned char *a, const unsigned char *b, size_t len) {
    return CRYPTO_memcmp(a, b, len) == 0;
}
