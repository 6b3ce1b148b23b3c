//! "Did you mean" suggestions by edit distance.

/// Longest word (in characters) compared: edit distance takes time and memory proportional to
/// the product of the two lengths, and nothing that long is a typo of a key or an id.
const MAX_LEN: usize = 128;

/// Shortest word (in characters) that can be a typo: an edit of a one- or two-letter word is a
/// different word, not a slip.
const MIN_LEN: usize = 3;

/// The candidate closest to `word`, if it is close enough to be a plausible typo: about one
/// edit in three characters. Numbers are not words: `10` is not a typo of `1`.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let n = word.chars().count();
    if !(MIN_LEN..=MAX_LEN).contains(&n) || !word.chars().any(char::is_alphabetic) {
        return None;
    }
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let m = c.chars().count();
        let limit = (n.max(m) / 3).max(1);
        // The distance is at least the difference in length.
        if m > MAX_LEN || n.abs_diff(m) > limit {
            continue;
        }
        let d = strsim::damerau_levenshtein(word, c);
        if d <= limit && best.is_none_or(|(bd, bc)| d < bd || (d == bd && c < bc)) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_words_only() {
        assert_eq!(closest("sorces", ["sources", "sinks"]), Some("sources"));
        assert_eq!(closest("zzz", ["sources", "sinks"]), None);
        assert_eq!(closest("shard", ["shards", "mode"]), Some("shards"));
    }

    #[test]
    fn numbers_and_short_words_get_no_guess() {
        assert_eq!(closest("10", ["1", "3", "14"]), None);
        assert_eq!(closest("", ["a"]), None);
        assert_eq!(closest("ab", ["a", "abc"]), None);
    }

    #[test]
    fn long_words_cost_nothing() {
        let long = "a".repeat(100_000);
        let start = std::time::Instant::now();
        assert_eq!(closest(&long, [long.as_str(), "a"]), None);
        assert!(start.elapsed() < std::time::Duration::from_millis(100));
    }
}
