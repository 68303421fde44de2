//! Sorting for the handful of items the widget orders (8 techniques, a few dozen
//! check-ins). Each `slice::sort` instance costs about 3 KB of wasm (measured: five of
//! them were 15 KB before wasm-opt); one insertion sort shared by every caller costs a
//! few hundred bytes and is fast for lists this short, and linear on sorted input.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`.
pub fn sort_small_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && compare(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `items` stably by `key`.
pub fn sort_small_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_small_by(items, |a, b| key(a).cmp(&key(b)));
}
