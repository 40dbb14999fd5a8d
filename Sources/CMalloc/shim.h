// glibc's allocator tuning (mallopt and its parameters), which Swift's Glibc module leaves out.
// Elsewhere (another C library) the module declares nothing and BatchMemory does nothing.
#if defined(__linux__) && __has_include(<malloc.h>)
#include <malloc.h>
#endif
