import Foundation

/// A folder of its own under the system's temporary folder, for one job (a conversion with its
/// private LibreOffice profile), made when something is put in it and removed with everything
/// in it by `remove()`.
struct TemporaryFolder {
    let path: String

    /// `<tmp>/<prefix>-<UUID>` (not made yet).
    init(prefix: String) {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
    }

    /// `name` inside the folder.
    func file(_ name: String) -> String { path + "/" + name }

    /// `name` inside the folder as a `file://` URL.
    func url(_ name: String) -> String { URL(fileURLWithPath: file(name)).absoluteString }

    /// Makes the folder `name` inside it (and the folder itself when it is not there yet).
    func makeFolder(_ name: String) throws {
        try FileManager.default.createDirectory(atPath: file(name), withIntermediateDirectories: true)
    }

    func write(_ data: Data, to name: String) throws { try data.write(to: URL(fileURLWithPath: file(name))) }

    /// The bytes of `name`; nil when it cannot be read.
    func contents(of name: String) -> Data? { FileManager.default.contents(atPath: file(name)) }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
