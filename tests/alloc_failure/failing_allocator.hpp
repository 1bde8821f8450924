// An allocation-failure injector for tests, in SQLite's manner: arm(n)
// makes the n-th allocation from now fail, once.  Every allocation of the
// process (malloc and operator new, from the test program, librollgate.so,
// and libstdc++ alike) is counted, and so are the allocations still
// live, so that a leak shows as a live count that does not come back.
// failing_allocator.cpp says how.
#pragma once

#include <cstdint>

namespace alloc_failure {

// The n-th allocation from now (n >= 1) fails: malloc and its kin return
// NULL, operator new throws std::bad_alloc.  Later ones succeed again.
void arm(std::uint64_t n);

// Cancels an armed failure that has not happened; returns whether the armed
// failure happened since arm().
bool disarm();

// Allocations made since the process started (failed ones included).
std::uint64_t allocations();

// Allocations made and not yet freed.  Only differences mean anything: the
// dynamic loader allocates before counting can start.
std::int64_t live_allocations();

}  // namespace alloc_failure
