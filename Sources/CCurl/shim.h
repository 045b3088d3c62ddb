#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: these
   typed entry points are what the HTTPTransfer wrapper uses. */
typedef size_t (*ta_curl_data_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode ta_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode ta_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode ta_curl_set_headers(CURL *handle, struct curl_slist *headers) {
    return curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers);
}
static inline CURLcode ta_curl_set_body(CURL *handle, const char *data, curl_off_t size) {
    curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, size);
    return curl_easy_setopt(handle, CURLOPT_COPYPOSTFIELDS, data);
}
static inline CURLcode ta_curl_set_receivers(CURL *handle, ta_curl_data_callback body, ta_curl_data_callback header, void *context) {
    curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, body);
    curl_easy_setopt(handle, CURLOPT_WRITEDATA, context);
    curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, header);
    return curl_easy_setopt(handle, CURLOPT_HEADERDATA, context);
}
static inline long ta_curl_status(CURL *handle) {
    long status = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
    return status;
}
