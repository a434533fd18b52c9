#!/usr/bin/env python3
"""Writes Tests/GovReportTests/Fixtures/formats/: files of formats govreport answers with an
error of their own, and hostile Word packages. Standard library only; deterministic.

    python3 Scripts/make-format-fixtures.py

| file | what it is | expected |
|---|---|---|
| report.ofd | a ZIP with OFD.xml (GB/T 33190 layout) | unsupported_format, "OFD" |
| reports.zip | a ZIP of two text files | unsupported_format, "ZIP archive" |
| scan.jpg, scan.png, scan.tif, scan.gif, scan.bmp | tiny images | unsupported_format, "image" |
| sheet.xls | an OLE2 compound file whose one stream is "Workbook" | unsupported_format, "Excel" |
| other.ole | an OLE2 compound file whose stream is "Contents" | unsupported_format, "OLE2" |
| table.xlsx | a ZIP with xl/workbook.xml | unsupported_format, "Excel" |
| archive.gz | gzip | unsupported_format, "gzip" |
| bomb.docx | a Word package whose document part unpacks to 65 MiB (65 KiB packed) | unreadable, "ZIP bomb" |
| deep.docx | a Word package whose document part nests 100 000 elements deep | unreadable, "XML" |
| page-as.pdf | a saved web page named .pdf (copied from the sample at test time, not here) | |
"""
import os
import struct
import zipfile
import gzip

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "GovReportTests", "Fixtures", "formats")
STAMP = (2024, 1, 18, 9, 30, 0)

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" '
                 'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>')
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def write_zip(path, entries):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def ole2(stream_name):
    """A minimal OLE2 compound file: header, one FAT sector, one directory sector."""
    sector = 512
    header = bytearray(sector)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 0x2C, 1)          # one FAT sector
    struct.pack_into("<I", header, 0x30, 1)          # directory starts at sector 1
    struct.pack_into("<I", header, 0x38, 4096)
    struct.pack_into("<I", header, 0x3C, 0xFFFFFFFE)
    struct.pack_into("<I", header, 0x44, 0xFFFFFFFE)
    struct.pack_into("<I", header, 0x4C, 0)          # DIFAT[0] = sector 0
    for i in range(1, 109):
        struct.pack_into("<I", header, 0x4C + 4 * i, 0xFFFFFFFF)
    fat = bytearray(b"\xff" * sector)
    struct.pack_into("<II", fat, 0, 0xFFFFFFFD, 0xFFFFFFFE)
    directory = bytearray(sector)

    def entry(i, name, kind):
        raw = (name + "\0").encode("utf-16-le")
        directory[i * 128:i * 128 + len(raw)] = raw
        struct.pack_into("<HB", directory, i * 128 + 0x40, len(raw), kind)
        struct.pack_into("<III", directory, i * 128 + 0x44, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF if i else 1)
    entry(0, "Root Entry", 5)
    entry(1, stream_name, 2)
    return bytes(header + fat + directory)


def main():
    os.makedirs(OUT, exist_ok=True)
    p = lambda n: os.path.join(OUT, n)
    write_zip(p("report.ofd"), [("OFD.xml", '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0"/>'),
                                ("Doc_0/Document.xml", "<ofd:Document/>")])
    write_zip(p("reports.zip"), [("a.txt", "一、总体情况\n"), ("b.txt", "二、主动公开政府信息情况\n")])
    write_zip(p("table.xlsx"), [("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")])
    with open(p("scan.png"), "wb") as f:
        f.write(bytes.fromhex("89504E470D0A1A0A0000000D49484452000000010000000108000000003A7E9B55"))
    with open(p("scan.jpg"), "wb") as f:
        f.write(bytes.fromhex("FFD8FFE000104A46494600010100000100010000FFD9"))
    with open(p("scan.gif"), "wb") as f:
        f.write(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;")
    with open(p("scan.tif"), "wb") as f:
        f.write(b"II*\x00\x08\x00\x00\x00\x00\x00")
    with open(p("scan.bmp"), "wb") as f:
        f.write(b"BM" + struct.pack("<IHHI", 58, 0, 0, 54) + struct.pack("<IiiHHIIiiII", 40, 1, 1, 1, 24, 0, 4, 0, 0, 0, 0) + b"\0\0\xff\0")
    with open(p("sheet.xls"), "wb") as f:
        f.write(ole2("Workbook"))
    with open(p("other.ole"), "wb") as f:
        f.write(ole2("Contents"))
    with open(p("archive.gz"), "wb") as f:
        f.write(gzip.compress("报告".encode(), mtime=0))
    # 65 MiB of one paragraph's text: packs to about 65 KiB.
    body = f'<w:document {W}><w:body><w:p><w:r><w:t>'.encode() + b"0" * (65 << 20) + b"</w:t></w:r></w:p></w:body></w:document>"
    write_zip(p("bomb.docx"), [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS), ("word/document.xml", body)])
    deep = f'<w:document {W}><w:body>' + "<w:sdt><w:sdtContent>" * 50000 + "</w:sdtContent></w:sdt>" * 50000 + "</w:body></w:document>"
    write_zip(p("deep.docx"), [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS), ("word/document.xml", deep)])
    for name in sorted(os.listdir(OUT)):
        print(f"{os.path.relpath(p(name))}: {os.path.getsize(p(name))} bytes")


if __name__ == "__main__":
    main()
