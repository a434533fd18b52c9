/// `--shard K/N`: the K-th of N disjoint parts of the inputs (K from 1). Which part an input
/// falls in depends on its shard key alone, so N machines (or the tasks of an array job) that
/// list the same inputs split them without talking to each other, and every input lands in
/// exactly one part.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `K/N`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        self.init(index: k, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// What the shard's output files carry in their names: `-K-of-N`.
    public var fileSuffix: String { "-\(index)-of-\(count)" }

    public func contains(_ input: BatchInput) -> Bool { Self.part(of: input.shardKey, count: count) == index }

    /// The part (1…count) a key falls in: FNV-1a over its UTF-8 bytes, mixed (SplitMix64's
    /// finalizer) so that every bit counts, modulo `count`.
    public static func part(of key: String, count: Int) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        h = (h ^ (h >> 30)) &* 0xbf58_476d_1ce4_e5b9
        h = (h ^ (h >> 27)) &* 0x94d0_49bb_1331_11eb
        h ^= h >> 31
        return Int(h % UInt64(count)) + 1
    }
}
