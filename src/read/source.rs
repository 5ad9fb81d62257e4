//! The bytes of a file, read a range at a time where the page holds them.

/// The bytes of a file, read a range at a time. A file kept outside the engine's memory (the
/// page's own copy of it) is read through this a window at a time while it loads, and then a
/// record at a time when an event kept in it is asked for, so it is never copied whole.
pub trait Source {
    /// The file's length in bytes.
    fn len(&self) -> usize;
    /// Fills `into` with the file's bytes from byte `from` on (within its length); false when
    /// some of them are no longer there (the page gave up a chunk), and `into` is not all read.
    fn read(&self, from: usize, into: &mut [u8]) -> bool;
    /// True when the file is empty.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Source for Vec<u8> {
    fn len(&self) -> usize {
        self.as_slice().len()
    }

    fn read(&self, from: usize, into: &mut [u8]) -> bool {
        match self.get(from..from + into.len()) {
            Some(bytes) => {
                into.copy_from_slice(bytes);
                true
            }
            None => false,
        }
    }
}

/// The bytes a window of a file being read adds at least each time it moves on. The window's
/// text and the bytes read into it are held while a file loads: at 4 MB they took 12 MB of the
/// load's peak, at 1 MB they take 2 MB, and a million ACLED rows read as fast.
pub const WINDOW: usize = 1 << 20;
