//! A sorted key → (u32, u32) table embedded as bytes (written by `build.rs`),
//! searched by binary search without being loaded or parsed.

pub struct Table {
    keys: &'static [u8],
    index: &'static [u8],
}

const ROW: usize = 16;

impl Table {
    pub const fn new(keys: &'static [u8], index: &'static [u8]) -> Table {
        Table { keys, index }
    }

    pub fn len(&self) -> usize {
        self.index.len() / ROW
    }

    fn word(&self, row: usize, field: usize) -> u32 {
        let at = row * ROW + field * 4;
        u32::from_le_bytes(self.index[at..at + 4].try_into().expect("4 bytes"))
    }

    fn key(&self, row: usize) -> &'static [u8] {
        let start = self.word(row, 0) as usize;
        let len = self.word(row, 1) as usize;
        &self.keys[start..start + len]
    }

    /// The two payload words stored for `key`.
    pub fn get(&self, key: &str) -> Option<(u32, u32)> {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let mid = (low + high) / 2;
            match self.key(mid).cmp(key.as_bytes()) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return Some((self.word(mid, 2), self.word(mid, 3))),
            }
        }
        None
    }
}
