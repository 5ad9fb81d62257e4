//! The allocator of the engines built for size (the page's, and the extractor's) for blocks
//! larger than [`crate::small_blocks`] takes: sizes that are powers of two, each from a free list
//! of its size or else cut from fresh memory.
//!
//! The page's engine is downloaded by every reader, and the standard allocator of
//! `wasm32-unknown-unknown` (dlmalloc) was 2.5 KB of it gzipped; this one is about 0.3 KB. A
//! block is at most twice the size asked for. A freed block serves later blocks of its size, or,
//! split in halves, smaller ones; what this gives up is dlmalloc's merging of free neighbours
//! into larger blocks. Reading the 10,000- and 100,000-event benchmark packages, the page's
//! engine ends with 11% and 7% more memory than with dlmalloc (39 MB against 35, 325 against
//! 304). The engine with the importers, which reads a million-event file in a worker, keeps
//! dlmalloc.
//!
//! A block of `2^k` bytes is aligned to `2^k` up to a WebAssembly page (64 KB), so any layout
//! whose alignment is at most a page fits the block of its size rounded up to a power of two.
//! Fresh memory is cut from the end of the last page taken; the gap that alignment leaves
//! before a block goes to the free lists, as blocks of the sizes it can hold.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;
use std::ptr::null_mut;

/// A WebAssembly page: what memory grows by, and the widest alignment given.
pub const PAGE: usize = 1 << 16;

/// The smallest block, as a power of two: 16 bytes.
const FIRST: u32 = 4;

/// Where fresh memory comes from: `pages` more pages, contiguous, or null when there is none.
pub trait Pages {
    /// # Safety
    /// Only one thread may call it.
    unsafe fn grow(&self, pages: usize) -> *mut u8;
}

/// The WebAssembly module's own memory.
#[cfg(target_arch = "wasm32")]
pub struct Memory;

#[cfg(target_arch = "wasm32")]
impl Pages for Memory {
    unsafe fn grow(&self, pages: usize) -> *mut u8 {
        match core::arch::wasm32::memory_grow(0, pages) {
            usize::MAX => null_mut(),
            old => (old * PAGE) as *mut u8,
        }
    }
}

/// At least this many pages are taken at a time (1 MB), so memory grows seldom.
const LEAST_PAGES: usize = 16;

/// See the module docs.
pub struct LargeBlocks<P> {
    state: UnsafeCell<State<P>>,
}

// SAFETY: as for `SmallBlocks`, the allocator is used from one thread only.
unsafe impl<P> Sync for LargeBlocks<P> {}

struct State<P> {
    pages: P,
    /// The first free block of each size `2^k`, at `k`; each free block holds a pointer to the
    /// next.
    free: [*mut u8; usize::BITS as usize],
    /// The part of the memory taken last that is not cut yet.
    next: usize,
    end: usize,
}

/// The size of the block for `layout`, as a power of two; `None` for an alignment wider than a
/// page or a size past the address space.
fn class(layout: &Layout) -> Option<u32> {
    if layout.align() > PAGE {
        return None;
    }
    let size = layout.size().max(layout.align()).max(1 << FIRST);
    size.checked_next_power_of_two().map(usize::trailing_zeros)
}

impl<P> LargeBlocks<P> {
    /// An allocator with nothing taken yet, taking memory from `pages`.
    pub const fn new(pages: P) -> LargeBlocks<P> {
        LargeBlocks {
            state: UnsafeCell::new(State {
                pages,
                free: [null_mut(); usize::BITS as usize],
                next: 0,
                end: 0,
            }),
        }
    }
}

impl<P: Pages> State<P> {
    /// Puts a block of `2^k` bytes on its list.
    ///
    /// # Safety
    /// The block is unused and aligned as the module docs say.
    unsafe fn put(&mut self, block: *mut u8, k: u32) {
        *(block as *mut *mut u8) = self.free[k as usize];
        self.free[k as usize] = block;
    }

    /// Gives the bytes from `from` to `to` to the free lists, as the largest aligned blocks
    /// that fit, in order; less than the smallest block is left unused.
    ///
    /// # Safety
    /// The bytes are unused; `from` is aligned to the smallest block.
    unsafe fn release(&mut self, mut from: usize, to: usize) {
        while to - from >= 1 << FIRST {
            let k = from.trailing_zeros().min((to - from).ilog2());
            self.put(from as *mut u8, k);
            from += 1 << k;
        }
    }

    /// A block of `2^k` bytes, aligned as the module docs say, or null when memory ran out.
    ///
    /// # Safety
    /// Only one thread may use the allocator.
    unsafe fn take(&mut self, k: u32) -> *mut u8 {
        // A free block of this size, or else one of the next larger size there is, split in
        // halves down to this size, the halves not taken going on their lists.
        if let Some(j) = (k..usize::BITS).find(|&j| !self.free[j as usize].is_null()) {
            let block = self.free[j as usize];
            self.free[j as usize] = *(block as *mut *mut u8);
            for i in (k..j).rev() {
                self.put(block.add(1 << i), i);
            }
            return block;
        }
        let size = 1usize << k;
        let align = size.min(PAGE);
        let mut at = self.next.next_multiple_of(align);
        if at.checked_add(size).is_none_or(|last| last > self.end) {
            let pages = size.div_ceil(PAGE).max(LEAST_PAGES);
            let fresh = self.pages.grow(pages) as usize;
            if fresh == 0 {
                return null_mut();
            }
            if fresh != self.end {
                // Not after the memory taken before: what is left of that goes to the lists.
                self.release(self.next, self.end);
                self.next = fresh;
            }
            self.end = fresh + pages * PAGE;
            at = self.next.next_multiple_of(align);
        }
        self.release(self.next, at);
        self.next = at + size;
        at as *mut u8
    }
}

// SAFETY: every block is at least 16 bytes (room for the free list's pointer), aligned as the
// module docs say, and belongs to one size for good, so a block is never handed out twice.
unsafe impl<P: Pages> GlobalAlloc for LargeBlocks<P> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match class(&layout) {
            Some(k) => (*self.state.get()).take(k),
            None => null_mut(),
        }
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        if let Some(k) = class(&layout) {
            (*self.state.get()).put(block, k);
        }
    }

    /// The same block when the new size fits it, else a new one with the bytes copied (null,
    /// with the old one kept, when memory ran out).
    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = Layout::from_size_align_unchecked(new_size, layout.align());
        if class(&layout) == class(&new) {
            return block;
        }
        crate::small_blocks::move_block(self, block, layout, new_size)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::alloc::System;
    use std::cell::RefCell;

    /// Pages from the standard allocator, page-aligned, given back when dropped; each call's
    /// pages come after the last call's when `contiguous`, else elsewhere.
    pub(crate) struct TestPages {
        taken: RefCell<Vec<(*mut u8, Layout)>>,
        contiguous: bool,
        /// The next page of the one region, when contiguous, and where it ends.
        region: RefCell<(usize, usize)>,
    }

    impl TestPages {
        pub(crate) fn new(contiguous: bool) -> TestPages {
            TestPages {
                taken: RefCell::new(Vec::new()),
                contiguous,
                region: RefCell::new((0, 0)),
            }
        }
    }

    impl Pages for TestPages {
        unsafe fn grow(&self, pages: usize) -> *mut u8 {
            let bytes = pages * PAGE;
            if self.contiguous {
                let mut region = self.region.borrow_mut();
                if region.0 == 0 {
                    let layout = Layout::from_size_align(1 << 26, PAGE).unwrap();
                    let base = System.alloc(layout) as usize;
                    self.taken.borrow_mut().push((base as *mut u8, layout));
                    *region = (base, base + (1 << 26));
                }
                if region.0 + bytes > region.1 {
                    return null_mut();
                }
                region.0 += bytes;
                return (region.0 - bytes) as *mut u8;
            }
            let layout = Layout::from_size_align(bytes, PAGE).unwrap();
            let base = System.alloc(layout);
            self.taken.borrow_mut().push((base, layout));
            base
        }
    }

    impl Drop for TestPages {
        fn drop(&mut self) {
            for (ptr, layout) in self.taken.borrow_mut().drain(..) {
                unsafe { System.dealloc(ptr, layout) };
            }
        }
    }

    #[test]
    fn sizes_round_up_to_powers_of_two() {
        let class_of = |size, align| class(&Layout::from_size_align(size, align).unwrap());
        assert_eq!(class_of(1, 1), Some(FIRST));
        assert_eq!(class_of(513, 8), Some(10));
        assert_eq!(class_of(1024, 8), Some(10));
        assert_eq!(class_of(1025, 1), Some(11));
        assert_eq!(
            class_of(8, 4096),
            Some(12),
            "a block is as wide as its alignment"
        );
        assert_eq!(class_of(8, PAGE * 2), None);
    }

    #[test]
    fn a_gap_is_cut_into_aligned_blocks() {
        let heap = LargeBlocks::new(TestPages::new(true));
        let take = |k| unsafe { (*heap.state.get()).take(k) };
        // 16 bytes, then a 4 KB block: the gap between is 16 + 32 + … + 2048 bytes.
        let small = take(FIRST);
        let big = take(12);
        assert_eq!(big as usize % 4096, 0);
        assert_eq!(big as usize - small as usize, 4096);
        for k in FIRST..12 {
            let block = take(k);
            assert!(block as usize > small as usize && (block as usize) < big as usize);
            assert_eq!(block as usize % (1 << k), 0, "2^{k}");
        }
        // The gap is used up: the next small block comes after the big one.
        assert!(take(FIRST) as usize >= big as usize + 4096);
    }

    #[test]
    fn a_freed_block_serves_its_size_again() {
        let heap = LargeBlocks::new(TestPages::new(false));
        let layout = Layout::from_size_align(3000, 8).unwrap();
        unsafe {
            let a = heap.alloc(layout);
            heap.dealloc(a, layout);
            assert_eq!(heap.alloc(Layout::from_size_align(2049, 1).unwrap()), a);
            // Growing within its size keeps the block; past it, moves the bytes.
            assert_eq!(heap.realloc(a, layout, 4096), a);
            *a = 7;
            let b = heap.realloc(a, Layout::from_size_align(4096, 8).unwrap(), 5000);
            assert_ne!(a, b);
            assert_eq!(*b, 7);
            assert_eq!(heap.alloc(layout), a, "the old block went back on its list");
        }
    }

    #[test]
    fn a_freed_block_is_split_for_smaller_ones() {
        let heap = LargeBlocks::new(TestPages::new(false));
        let layout = |k: u32| Layout::from_size_align(1 << k, 8).unwrap();
        unsafe {
            let big = heap.alloc(layout(14));
            heap.dealloc(big, layout(14));
            // 16 KB: 4 KB, then the other 4 KB of its first half, then its second half.
            assert_eq!(heap.alloc(layout(12)), big);
            assert_eq!(heap.alloc(layout(12)), big.add(4096));
            assert_eq!(heap.alloc(layout(13)), big.add(8192));
            // All of it is taken: the next block is cut from fresh memory.
            let next = heap.alloc(layout(12)) as usize;
            assert!(next >= big as usize + 16384 || next + 4096 <= big as usize);
        }
    }

    #[test]
    fn memory_that_runs_out_gives_null() {
        let heap = LargeBlocks::new(TestPages::new(true));
        unsafe {
            assert!(!heap
                .alloc(Layout::from_size_align(1 << 25, 8).unwrap())
                .is_null());
            assert!(heap
                .alloc(Layout::from_size_align(1 << 26, 8).unwrap())
                .is_null());
            assert!(!heap
                .alloc(Layout::from_size_align(1 << 20, 8).unwrap())
                .is_null());
        }
    }

    proptest::proptest! {
        /// Blocks never overlap, keep their bytes through reallocation, and are aligned, with
        /// memory that comes in one region or in scattered pieces.
        #[test]
        fn blocks_keep_their_bytes_through_any_mix_of_calls(
            contiguous: bool,
            ops in proptest::collection::vec((0u8..4, 0usize..300_000, 0u8..=255), 1..200),
        ) {
            let heap = LargeBlocks::new(TestPages::new(contiguous));
            crate::small_blocks::tests::mixed_calls(&heap, ops, |seed| 1 << (seed % 14))?;
        }
    }
}
