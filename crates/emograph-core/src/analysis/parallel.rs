//! Independent jobs over the machine's cores, their results in job order, so an analysis
//! never depends on scheduling.

/// The cores to spread work over, asked once: `available_parallelism` reads the cgroup's files
/// on every call, and a large file's reader asks for each of its pieces.
pub(crate) fn thread_count() -> usize {
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *THREADS.get_or_init(|| {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8)
    })
}

/// Columns per job when a pass over every row is split by columns: one job per core. The
/// matrix is stored a row after another, and a job reads every cache line its columns touch,
/// so fewer and wider jobs read each row's lines fewer times (a row of 30 scores is 240 bytes,
/// four or five lines; jobs of eight columns read nearly twice that between them).
pub(crate) fn columns_per_thread(columns: usize, parallel: bool) -> usize {
    let threads = if parallel { thread_count() } else { 1 };
    columns.div_ceil(threads).max(1)
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
