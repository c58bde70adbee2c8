//! Work on a thread of its own, one piece at a time, while the caller makes the next piece: each
//! piece handed over gives back the one handed over before it, done. A long recipient list's
//! batches of numbers are checked so (`recipient_checks`) while the next lines are read.

use std::sync::mpsc;
use std::thread;

/// The thread doing `work` on what it is handed, in the order handed.
pub(super) struct WorkAhead<T> {
    to_do: Option<mpsc::SyncSender<T>>,
    done: mpsc::Receiver<T>,
    /// Whether a piece was handed over and not taken back yet.
    in_flight: bool,
    thread: Option<thread::JoinHandle<()>>,
}

impl<T: Send + 'static> WorkAhead<T> {
    /// The thread, named `name`; `None` if no thread can be started (the caller then does the
    /// work itself).
    pub(super) fn start(name: &str, work: impl Fn(T) -> T + Send + 'static) -> Option<Self> {
        // One piece waiting each way at most: the caller holds the next one, the thread the
        // current one, and nothing piles up.
        let (to_do, pieces) = mpsc::sync_channel::<T>(1);
        let (done_pieces, done) = mpsc::sync_channel(1);
        let thread = thread::Builder::new().name(name.to_owned()).spawn(move || {
            for piece in pieces {
                if done_pieces.send(work(piece)).is_err() {
                    break;
                }
            }
        });
        let thread = match thread {
            Ok(thread) => thread,
            Err(error) => {
                tracing::warn!(
                    %error,
                    name,
                    "no thread to work ahead on: the work is done in turn"
                );
                return None;
            }
        };
        Some(Self {
            to_do: Some(to_do),
            done,
            in_flight: false,
            thread: Some(thread),
        })
    }

    /// Hands `piece` over; the piece handed over before it, done.
    pub(super) fn hand_over(&mut self, piece: T) -> Option<T> {
        let to_do = self.to_do.as_ref().expect("handed over before finishing");
        if to_do.send(piece).is_err() {
            self.resume_panic();
        }
        let before = self.in_flight.then(|| self.take_done());
        self.in_flight = true;
        before
    }

    /// The piece handed over last, done; the thread ends. Dropped without this (a reading that
    /// failed part-way), the thread does the pieces it was handed (two at most) and ends,
    /// unwaited for.
    pub(super) fn finish(mut self) -> Option<T> {
        self.to_do = None;
        let last = self.in_flight.then(|| self.take_done());
        if let Some(thread) = self.thread.take() {
            if let Err(panic) = thread.join() {
                std::panic::resume_unwind(panic);
            }
        }
        last
    }

    fn take_done(&mut self) -> T {
        match self.done.recv() {
            Ok(piece) => piece,
            Err(_) => self.resume_panic(),
        }
    }

    /// The thread ended with work handed to it undone: the work panicked there, and the panic
    /// goes on here.
    fn resume_panic(&mut self) -> ! {
        let thread = self.thread.take().expect("the thread is joined once");
        match thread.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => unreachable!("the thread ends early only when the work panics"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_piece_comes_back_done_one_hand_over_later_and_in_order() {
        let mut ahead = WorkAhead::start("test-worker", |n: u32| {
            assert_eq!(
                thread::current().name(),
                Some("test-worker"),
                "done on its thread"
            );
            n * 10
        })
        .unwrap();
        assert_eq!(ahead.hand_over(1), None);
        assert_eq!(ahead.hand_over(2), Some(10));
        assert_eq!(ahead.hand_over(3), Some(20));
        assert_eq!(ahead.finish(), Some(30));
        let idle = WorkAhead::start("test", |n: u32| n).unwrap();
        assert_eq!(idle.finish(), None);
    }

    #[test]
    #[should_panic(expected = "a piece the work cannot do")]
    fn a_panic_in_the_work_goes_on_in_the_caller() {
        let mut ahead = WorkAhead::start("test", |n: u32| {
            assert!(n < 2, "a piece the work cannot do");
            n
        })
        .unwrap();
        ahead.hand_over(1);
        ahead.hand_over(2);
        ahead.hand_over(3);
        ahead.finish();
    }

    #[test]
    fn dropped_part_way_the_thread_ends_by_itself() {
        let (ended, ends) = mpsc::channel();
        let mut ahead = WorkAhead::start("test", move |n: u32| {
            let _ = ended.send(n);
            n
        })
        .unwrap();
        ahead.hand_over(1);
        ahead.hand_over(2);
        drop(ahead);
        // The thread does both pieces, then ends, and its sender goes with it.
        let within = std::time::Duration::from_secs(10);
        let seen: Vec<u32> = std::iter::from_fn(|| match ends.recv_timeout(within) {
            Ok(n) => Some(n),
            Err(mpsc::RecvTimeoutError::Disconnected) => None,
            Err(mpsc::RecvTimeoutError::Timeout) => panic!("the thread did not end"),
        })
        .collect();
        assert_eq!(seen, [1, 2]);
    }
}
