//! Independent jobs over the machine's cores, their results in job order, so an analysis
//! never depends on scheduling.

pub(crate) fn thread_count() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
}

/// `f(0) … f(jobs − 1)` spread over the machine's cores; results in job order.
pub(crate) fn parallel_map<T: Send>(jobs: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    parallel_map_with(true, jobs, || (), |(), job| f(job))
}

/// [`parallel_map`] where each thread first makes a state of its own (`init`, a buffer say)
/// that every job it runs reuses; on this thread alone unless `parallel` (work too small to be
/// worth starting threads for).
pub(crate) fn parallel_map_with<S, T: Send>(
    parallel: bool,
    jobs: usize,
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, usize) -> T + Sync,
) -> Vec<T> {
    let threads = if parallel {
        thread_count().min(jobs)
    } else {
        1
    };
    if threads <= 1 {
        let mut state = init();
        return (0..jobs).map(|job| f(&mut state, job)).collect();
    }
    let (init, f) = (&init, &f);
    let mut results: Vec<Option<T>> = (0..jobs).map(|_| None).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|thread| {
                scope.spawn(move || {
                    let mut state = init();
                    (thread..jobs)
                        .step_by(threads)
                        .map(|job| (job, f(&mut state, job)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for handle in handles {
            let done = handle
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            for (job, result) in done {
                if let Some(slot) = results.get_mut(job) {
                    *slot = Some(result);
                }
            }
        }
    });
    results.into_iter().flatten().collect()
}
