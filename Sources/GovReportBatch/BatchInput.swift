import Foundation
import GovReport

/// One input of a batch.
public struct BatchInput: Sendable, Equatable {
    /// The path as the worker opens it and `source.path` records it (lexically normalized).
    public var path: String
    /// What decides the input's shard: the path relative to the folder it was found in by a
    /// walk (so machines that mount a harvest at different places still split it the same way),
    /// or the path itself for a file named directly.
    public var shardKey: String

    public init(path: String, shardKey: String? = nil) {
        self.path = path
        self.shardKey = shardKey ?? path
    }
}

/// Turns the command line's inputs (files, folders, lists of paths) into the batch's inputs:
/// sorted by path in byte order, each path once.
public enum InputListing {
    /// What a folder walk takes by default: the kinds `govreport extract` reads (PDF, Word and
    /// the word-processor formats LibreOffice converts, saved web pages, text).
    public static let reportExtensions: Set<String> = InputKind.readableExtensions

    public struct Options: Sendable {
        /// Extensions (lower case, no dot) of the files a folder walk takes; nil takes every file.
        /// Files named directly are always taken.
        public var extensions: Set<String>?
        /// Folders a walk does not enter (the batch's own output folder), as absolute paths.
        public var excluding: [String]

        public init(extensions: Set<String>? = InputListing.reportExtensions, excluding: [String] = []) {
            self.extensions = extensions
            self.excluding = excluding.map(InputListing.absolute)
        }
    }

    public enum ListingError: Error, Equatable, CustomStringConvertible {
        case unreadableFolder(String)
        public var description: String {
            switch self {
            case .unreadableFolder(let p): "\(p): the folder cannot be listed; check its permissions"
            }
        }
    }

    /// Expands `arguments`: a folder is walked recursively (hidden files and folders skipped, only
    /// files with the chosen extensions), anything else is taken as a file path, even when it
    /// does not exist (the batch then records it as failed, `not_found`).
    public static func list(_ arguments: [String], options: Options = Options()) throws -> [BatchInput] {
        var skipped = SkippedFiles()
        return try list(arguments, options: options, skipped: &skipped)
    }

    /// `list`, counting the files the folder walks left out for their extension.
    public static func list(_ arguments: [String], options: Options = Options(),
                            skipped: inout SkippedFiles) throws -> [BatchInput] {
        var seen: [String: BatchInput] = [:]
        for argument in arguments where !argument.isEmpty {
            let path = normalize(argument)
            if let status = RawPath.status(path), status.isDirectory {
                for input in try walk(path, options: options, skipped: &skipped) where seen[input.path] == nil {
                    seen[input.path] = input
                }
            } else if seen[path] == nil {
                seen[path] = BatchInput(path: path)
            }
        }
        return seen.values.sorted { pathPrecedes($0.path, $1.path) }
    }

    /// Files under `root`, each with its path relative to `root` as the shard key.
    static func walk(_ root: String, options: Options, skipped: inout SkippedFiles) throws -> [BatchInput] {
        let rootAbsolute = absolute(root)
        // Excluded folders, as paths relative to this root.
        let excluded = Set(options.excluding.compactMap { ex -> String? in
            ex.hasPrefix(rootAbsolute + "/") ? String(ex.dropFirst(rootAbsolute.count + 1)) : nil
        })
        if options.excluding.contains(rootAbsolute) { return [] }
        let found = RawPath.walk(root, enter: { rel, name in !name.hasPrefix(".") && !excluded.contains(rel) },
                                 take: { _, name in
            guard !name.hasPrefix(".") else { return false }
            if let exts = options.extensions, !exts.contains((name as NSString).pathExtension.lowercased()) {
                skipped.add(name)
                return false
            }
            return true
        })
        guard let found else { throw ListingError.unreadableFolder(root) }
        return found.map { rel in
            BatchInput(path: normalize(root == "/" ? "/" + rel : root + "/" + rel), shardKey: normalize(rel))
        }
    }

    /// Paths from a list: one per line (a trailing `\r` is dropped), or NUL-separated; blank
    /// entries are skipped.
    public static func paths(fromList data: Data, nulSeparated: Bool = false) -> [String] {
        // Split on bytes: in a String, "\r\n" is one Character and would not split at "\n".
        let parts = data.split(separator: nulSeparated ? 0 : UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        return parts.map { part in
            var bytes = Array(part)
            if !nulSeparated, bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            return RawPath.string(bytes)
        }.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// `a//b/./c/` → `a/b/c`; `./x` → `x`. `..` is kept (it may cross a symbolic link).
    public static func normalize(_ path: String) -> String {
        guard !path.isEmpty else { return path }
        let isAbsolute = path.hasPrefix("/")
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        let joined = parts.joined(separator: "/")
        if isAbsolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The absolute, lexically standardized form of a path (against the current directory).
    public static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Byte order of the UTF-8 paths: what `LC_ALL=C sort` gives, the same on every machine.
    public static func pathPrecedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
