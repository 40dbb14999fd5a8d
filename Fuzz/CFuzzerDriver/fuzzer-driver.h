// libFuzzer's entry for a program that has its own main (compiler-rt FuzzerInterface.h): it parses
// the libFuzzer flags in argv and runs the loop, calling UserCb on each input. Declared here so
// Swift calls it with the C calling convention; the definition comes from -sanitize=fuzzer.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
