// The allocation-failure injector (failing_allocator.hpp).
//
// How it reaches the library: this file defines malloc, calloc, realloc,
// free, posix_memalign, aligned_alloc, memalign, valloc and every form of
// the global operator new and delete in the test EXECUTABLE.  The dynamic
// linker binds a shared object's calls to the first definition in the
// global scope, which is the executable's (ELF symbol interposition), so
// librollgate.so, libstdc++.so and libre2.so all allocate here.  The real
// work is forwarded to glibc's own entry points (__libc_malloc and kin,
// which glibc exports for exactly this), so the heap is glibc's and a
// pointer from anywhere can be freed anywhere.  A sweep whose first
// allocation already fails inside the library proves the binding works.
// It cannot work under a sanitizer, which replaces malloc itself: the
// build leaves the test out there.
//
// The counters are atomics with constant initialisation: the dynamic
// loader and libstdc++ allocate before any constructor of this program
// runs, so nothing here may need one.
#include "failing_allocator.hpp"

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <new>

extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* block, std::size_t size);
void* __libc_memalign(std::size_t alignment, std::size_t size);
void __libc_free(void* block);
}

namespace {

std::atomic<std::uint64_t> allocation_count{0};
std::atomic<std::int64_t> live_count{0};
// Allocations left before the one that fails; 0 when disarmed.
std::atomic<std::int64_t> countdown{0};
std::atomic<bool> failure_injected{false};

// Counts one allocation and says whether it is the one that must fail.
bool must_fail() {
  allocation_count.fetch_add(1, std::memory_order_relaxed);
  if (countdown.load(std::memory_order_relaxed) <= 0) return false;
  if (countdown.fetch_sub(1, std::memory_order_relaxed) != 1) return false;
  failure_injected.store(true, std::memory_order_relaxed);
  return true;
}

void* counted(void* block) {
  if (block) live_count.fetch_add(1, std::memory_order_relaxed);
  return block;
}

void* allocate(std::size_t size) { return must_fail() ? nullptr : counted(__libc_malloc(size)); }

void* allocate_aligned(std::size_t alignment, std::size_t size) {
  return must_fail() ? nullptr : counted(__libc_memalign(alignment, size));
}

void release(void* block) {
  if (!block) return;
  live_count.fetch_sub(1, std::memory_order_relaxed);
  __libc_free(block);
}

void* allocate_or_throw(std::size_t size) {
  if (void* block = allocate(size)) return block;
  throw std::bad_alloc();
}

void* allocate_aligned_or_throw(std::size_t size, std::align_val_t alignment) {
  if (void* block = allocate_aligned(static_cast<std::size_t>(alignment), size)) return block;
  throw std::bad_alloc();
}

}  // namespace

namespace alloc_failure {

void arm(std::uint64_t n) {
  failure_injected.store(false, std::memory_order_relaxed);
  countdown.store(static_cast<std::int64_t>(n), std::memory_order_relaxed);
}

bool disarm() {
  countdown.store(0, std::memory_order_relaxed);
  return failure_injected.exchange(false, std::memory_order_relaxed);
}

std::uint64_t allocations() { return allocation_count.load(std::memory_order_relaxed); }

std::int64_t live_allocations() { return live_count.load(std::memory_order_relaxed); }

}  // namespace alloc_failure

// ------------------------------------------------------------ C allocation

// The build hides every symbol by default (-fvisibility=hidden), and glibc
// declares malloc without a visibility: a hidden malloc would serve this
// program alone, never the shared objects.
#define INTERPOSED __attribute__((visibility("default")))

extern "C" {

INTERPOSED void* malloc(std::size_t size) { return allocate(size); }

INTERPOSED void* calloc(std::size_t count, std::size_t size) {
  return must_fail() ? nullptr : counted(__libc_calloc(count, size));
}

// realloc(NULL, n) allocates; realloc(p, 0) frees (glibc); realloc(p, n)
// moves a block, which may fail like any allocation and then leaves p.
INTERPOSED void* realloc(void* block, std::size_t size) {
  if (!block) return allocate(size);
  if (size == 0) {
    release(block);
    return nullptr;
  }
  return must_fail() ? nullptr : __libc_realloc(block, size);
}

INTERPOSED void free(void* block) { release(block); }

INTERPOSED int posix_memalign(void** out, std::size_t alignment, std::size_t size) {
  void* block = allocate_aligned(alignment, size);
  if (!block) return ENOMEM;
  *out = block;
  return 0;
}

INTERPOSED void* aligned_alloc(std::size_t alignment, std::size_t size) { return allocate_aligned(alignment, size); }
INTERPOSED void* memalign(std::size_t alignment, std::size_t size) { return allocate_aligned(alignment, size); }
INTERPOSED void* valloc(std::size_t size) { return allocate_aligned(4096, size); }

}  // extern "C"

// ------------------------------------------------------ C++ allocation

void* operator new(std::size_t size) { return allocate_or_throw(size); }
void* operator new[](std::size_t size) { return allocate_or_throw(size); }
void* operator new(std::size_t size, std::align_val_t alignment) { return allocate_aligned_or_throw(size, alignment); }
void* operator new[](std::size_t size, std::align_val_t alignment) {
  return allocate_aligned_or_throw(size, alignment);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void* operator new(std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return allocate_aligned(static_cast<std::size_t>(alignment), size);
}
void* operator new[](std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return allocate_aligned(static_cast<std::size_t>(alignment), size);
}

void operator delete(void* block) noexcept { release(block); }
void operator delete[](void* block) noexcept { release(block); }
void operator delete(void* block, std::size_t) noexcept { release(block); }
void operator delete[](void* block, std::size_t) noexcept { release(block); }
void operator delete(void* block, std::align_val_t) noexcept { release(block); }
void operator delete[](void* block, std::align_val_t) noexcept { release(block); }
void operator delete(void* block, std::size_t, std::align_val_t) noexcept { release(block); }
void operator delete[](void* block, std::size_t, std::align_val_t) noexcept { release(block); }
void operator delete(void* block, const std::nothrow_t&) noexcept { release(block); }
void operator delete[](void* block, const std::nothrow_t&) noexcept { release(block); }
void operator delete(void* block, std::align_val_t, const std::nothrow_t&) noexcept { release(block); }
void operator delete[](void* block, std::align_val_t, const std::nothrow_t&) noexcept { release(block); }
