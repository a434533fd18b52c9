import Foundation
import Testing
@testable import GovReportBatch

@Suite struct InputListingTests {
    @Test(arguments: [("a//b/./c/", "a/b/c"), ("./x.pdf", "x.pdf"), ("/abs//p.pdf", "/abs/p.pdf"), (".", "."),
                      ("a/../b", "a/../b"), ("/", "/")])
    func normalizesPathsLexically(_ raw: String, _ want: String) {
        #expect(InputListing.normalize(raw) == want)
    }

    @Test func walksFoldersForTheChosenExtensionsSkippingHiddenAndOutput() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        dir.file("h/b.pdf"); dir.file("h/a.PDF"); dir.file("h/sub/c.txt"); dir.file("h/sub/d.docx")
        dir.file("h/.hidden.pdf"); dir.file("h/.git/e.pdf"); dir.file("h/out/docs/f.pdf")
        let root = dir.path + "/h"
        let found = try InputListing.list([root + "/"], options: .init(extensions: ["pdf", "txt"],
                                                                      excluding: [root + "/out"]))
        #expect(found.map(\.path) == [root + "/a.PDF", root + "/b.pdf", root + "/sub/c.txt"])
        #expect(found.map(\.shardKey) == ["a.PDF", "b.pdf", "sub/c.txt"])

        let every = try InputListing.list([root], options: .init(extensions: nil, excluding: [root + "/out"]))
        #expect(every.map(\.shardKey) == ["a.PDF", "b.pdf", "sub/c.txt", "sub/d.docx"])
    }

    @Test func filesAreTakenAsNamedOnceEachInByteOrder() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let b = dir.file("b.docx")
        let a = dir.file("a.pdf")
        let found = try InputListing.list([b, a, dir.path + "/./a.pdf", dir.path + "//a.pdf", dir.path + "/missing.pdf"])
        // A file named directly is taken whatever its extension; a missing one is kept (it fails later).
        #expect(found.map(\.path) == [a, b, dir.path + "/missing.pdf"])
        #expect(found.map(\.shardKey) == found.map(\.path))
    }

    @Test func orderIsByUTF8BytesNotLocale() {
        let paths = ["b", "B", "a", "年", "Z", "a b", "a-b", "a/b"]
        #expect(paths.sorted(by: InputListing.pathPrecedes) == ["B", "Z", "a", "a b", "a-b", "a/b", "b", "年"])
    }

    @Test func listsOfPaths() {
        #expect(InputListing.paths(fromList: Data("a.pdf\r\n\n  \nb c.pdf\nd.pdf".utf8)) == ["a.pdf", "b c.pdf", "d.pdf"])
        #expect(InputListing.paths(fromList: Data("a\nb.pdf\0c.pdf\0".utf8), nulSeparated: true)
                == ["a\nb.pdf", "c.pdf"])
    }
}
