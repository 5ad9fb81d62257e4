//! The WebAssembly module's allocator: small blocks from free lists, the rest from the
//! standard allocator.
//!
//! Reading a large file makes tens of millions of small allocations (an event's strings and
//! lists), and the standard allocator of `wasm32-unknown-unknown` took a quarter of the load of
//! a million ACLED rows, about 150 ns an allocation. Here a block of up to [`LARGEST`] bytes is
//! taken from a free list of its size (sizes go by eight bytes), or else cut from the end of a
//! [`SLAB`] taken from the standard allocator; a freed block goes back on its list. Both are a
//! few instructions. A block keeps its size for good: memory freed by small blocks of one size
//! serves later blocks of that size (a WebAssembly module's memory never shrinks anyway).
//! Larger blocks, and blocks aligned to more than eight bytes, go to the standard allocator.
//!
//! The module runs on one thread (WebAssembly without shared memory): every worker has its own
//! instance and memory. The native build keeps the standard allocator.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
use std::ptr::null_mut;

/// Sizes go by this many bytes, and every block is aligned to it.
const STEP: usize = 8;

/// The largest small block, in bytes.
pub const LARGEST: usize = 512;

/// Bytes taken from the standard allocator at a time, to cut small blocks from.
pub const SLAB: usize = 256 << 10;

const CLASSES: usize = LARGEST / STEP;

struct State {
    /// The first free block of each size; each free block holds a pointer to the next.
    free: [*mut u8; CLASSES],
    /// The part of the current slab not cut yet.
    next: *mut u8,
    end: *mut u8,
    /// The newest slab; each slab's first bytes point to the one before it.
    slabs: *mut u8,
}

/// See the module docs.
pub struct SmallBlocks {
    state: UnsafeCell<State>,
}

// SAFETY: the allocator is used from one thread only (see the module docs; the native build,
// whose tests share it between threads, does not install it).
unsafe impl Sync for SmallBlocks {}

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static HEAP: SmallBlocks = SmallBlocks::new();

/// The size class of a layout, or `None` when the standard allocator takes it.
fn class(layout: &Layout) -> Option<usize> {
    (layout.size() <= LARGEST && layout.align() <= STEP)
        .then(|| layout.size().max(1).div_ceil(STEP) - 1)
}

impl SmallBlocks {
    /// An allocator with nothing taken yet.
    pub const fn new() -> SmallBlocks {
        SmallBlocks {
            state: UnsafeCell::new(State {
                free: [null_mut(); CLASSES],
                next: null_mut(),
                end: null_mut(),
                slabs: null_mut(),
            }),
        }
    }

    /// A block of size class `c`, or null when memory ran out.
    ///
    /// # Safety
    /// Only one thread may use the allocator.
    unsafe fn take(&self, c: usize) -> *mut u8 {
        let state = &mut *self.state.get();
        let head = state.free[c];
        if !head.is_null() {
            state.free[c] = *(head as *mut *mut u8);
            return head;
        }
        let size = (c + 1) * STEP;
        if (state.end as usize) - (state.next as usize) < size {
            // A new slab; the rest of the old one (less than a block) is left unused.
            let slab = System.alloc(Layout::from_size_align_unchecked(SLAB, STEP));
            if slab.is_null() {
                return null_mut();
            }
            *(slab as *mut *mut u8) = state.slabs;
            state.slabs = slab;
            state.next = slab.add(STEP);
            state.end = slab.add(SLAB);
        }
        let block = state.next;
        state.next = block.add(size);
        block
    }

    /// Puts a block of size class `c` back on its list.
    ///
    /// # Safety
    /// `block` came from `take(c)` and is no longer used; only one thread uses the allocator.
    unsafe fn put(&self, block: *mut u8, c: usize) {
        let state = &mut *self.state.get();
        *(block as *mut *mut u8) = state.free[c];
        state.free[c] = block;
    }
}

impl Drop for SmallBlocks {
    /// Gives every slab back (the module's own allocator lives as long as the module; this is
    /// for the tests' allocators).
    fn drop(&mut self) {
        let mut slab = self.state.get_mut().slabs;
        while !slab.is_null() {
            // SAFETY: each slab came from `System` with this layout, and links to the one before.
            unsafe {
                let before = *(slab as *mut *mut u8);
                System.dealloc(slab, Layout::from_size_align_unchecked(SLAB, STEP));
                slab = before;
            }
        }
    }
}

impl Default for SmallBlocks {
    fn default() -> SmallBlocks {
        SmallBlocks::new()
    }
}

// SAFETY: a small block is at least eight bytes (room for the free list's pointer), aligned to
// eight, and belongs to one size class for good, so a block is never handed out twice; the rest
// is passed to `System` unchanged.
unsafe impl GlobalAlloc for SmallBlocks {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match class(&layout) {
            Some(c) => self.take(c),
            None => System.alloc(layout),
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        match class(&layout) {
            Some(c) => self.put(ptr, c),
            None => System.dealloc(ptr, layout),
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = Layout::from_size_align_unchecked(new_size, layout.align());
        match (class(&layout), class(&new)) {
            (Some(a), Some(b)) if a == b => ptr,
            (None, None) => System.realloc(ptr, layout, new_size),
            _ => {
                let block = self.alloc(new);
                if !block.is_null() {
                    std::ptr::copy_nonoverlapping(ptr, block, layout.size().min(new_size));
                    self.dealloc(ptr, layout);
                }
                block
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A block, filled with a pattern of its own to check later.
    struct Block {
        ptr: *mut u8,
        layout: Layout,
        seed: u8,
    }

    fn fill(b: &Block) {
        for i in 0..b.layout.size() {
            unsafe { *b.ptr.add(i) = b.seed.wrapping_add(i as u8) };
        }
    }

    fn intact(b: &Block, len: usize) -> bool {
        (0..len).all(|i| unsafe { *b.ptr.add(i) } == b.seed.wrapping_add(i as u8))
    }

    #[test]
    fn sizes_fall_into_classes_of_eight_bytes() {
        let class_of = |size, align| class(&Layout::from_size_align(size, align).unwrap());
        assert_eq!(class_of(0, 1), Some(0));
        assert_eq!(class_of(1, 1), Some(0));
        assert_eq!(class_of(8, 8), Some(0));
        assert_eq!(class_of(9, 1), Some(1));
        assert_eq!(class_of(LARGEST, 4), Some(CLASSES - 1));
        assert_eq!(class_of(LARGEST + 1, 1), None);
        assert_eq!(
            class_of(16, 16),
            None,
            "wider alignment goes to the standard allocator"
        );
    }

    proptest::proptest! {
        /// Blocks never overlap, keep their bytes through reallocation, and are aligned.
        #[test]
        fn blocks_keep_their_bytes_through_any_mix_of_calls(
            ops in proptest::collection::vec((0u8..4, 0usize..1200, 0u8..=255), 1..400),
        ) {
            let heap = SmallBlocks::new();
            let mut live: Vec<Block> = Vec::new();
            for (op, size, seed) in ops {
                match op {
                    // Allocate.
                    0 | 1 => {
                        let align = if seed % 5 == 0 { 16 } else { 1 << (seed % 4) };
                        let layout = Layout::from_size_align(size.max(1), align).unwrap();
                        let ptr = unsafe { heap.alloc(layout) };
                        proptest::prop_assert!(!ptr.is_null());
                        proptest::prop_assert_eq!(ptr as usize % align, 0);
                        let b = Block { ptr, layout, seed };
                        fill(&b);
                        live.push(b);
                    }
                    // Free one.
                    2 if !live.is_empty() => {
                        let b = live.swap_remove(seed as usize % live.len());
                        proptest::prop_assert!(intact(&b, b.layout.size()));
                        unsafe { heap.dealloc(b.ptr, b.layout) };
                    }
                    // Grow or shrink one.
                    3 if !live.is_empty() => {
                        let i = seed as usize % live.len();
                        let b = &live[i];
                        let new_size = size.max(1);
                        let kept = b.layout.size().min(new_size);
                        let ptr = unsafe { heap.realloc(b.ptr, b.layout, new_size) };
                        proptest::prop_assert!(!ptr.is_null());
                        let layout = Layout::from_size_align(new_size, b.layout.align()).unwrap();
                        let moved = Block { ptr, layout, seed: b.seed };
                        proptest::prop_assert!(intact(&moved, kept));
                        fill(&moved);
                        live[i] = moved;
                    }
                    _ => {}
                }
            }
            // Every live block still holds its own bytes: none was handed out twice.
            for b in live {
                proptest::prop_assert!(intact(&b, b.layout.size()));
                unsafe { heap.dealloc(b.ptr, b.layout) };
            }
        }
    }

    #[test]
    fn a_freed_block_is_handed_out_again_for_its_size() {
        let heap = SmallBlocks::new();
        let layout = Layout::from_size_align(40, 8).unwrap();
        unsafe {
            let a = heap.alloc(layout);
            let b = heap.alloc(layout);
            assert_ne!(a, b);
            heap.dealloc(a, layout);
            assert_eq!(heap.alloc(Layout::from_size_align(33, 1).unwrap()), a);
            heap.dealloc(b, layout);
        }
    }
}
