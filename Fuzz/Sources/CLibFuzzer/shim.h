#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver, for a program that has its own main: SwiftPM gives every
// executable one, so libFuzzer's main cannot be used.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
