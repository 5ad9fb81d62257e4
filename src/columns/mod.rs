//! What the store keeps of each event, gathered while a file is read: each event's facts (day
//! span, type, place, precision, actors, documents, words), the words' index and the ids' index.
//! Readers fill them; the engine lays them out sorted by date and answers from them.

pub mod facts;
pub(crate) mod id_table;
pub(crate) mod ids;
pub(crate) mod lists;
pub(crate) mod word_index;

/// The bytes a vector holds on the heap: its capacity, not its length, as that is what its
/// allocation takes.
pub(crate) fn heap_bytes<T>(v: &Vec<T>) -> usize {
    v.capacity() * std::mem::size_of::<T>()
}
