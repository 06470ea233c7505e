//! The demo generator's pseudo-random numbers: SplitMix64 for seeding, xoshiro256** for the
//! stream.
//!
//! Written here instead of taken from `rand` because the demo data must stay byte-for-byte the
//! same for a seed across releases and platforms: `rand` documents `StdRng` as not
//! value-stable, and its distributions may change between versions. Both algorithms are tiny,
//! public-domain, and only use integer arithmetic; the floating-point helpers below use only
//! `+`, `*` and comparisons (no `ln`/`exp`/`cos`, whose last bit may differ between libm
//! implementations), so the output is identical on every IEEE-754 platform.

/// One SplitMix64 step: advances `state` and returns a well-mixed 64-bit value.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A xoshiro256** generator.
#[derive(Debug, Clone)]
pub(crate) struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// An independent stream for (`seed`, `stream`). Every customer gets its own stream, so a
    /// customer's rows do not depend on how many customers were generated before it or on the
    /// batch size.
    pub(crate) fn new(seed: u64, stream: u64) -> Self {
        let mut mix = seed;
        let salt = splitmix64(&mut mix);
        let mut state = salt ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03);
        let s = [
            splitmix64(&mut state),
            splitmix64(&mut state),
            splitmix64(&mut state),
            splitmix64(&mut state),
        ];
        // SplitMix64 never yields four zero words in a row, but xoshiro must not start at zero.
        if s == [0; 4] {
            return Rng { s: [1, 2, 3, 4] };
        }
        Rng { s }
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// Uniform in `0..n` (0 when `n` is 0), by Lemire's multiply-shift; the bias is below
    /// 2^-40 for the small ranges used here, irrelevant for demo data.
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform integer in `lo..=hi` (`lo` when the range is empty).
    pub(crate) fn int(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = hi.abs_diff(lo).saturating_add(1);
        lo.wrapping_add(self.below(span) as i64)
    }

    /// Uniform `i32` in `lo..=hi`.
    pub(crate) fn int32(&mut self, lo: i32, hi: i32) -> i32 {
        // Within lo..=hi, so the conversion cannot fail; `lo` is only a formal fallback.
        i32::try_from(self.int(i64::from(lo), i64::from(hi))).unwrap_or(lo)
    }

    /// Uniform in `[0, 1)` with 53 random bits.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in `[lo, hi)`.
    pub(crate) fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// `true` with probability `p`.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Approximately normal with the given mean and standard deviation: the Irwin–Hall sum of
    /// twelve uniforms minus six has variance exactly 1 and is within 0.01 of the normal CDF,
    /// without transcendental functions (see the module docs). Tails stop at ±6 sd.
    pub(crate) fn normal(&mut self, mean: f64, sd: f64) -> f64 {
        let mut sum = 0.0;
        for _ in 0..12 {
            sum += self.unit();
        }
        mean + sd * (sum - 6.0)
    }

    /// A uniformly chosen element; `None` only for an empty slice.
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len() as u64) as usize)
    }

    /// A uniformly chosen `&str` ("" for an empty slice, which the constant tables never are).
    pub(crate) fn text(&mut self, items: &[&'static str]) -> &'static str {
        self.pick(items).copied().unwrap_or("")
    }

    /// A value chosen with the given integer weights (the last value if all weights are 0).
    pub(crate) fn weighted<T: Copy, const N: usize>(&mut self, items: &[(T, u32); N]) -> T {
        // An empty table is a bug in a constant, caught at compile time.
        const { assert!(N > 0, "weighted() needs at least one value") };
        let total: u64 = items.iter().map(|&(_, w)| u64::from(w)).sum();
        let mut roll = self.below(total);
        for &(value, w) in items {
            if roll < u64::from(w) {
                return value;
            }
            roll -= u64::from(w);
        }
        // Only reachable when every weight is 0.
        items[N - 1].0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_reproducible_and_independent() {
        let a: Vec<u64> = (0..8).map(|_| Rng::new(7, 1).next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        let mut x = Rng::new(7, 1);
        let mut y = Rng::new(7, 2);
        let mut z = Rng::new(8, 1);
        let xs: Vec<u64> = (0..4).map(|_| x.next_u64()).collect();
        let ys: Vec<u64> = (0..4).map(|_| y.next_u64()).collect();
        let zs: Vec<u64> = (0..4).map(|_| z.next_u64()).collect();
        assert_ne!(xs, ys);
        assert_ne!(xs, zs);
    }

    #[test]
    fn reference_vectors() {
        // xoshiro256** from state [1, 2, 3, 4] and SplitMix64 from 1234567, as published with
        // the reference implementations.
        let mut x = Rng { s: [1, 2, 3, 4] };
        let first: Vec<u64> = (0..4).map(|_| x.next_u64()).collect();
        assert_eq!(first, [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240]);
        let mut state = 1_234_567;
        assert_eq!(splitmix64(&mut state), 6_457_827_717_110_365_317);
        assert_eq!(splitmix64(&mut state), 3_203_168_211_198_807_973);
    }

    #[test]
    fn value_stability() {
        // Pins the algorithm: changing it changes every demo data set, which must be deliberate.
        let mut r = Rng::new(42, 0);
        let first = r.next_u64();
        let mut again = Rng::new(42, 0);
        assert_eq!(again.next_u64(), first);
        assert_eq!(first, PINNED_FIRST_VALUE);
    }

    const PINNED_FIRST_VALUE: u64 = 1_865_750_160_070_900_731;

    #[test]
    fn ranges_and_moments() {
        let mut r = Rng::new(1, 1);
        let n = 20_000;
        let mut sum = 0.0;
        let mut sq = 0.0;
        for _ in 0..n {
            let v = r.normal(70.0, 15.0);
            sum += v;
            sq += v * v;
            let i = r.int(-3, 3);
            assert!((-3..=3).contains(&i));
            let u = r.unit();
            assert!((0.0..1.0).contains(&u));
        }
        let mean = sum / n as f64;
        let sd = (sq / n as f64 - mean * mean).sqrt();
        assert!((mean - 70.0).abs() < 0.5, "{mean}");
        assert!((sd - 15.0).abs() < 0.5, "{sd}");
        assert_eq!(r.int(5, 5), 5);
        assert_eq!(r.int(5, 4), 5);
        assert_eq!(r.below(0), 0);
        assert_eq!(r.weighted(&[('a', 0), ('b', 1)]), 'b');
        let counts = (0..10_000).fold([0u32; 3], |mut c, _| {
            c[r.weighted(&[(0usize, 1), (1, 2), (2, 7)])] += 1;
            c
        });
        assert!((600..1400).contains(&counts[0]), "{counts:?}");
        assert!((6_500..7_500).contains(&counts[2]), "{counts:?}");
    }
}
