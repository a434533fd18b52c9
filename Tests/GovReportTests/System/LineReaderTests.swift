import Foundation
import Testing
@testable import GovReport

/// `LineReader`: a file a line at a time in small chunks, an over-long line refused alone.
@Suite struct LineReaderTests {
    func lines(_ text: String, maxLength: Int, chunkSize: Int) throws -> [LineReader.Line] {
        let dir = ScratchFolder()
        defer { dir.remove() }
        dir.file("t.jsonl", text)
        let reader = try #require(LineReader(path: dir.url.appendingPathComponent("t.jsonl").path,
                                             maxLength: maxLength, chunkSize: chunkSize))
        var out: [LineReader.Line] = []
        while let line = reader.next() { out.append(line) }
        return out
    }

    @Test(arguments: [16, 17, 1 << 20])
    func linesAcrossChunksAndAnOverLongOne(chunkSize: Int) throws {
        let long = String(repeating: "x", count: 100)
        let got = try lines("a\n\nbb\r\n\(long)\nccc", maxLength: 40, chunkSize: chunkSize)
        #expect(got == [.text(Array("a".utf8)), .text([]), .text(Array("bb\r".utf8)), .tooLong(length: 100),
                        .text(Array("ccc".utf8))])
    }

    @Test func aLineOfExactlyTheLimitIsKept() throws {
        #expect(try lines("abcd\nabcde\n", maxLength: 4, chunkSize: 16) == [.text(Array("abcd".utf8)), .tooLong(length: 5)])
    }

    @Test func aMissingFileIsNil() {
        #expect(LineReader(path: "/nonexistent/govreport-line-reader", maxLength: 10) == nil)
    }
}
