//! How distinct the patterns are: the mean silhouette of a clustering of the sample, which
//! chooses k when it is not given (step 4 of the module docs).

use super::{Rows, parallel_map, squared_distance, thread_count};

/// Full `n × n` matrix of Euclidean distances between the sample's rows.
pub(super) fn pairwise_distances(sample: Rows<'_>) -> Vec<f64> {
    let n = sample.len();
    let blocks = parallel_map(thread_count(), |part| {
        let rows = n.div_ceil(thread_count().max(1));
        let mut out = Vec::with_capacity(rows * n);
        for i in part * rows..((part + 1) * rows).min(n) {
            let a = sample.row(i);
            out.extend(sample.iter().map(|b| squared_distance(a, b).sqrt()));
        }
        out
    });
    blocks.concat()
}

/// Mean silhouette coefficient (scikit-learn's definition; a member of a singleton cluster
/// scores 0).
pub(super) fn silhouette(distances: &[f64], n: usize, labels: &[usize], k: usize) -> f64 {
    let mut sizes = vec![0usize; k];
    for &label in labels {
        if let Some(size) = sizes.get_mut(label) {
            *size += 1;
        }
    }
    let mut sums = vec![0.0; k];
    let mut total = 0.0;
    for (i, &own) in labels.iter().enumerate().take(n) {
        sums.iter_mut().for_each(|s| *s = 0.0);
        let row = distances.get(i * n..(i + 1) * n).unwrap_or_default();
        for (&d, &label) in row.iter().zip(labels) {
            if let Some(s) = sums.get_mut(label) {
                *s += d;
            }
        }
        let own_size = sizes.get(own).copied().unwrap_or(0);
        if own_size <= 1 {
            continue;
        }
        let a = sums.get(own).copied().unwrap_or(0.0) / (own_size - 1) as f64;
        let b = sums
            .iter()
            .zip(&sizes)
            .enumerate()
            .filter(|&(c, (_, &size))| c != own && size > 0)
            .map(|(_, (s, &size))| s / size as f64)
            .fold(f64::INFINITY, f64::min);
        let scale = a.max(b);
        if scale > 0.0 && scale.is_finite() {
            total += (b - a) / scale;
        }
    }
    total / n.max(1) as f64
}
