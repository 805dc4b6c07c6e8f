/// A small, fast, seedable random number generator (xoshiro256**), used wherever StakeNet draws at random.
///
/// Every random computation takes a seed; independent tasks (a Monte Carlo run, a permutation, a
/// sampled source) draw from their own stream, `SeededGenerator(seed:stream:)`, so results do not depend
/// on how tasks are spread over threads.
///
/// - Reference: D. Blackman and S. Vigna, "Scrambled linear pseudorandom number generators",
///   ACM Trans. Math. Softw. 47(4), 2021. doi:10.1145/3460772. Seeding by SplitMix64 as the authors advise.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    @usableFromInline var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator for `seed`; `stream` selects an independent sequence for the same seed.
    public init(seed: UInt64, stream: UInt64 = 0) {
        var mixer = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
        func splitMix() -> UInt64 {
            mixer &+= 0x9E37_79B9_7F4A_7C15
            var z = mixer
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    @inlinable public mutating func next() -> UInt64 {
        let result = rotate(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotate(state.3, 45)
        return result
    }

    /// A uniform integer in 0 ..< `bound` (Lemire's multiply-and-reject method), written out here so that
    /// sequences do not depend on the standard library's choice of method.
    @inlinable public mutating func uniform(below bound: Int) -> Int {
        precondition(bound > 0)
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }

    /// Shuffles `array` uniformly (Fisher–Yates).
    @inlinable public mutating func shuffle<T>(_ array: inout [T]) {
        var i = array.count - 1
        while i > 0 {
            array.swapAt(i, uniform(below: i + 1))
            i -= 1
        }
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    @inlinable func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
