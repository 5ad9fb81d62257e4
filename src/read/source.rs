//! The bytes of a file, read a range at a time where the page holds them.

use crate::model::problem::{Problem, Severity};

/// The bytes of a file, read a range at a time. A file kept outside the engine's memory (the
/// page's own copy of it, or the file on disk) is read through this a window at a time while it
/// loads, and then a record at a time when an event kept in it is asked for, so it is never
/// copied whole. Positions are 64-bit: a file may be larger than the engine's memory (4 GB in
/// WebAssembly), as only its events' columns need to fit there.
pub trait Source {
    /// The file's length in bytes.
    fn len(&self) -> u64;
    /// Fills `into` with the file's bytes from byte `from` on (within its length); false when
    /// some of them are no longer there (the page gave up a chunk), and `into` is not all read.
    fn read(&self, from: u64, into: &mut [u8]) -> bool;
    /// True when the file is empty.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Source for Vec<u8> {
    fn len(&self) -> u64 {
        self.as_slice().len() as u64
    }

    fn read(&self, from: u64, into: &mut [u8]) -> bool {
        let bytes = usize::try_from(from)
            .ok()
            .and_then(|from| self.get(from..from.checked_add(into.len())?));
        match bytes {
            Some(bytes) => {
                into.copy_from_slice(bytes);
                true
            }
            None => false,
        }
    }
}

/// All of a file's bytes, for a reader that reads a file whole; a problem that says so when
/// the file is longer than the engine's memory could hold (4 GB in WebAssembly). A file given up
/// while it is read reads as what could be had.
pub(crate) fn whole(source: &dyn Source) -> Result<Vec<u8>, Problem> {
    let Ok(length) = usize::try_from(source.len()) else {
        return Err(Problem {
            severity: Severity::Error,
            path: String::new(),
            line: 1,
            column: 1,
            message: format!(
                "the file is {} bytes, more than the engine's memory holds: a file this large is read only as an ACLED export in UTF-8, whose rows stay in the file",
                source.len()
            ),
        });
    };
    let mut bytes = vec![0; length];
    let _ = source.read(0, &mut bytes);
    Ok(bytes)
}

/// The bytes a window of a file being read adds at least each time it moves on. The window's
/// text and the bytes read into it are held while a file loads: at 4 MB they took 12 MB of the
/// load's peak, at 1 MB they take 2 MB, and a million ACLED rows read as fast.
pub const WINDOW: usize = 1 << 20;
