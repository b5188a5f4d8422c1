//! Work on a list in parallel and hand the results on in list order, as each
//! becomes ready: `galley check` prints files sorted by path while later
//! files are still being checked, and holds only a few results at a time
//! however many files there are.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

/// How many items a worker may run ahead of the oldest one not yet handed
/// on, per thread: enough to keep every thread busy when item sizes vary,
/// few enough that memory does not grow with the list.
const AHEAD_PER_THREAD: usize = 8;

/// Call `work` on every item on `threads` threads (the calling thread only
/// consumes), and `consume` on the results in item order. Stops early, with
/// its error, when `consume` fails. With one thread, everything happens on
/// the calling thread, one item after the other.
pub fn for_each_in_order<T, R, E>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
    mut consume: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Sync,
    R: Send,
{
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 {
        return items.iter().try_for_each(|item| consume(work(item)));
    }
    let window = Window {
        consumed: Mutex::new(0),
        advanced: Condvar::new(),
        ahead: threads * AHEAD_PER_THREAD,
        stopped: AtomicBool::new(false),
    };
    let next = AtomicUsize::new(0);
    // Workers run in a rayon pool of their own size; the calling thread
    // consumes, in order, what they send.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("galley-check-{i}"))
        .build()
        .expect("start the worker threads");
    pool.in_place_scope(|scope| {
        let (results, received) = crossbeam_channel::unbounded();
        for _ in 0..threads {
            let results = results.clone();
            let (window, next, work) = (&window, &next, &work);
            scope.spawn(move |_| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    if index >= items.len() || !window.wait_for_turn(index) {
                        break;
                    }
                    if results.send((index, work(&items[index]))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(results);
        let mut waiting = BTreeMap::new();
        let mut expected = 0;
        for (index, result) in received {
            waiting.insert(index, result);
            while let Some(result) = waiting.remove(&expected) {
                if let Err(err) = consume(result) {
                    window.stop();
                    return Err(err);
                }
                expected += 1;
                window.advance(expected);
            }
        }
        Ok(())
    })
}

/// Which items workers may start: those less than `ahead` past the oldest
/// not yet consumed.
struct Window {
    consumed: Mutex<usize>,
    advanced: Condvar,
    ahead: usize,
    stopped: AtomicBool,
}

impl Window {
    /// Wait until item `index` may start; `false` when the run stopped.
    fn wait_for_turn(&self, index: usize) -> bool {
        let mut consumed = self.consumed.lock().expect("no worker panics holding it");
        while index >= *consumed + self.ahead && !self.stopped.load(Ordering::Relaxed) {
            consumed = self
                .advanced
                .wait(consumed)
                .expect("no worker panics holding it");
        }
        !self.stopped.load(Ordering::Relaxed)
    }

    fn advance(&self, consumed: usize) {
        *self.consumed.lock().expect("no worker panics holding it") = consumed;
        self.advanced.notify_all();
    }

    fn stop(&self) {
        let _consumed = self.consumed.lock().expect("no worker panics holding it");
        self.stopped.store(true, Ordering::Relaxed);
        self.advanced.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicUsize;

    use super::*;

    #[test]
    fn results_come_in_item_order_whatever_finishes_first() {
        let items: Vec<usize> = (0..200).collect();
        for threads in [1, 2, 3, 8] {
            let mut seen = Vec::new();
            for_each_in_order(
                &items,
                threads,
                |&i| {
                    // Early items take longest, so later ones finish first.
                    std::thread::sleep(std::time::Duration::from_micros((200 - i as u64) * 5));
                    i * 2
                },
                |r| {
                    seen.push(r);
                    Ok::<(), ()>(())
                },
            )
            .unwrap();
            assert_eq!(seen, (0..200).map(|i| i * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn workers_stay_within_the_window() {
        let items: Vec<usize> = (0..100).collect();
        let started = AtomicUsize::new(0);
        let mut consumed = 0;
        for_each_in_order(
            &items,
            2,
            |&i| {
                started.fetch_max(i, Ordering::SeqCst);
                i
            },
            |i| {
                // Nothing starts more than the window past what was consumed.
                assert!(started.load(Ordering::SeqCst) < consumed + 2 * AHEAD_PER_THREAD + 1);
                assert_eq!(i, consumed);
                consumed += 1;
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(consumed, 100);
    }

    #[test]
    fn a_failing_consumer_stops_the_work() {
        let items: Vec<usize> = (0..10_000).collect();
        let done = AtomicUsize::new(0);
        let result = for_each_in_order(
            &items,
            4,
            |&i| {
                done.fetch_add(1, Ordering::SeqCst);
                i
            },
            |i| if i == 10 { Err(i) } else { Ok(()) },
        );
        assert_eq!(result, Err(10));
        assert!(done.load(Ordering::SeqCst) < 100);
    }

    #[test]
    fn no_items() {
        let items: Vec<usize> = Vec::new();
        for threads in [1, 4] {
            let result = for_each_in_order(&items, threads, |&i| i, |_| Err::<(), ()>(()));
            assert_eq!(result, Ok(()));
        }
    }
}
