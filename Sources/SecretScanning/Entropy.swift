#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shannon entropy of a string's bytes, in bits per byte: random tokens score 4–6, words
/// and repeated text 1–3.
enum Entropy {
    static func bits(_ text: some Collection<UInt8>) -> Double {
        guard !text.isEmpty else { return 0 }
        // On the stack: this runs for every candidate.
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 256) { counts in
            counts.initialize(repeating: 0)
            for byte in text { counts[Int(byte)] += 1 }
            let total = Double(text.count)
            var sum = 0.0
            for n in counts where n > 0 {
                let p = Double(n) / total
                sum -= p * log2(p)
            }
            return sum
        }
    }
}
