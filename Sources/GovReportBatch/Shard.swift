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

extension Shard {
    /// Why `--shard auto` could not take its shard from the environment.
    public enum SlurmArrayError: Error, Equatable, CustomStringConvertible {
        case notAnArrayJob
        case malformed(variable: String, value: String)
        case notContiguous(task: Int, min: Int, step: Int, count: Int)

        public var description: String {
            switch self {
            case .notAnArrayJob:
                "--shard auto takes the shard from a Slurm array job (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN, "
                    + "SLURM_ARRAY_TASK_COUNT), and this is not one; run it under sbatch --array, or give --shard K/N"
            case .malformed(let variable, let value):
                "--shard auto: \(variable)=\(value) is not a whole number"
            case .notContiguous(let task, let min, let step, let count):
                "--shard auto: array task \(task) is not one of \(count) tasks from \(min) in steps of \(step); "
                    + "submit the array as a range (--array=1-\(count) or 0-\(count - 1))"
            }
        }
    }

    /// The shard of a task of a Slurm array job, from its environment: task IDs
    /// `SLURM_ARRAY_TASK_MIN`, `MIN + STEP`, … (`SLURM_ARRAY_TASK_STEP`, default 1) are shards
    /// 1, 2, … of `SLURM_ARRAY_TASK_COUNT`. Arrays starting at 0 or 1 both work; an array given as
    /// a list with gaps (`--array=1,4,9`) is refused, since its tasks would not cover every shard.
    public static func fromSlurmArray(_ environment: [String: String]) throws(SlurmArrayError) -> Shard {
        func number(_ name: String) throws(SlurmArrayError) -> Int? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            guard let n = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw .malformed(variable: name, value: text)
            }
            return n
        }
        guard let task = try number("SLURM_ARRAY_TASK_ID"), let min = try number("SLURM_ARRAY_TASK_MIN"),
              let count = try number("SLURM_ARRAY_TASK_COUNT") else { throw .notAnArrayJob }
        let step = try number("SLURM_ARRAY_TASK_STEP") ?? 1
        let last = min + (count - 1) * step
        let max = try number("SLURM_ARRAY_TASK_MAX") ?? last
        guard step >= 1, task >= min, (task - min) % step == 0, max == last,
              let shard = Shard(index: (task - min) / step + 1, count: count)
        else { throw .notContiguous(task: task, min: min, step: step, count: count) }
        return shard
    }

    /// `--jobs` under Slurm: the CPUs the task was given (`SLURM_CPUS_PER_TASK`), when set.
    public static func slurmCPUsPerTask(_ environment: [String: String]) -> Int? {
        environment["SLURM_CPUS_PER_TASK"].flatMap { Int($0) }.flatMap { $0 >= 1 ? $0 : nil }
    }
}
