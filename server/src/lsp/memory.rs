//! Keeping the server's memory from growing with edits.
//!
//! Every analysis of a large document allocates its text, tree and specs on whichever blocking
//! thread runs it, and glibc's allocator gives each such thread its own arena. Freed memory
//! stays in those arenas, so a 5 MB document grew the server by the size of one analysis per
//! arena (measured: 282 MiB after opening, 1.2–1.5 GiB after 10–40 edits; with one arena it
//! stayed at 455 MiB). The server limits the arenas and hands freed pages back after each
//! analysis. Other allocators (musl, other systems) need neither; both calls are no-ops there.

/// Most malloc arenas (glibc's default is 8 per core).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MAX_ARENAS: libc::c_int = 2;

/// Limits the allocator's arenas; call before the runtime starts its threads.
pub(crate) fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only changes allocator tuning; it is called before other threads exist.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, MAX_ARENAS);
    }
}

/// Returns free memory in every arena to the system (after an analysis dropped the previous
/// one's text, tree and specs).
pub(crate) fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only releases unused pages; it is thread-safe.
    unsafe {
        libc::malloc_trim(0);
    }
}
