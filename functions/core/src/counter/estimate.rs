//! Wait estimates from measurement (issue 22): a range, never a promise. The people
//! ahead share the open windows; each takes between the lower and upper quartile of
//! the service's latest measured service times. Until a service has three
//! measurements, its slot length stands in (half of it to all of it). Someone whose
//! slot is still far off waits at least until they may be called.

use chrono::Duration;
use serde::Serialize;

/// Fewer measurements than this and the slot length stands in for them.
pub const MIN_SAMPLE: usize = 3;

/// An estimated wait, in whole minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Estimate {
    pub low_minutes: i64,
    pub high_minutes: i64,
    /// How many measured service times it rests on (0: the slot length).
    pub sample: usize,
}

/// The `p`-th percentile (0–100) of `sorted`, by nearest rank; None when empty.
pub fn percentile(sorted: &[i64], p: u32) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (u64::from(p) * sorted.len() as u64).div_ceil(100).max(1);
    sorted.get(usize::try_from(rank).ok()? - 1).copied()
}

/// The wait of someone with `ahead` people before them, `open` windows calling the
/// queue, the service's latest service times (seconds, any order), its slot length,
/// and the time until they may be called. None while no window is open.
pub fn wait(
    ahead: u32,
    open: u32,
    service_seconds: &[i64],
    slot_minutes: u32,
    until_callable: Duration,
) -> Option<Estimate> {
    if open == 0 {
        return None;
    }
    let mut sorted = service_seconds.to_vec();
    sorted.sort_unstable();
    let slot = i64::from(slot_minutes) * 60;
    let (short, long, sample) = if sorted.len() < MIN_SAMPLE {
        (slot / 2, slot, 0)
    } else {
        (
            percentile(&sorted, 25).unwrap_or(slot / 2),
            percentile(&sorted, 75).unwrap_or(slot),
            sorted.len(),
        )
    };
    let (ahead, open) = (i64::from(ahead), i64::from(open));
    // The one before them may be anywhere in their own service: the low end counts
    // the people ahead, the high end one more.
    let low = ahead * short / open;
    let high = (ahead + 1) * long / open;
    let floor = until_callable.num_seconds().max(0);
    Some(Estimate {
        low_minutes: low.max(floor) / 60,
        high_minutes: (high.max(floor) + 59) / 60,
        sample,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_by_nearest_rank() {
        let v = [60, 120, 180, 240];
        assert_eq!(percentile(&v, 25), Some(60));
        assert_eq!(percentile(&v, 50), Some(120));
        assert_eq!(percentile(&v, 75), Some(180));
        assert_eq!(percentile(&v, 100), Some(240));
        assert_eq!(percentile(&[], 50), None);
    }

    #[test]
    fn no_open_window_means_no_estimate() {
        assert_eq!(wait(3, 0, &[300, 300, 300], 15, Duration::zero()), None);
    }

    #[test]
    fn the_people_ahead_share_the_open_windows_at_the_measured_pace() {
        // Five minutes a person, four ahead, two windows: 10 to 12.5 minutes.
        let measured = [300; 10];
        let e = wait(4, 2, &measured, 15, Duration::zero()).unwrap();
        assert_eq!((e.low_minutes, e.high_minutes, e.sample), (10, 13, 10));
        // One window: twice as long.
        let e = wait(4, 1, &measured, 15, Duration::zero()).unwrap();
        assert_eq!((e.low_minutes, e.high_minutes), (20, 25));
        // Next in line: from now to one service time.
        let e = wait(0, 1, &measured, 15, Duration::zero()).unwrap();
        assert_eq!((e.low_minutes, e.high_minutes), (0, 5));
    }

    #[test]
    fn the_range_spans_the_quartiles_of_the_service_times() {
        let measured = [120, 180, 240, 300, 360, 420, 480, 900];
        let e = wait(2, 1, &measured, 15, Duration::zero()).unwrap();
        // 2 × 3 min (25th) to 3 × 7 min (75th).
        assert_eq!((e.low_minutes, e.high_minutes), (6, 21));
    }

    #[test]
    fn without_three_measurements_the_slot_length_stands_in() {
        let e = wait(2, 1, &[60, 60], 20, Duration::zero()).unwrap();
        assert_eq!((e.low_minutes, e.high_minutes, e.sample), (20, 60, 0));
    }

    #[test]
    fn nobody_is_told_less_than_the_time_until_they_may_be_called() {
        let e = wait(0, 1, &[300; 5], 15, Duration::minutes(40)).unwrap();
        assert_eq!((e.low_minutes, e.high_minutes), (40, 40));
    }
}
