import Foundation
import Testing

/// Each C library and the system's calls sit behind one thin layer in one place; everything
/// above is Swift (ARCHITECTURE.md, "Targets").
@Suite struct SystemCallsLayerTests {
    static let root = Paths.packageRoot.appendingPathComponent("Sources/GovReport")

    /// Every Swift file of the GovReport target, by its path under `Sources/GovReport`.
    static func sources() throws -> [(path: String, text: String)] {
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return try files.filter { $0.hasSuffix(".swift") }.sorted().map { path in
            (path, try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8))
        }
    }

    static func users(of needle: String) throws -> [String] {
        try sources().filter { $0.text.contains(needle) }.map(\.path)
    }

    @Test func onlyTheSystemLayerAndTheIconvWrapperImportTheCLibrary() throws {
        let importers = try Set(Self.users(of: "import Glibc") + Self.users(of: "import Darwin"))
        #expect(importers == ["System/SystemCalls.swift", "Text/CharsetConversion.swift"])
    }

    @Test(arguments: ["posix_spawn", "waitpid", "opendir", "lstat(", "strerror("])
    func onlyTheSystemLayerCalls(_ call: String) throws {
        #expect(try Self.users(of: call) == ["System/SystemCalls.swift"])
    }

    @Test func eachCLibraryHasOneWrapper() throws {
        #expect(try Self.users(of: "import CPoppler").allSatisfy { $0.hasPrefix("Poppler/") })
        #expect(try Self.users(of: "import CLibXML2") == ["HTML/LibXMLDocument.swift"])
        #expect(try Self.users(of: "import CTesseract").allSatisfy { $0.hasPrefix("OCR/") })
    }
}
