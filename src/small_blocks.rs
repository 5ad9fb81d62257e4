//! The WebAssembly module's allocator: small blocks from free lists, the rest from the
//! allocator under it.
//!
//! Reading a large file makes tens of millions of small allocations (an event's strings and
//! lists), and the standard allocator of `wasm32-unknown-unknown` took a quarter of the load of
//! a million ACLED rows, about 150 ns an allocation. Here a block of up to [`LARGEST`] bytes is
//! taken from a free list of its size (sizes go by eight bytes), or else cut from the end of a
//! [`SLAB`] taken from the standard allocator; a freed block goes back on its list. Both are a
//! few instructions. A block keeps its size for good: memory freed by small blocks of one size
//! serves later blocks of that size (a WebAssembly module's memory never shrinks anyway).
//! Larger blocks, blocks aligned to more than eight bytes and the slabs come from the allocator
//! under it: the standard one in the engine with the importers, and in the page's engine, which
//! is built for size, [`crate::large_blocks`].
//!
//! The module runs on one thread (WebAssembly without shared memory): every worker has its own
//! instance and memory. The native build keeps the standard allocator.

use std::alloc::{GlobalAlloc, Layout};
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

/// See the module docs; `B` is the allocator under it.
pub struct SmallBlocks<B: GlobalAlloc> {
    big: B,
    state: UnsafeCell<State>,
}

// SAFETY: the allocator is used from one thread only (see the module docs; the native build,
// whose tests share it between threads, does not install it).
unsafe impl<B: GlobalAlloc> Sync for SmallBlocks<B> {}

#[cfg(all(target_arch = "wasm32", feature = "importers"))]
#[global_allocator]
static HEAP: SmallBlocks<std::alloc::System> = SmallBlocks::new(std::alloc::System);

#[cfg(all(target_arch = "wasm32", not(feature = "importers")))]
#[global_allocator]
static HEAP: SmallBlocks<crate::large_blocks::LargeBlocks<crate::large_blocks::Memory>> =
    SmallBlocks::new(crate::large_blocks::LargeBlocks::new(
        crate::large_blocks::Memory,
    ));

/// The size class of a layout, or `None` when the standard allocator takes it.
fn class(layout: &Layout) -> Option<usize> {
    (layout.size() <= LARGEST && layout.align() <= STEP)
        .then(|| layout.size().max(1).div_ceil(STEP) - 1)
}

impl<B: GlobalAlloc> SmallBlocks<B> {
    /// An allocator with nothing taken yet, over `big`.
    pub const fn new(big: B) -> SmallBlocks<B> {
        SmallBlocks {
            big,
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
            let slab = self
                .big
                .alloc(Layout::from_size_align_unchecked(SLAB, STEP));
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

impl<B: GlobalAlloc> Drop for SmallBlocks<B> {
    /// Gives every slab back (the module's own allocator lives as long as the module; this is
    /// for the tests' allocators).
    fn drop(&mut self) {
        let mut slab = self.state.get_mut().slabs;
        while !slab.is_null() {
            // SAFETY: each slab came from `big` with this layout, and links to the one before.
            unsafe {
                let before = *(slab as *mut *mut u8);
                self.big
                    .dealloc(slab, Layout::from_size_align_unchecked(SLAB, STEP));
                slab = before;
            }
        }
    }
}

// SAFETY: a small block is at least eight bytes (room for the free list's pointer), aligned to
// eight, and belongs to one size class for good, so a block is never handed out twice; the rest
// is passed to `big` unchanged.
unsafe impl<B: GlobalAlloc> GlobalAlloc for SmallBlocks<B> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match class(&layout) {
            Some(c) => self.take(c),
            None => self.big.alloc(layout),
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        match class(&layout) {
            Some(c) => self.put(ptr, c),
            None => self.big.dealloc(ptr, layout),
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = Layout::from_size_align_unchecked(new_size, layout.align());
        match (class(&layout), class(&new)) {
            (Some(a), Some(b)) if a == b => ptr,
            (None, None) => self.big.realloc(ptr, layout, new_size),
            _ => move_block(self, ptr, layout, new_size),
        }
    }
}

/// A new block of `new_size` bytes from `heap` for what `ptr` holds under `layout`: the bytes
/// copied and the old block given back, or null, with the old block kept, when memory ran out.
/// It is what `GlobalAlloc`'s own `realloc` does, for the allocators here, whose `realloc` keeps
/// a block whose size class stays.
///
/// # Safety
/// As `GlobalAlloc::realloc`.
pub(crate) unsafe fn move_block(
    heap: &impl GlobalAlloc,
    ptr: *mut u8,
    layout: Layout,
    new_size: usize,
) -> *mut u8 {
    let block = heap.alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
    if !block.is_null() {
        std::ptr::copy_nonoverlapping(ptr, block, layout.size().min(new_size));
        heap.dealloc(ptr, layout);
    }
    block
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::large_blocks::{tests::TestPages, LargeBlocks};
    use proptest::test_runner::TestCaseError;

    /// A block, marked with a pattern of its own to check later.
    struct Block {
        ptr: *mut u8,
        layout: Layout,
        seed: u8,
    }

    /// The bytes of a block that are marked: one in eight (blocks are at least eight bytes and
    /// aligned to eight, so two blocks that overlap share a marked byte).
    fn marked(len: usize) -> impl Iterator<Item = usize> {
        (0..len).step_by(8)
    }

    fn fill(b: &Block) {
        for i in marked(b.layout.size()) {
            unsafe { *b.ptr.add(i) = b.seed.wrapping_add((i / 8) as u8) };
        }
    }

    fn intact(b: &Block, len: usize) -> bool {
        marked(len).all(|i| unsafe { *b.ptr.add(i) } == b.seed.wrapping_add((i / 8) as u8))
    }

    /// Runs `ops` on `heap`: each `(op, size, seed)` allocates a block of `size` bytes aligned to
    /// `align(seed)`, frees a block, or grows or shrinks one to `size`. Checks that blocks are
    /// aligned, keep their bytes through reallocation and never overlap.
    pub(crate) fn mixed_calls(
        heap: &impl GlobalAlloc,
        ops: Vec<(u8, usize, u8)>,
        align: impl Fn(u8) -> usize,
    ) -> Result<(), TestCaseError> {
        let mut live: Vec<Block> = Vec::new();
        for (op, size, seed) in ops {
            match op {
                // Allocate.
                0 | 1 => {
                    let align = align(seed);
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
                    let moved = Block {
                        ptr,
                        layout,
                        seed: b.seed,
                    };
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
        Ok(())
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
            "wider alignment goes to the allocator under it"
        );
    }

    /// Small, wide-aligned and large blocks, mixed.
    fn align(seed: u8) -> usize {
        if seed % 5 == 0 {
            16
        } else {
            1 << (seed % 4)
        }
    }

    proptest::proptest! {
        /// Over the standard allocator, as in the engine with the importers.
        #[test]
        fn blocks_keep_their_bytes_over_the_standard_allocator(
            ops in proptest::collection::vec((0u8..4, 0usize..1200, 0u8..=255), 1..400),
        ) {
            mixed_calls(&SmallBlocks::new(std::alloc::System), ops, align)?;
        }

        /// Over [`LargeBlocks`], as in the page's engine.
        #[test]
        fn blocks_keep_their_bytes_over_large_blocks(
            contiguous: bool,
            ops in proptest::collection::vec((0u8..4, 0usize..1200, 0u8..=255), 1..400),
        ) {
            let heap = SmallBlocks::new(LargeBlocks::new(TestPages::new(contiguous)));
            mixed_calls(&heap, ops, align)?;
        }
    }

    #[test]
    fn a_freed_block_is_handed_out_again_for_its_size() {
        let heap = SmallBlocks::new(std::alloc::System);
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
