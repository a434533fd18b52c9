"""Digits drawn in a hand-made Type 3 font, added to a finished PDF (PyMuPDF): the kind of
font whose glyph boxes poppler takes from the font's own FontBBox, so they can be much
taller or shorter than the boxes of the line's other glyphs. Codes 0x30-0x39 draw simple
digit-like strokes and map back to 0-9 through a ToUnicode map, so the digits decode.

Usage (from rl.py): add_digits(path, [(page, x, y, size, "2023"), ...], font)
  page is 1-based, x/y the baseline origin in PDF points (bottom-left origin); font is
  {"bbox": FontBBox in glyph units, e.g. [0, -1800, 550, 2600], "scale": k}: the FontMatrix
  is k times the usual 0.001 and the text is set at size/k, so the digits look the same
  while the size poppler reports (and the boxes it makes from it) is k times smaller."""
import pymupdf

ADVANCE = 550   # glyph units (FontMatrix 0.001): every digit's width


def _procs():
    # A digit as a stroked closed box with a bar whose height depends on the digit: ink a
    # reader sees, different for every digit.
    out = {}
    for d in range(10):
        bar = 100 + d * 55
        out[d] = (f"{ADVANCE} 0 d0 40 w 80 20 m 470 20 l 470 680 l 80 680 l h S "
                  f"80 {bar} m 470 {bar} l S").encode()
    return out


def _tounicode():
    body = "\n".join(f"<{0x30 + d:02x}> <{0x30 + d:04x}>" for d in range(10))
    return ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def "
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def "
            "1 begincodespacerange <00> <ff> endcodespacerange "
            f"10 beginbfchar\n{body}\nendbfchar endcmap "
            "CMapName currentdict /CMap defineresource pop end end").encode()


def _stream(doc, data, dict_src="<<>>"):
    xref = doc.get_new_xref()
    doc.update_object(xref, dict_src)
    doc.update_stream(xref, data)
    return xref


def add_digits(path, runs, font_spec):
    bbox, k = font_spec["bbox"], font_spec.get("scale", 1)
    doc = pymupdf.open(path)
    procs = {d: _stream(doc, v) for d, v in _procs().items()}
    tounicode = _stream(doc, _tounicode())
    char_procs = doc.get_new_xref()
    doc.update_object(char_procs, "<< " + " ".join(f"/d{d} {x} 0 R" for d, x in procs.items()) + " >>")
    descriptor = doc.get_new_xref()
    doc.update_object(descriptor, (
        f"<< /Type /FontDescriptor /FontName /T3Digits /Flags 4 /FontBBox [{' '.join(str(v) for v in bbox)}] "
        f"/ItalicAngle 0 /Ascent {bbox[3]} /Descent {bbox[1]} /CapHeight {bbox[3]} /StemV 80 >>"))
    font = doc.get_new_xref()
    doc.update_object(font, (
        f"<< /Type /Font /Subtype /Type3 /FontBBox [{' '.join(str(v) for v in bbox)}] "
        f"/FontMatrix [{0.001 * k:g} 0 0 {0.001 * k:g} 0 0] "
        f"/CharProcs {char_procs} 0 R /Resources << >> "
        "/Encoding << /Type /Encoding /Differences [48 " + " ".join(f"/d{d}" for d in range(10)) + "] >> "
        f"/FirstChar 48 /LastChar 57 /Widths [{' '.join([str(ADVANCE)] * 10)}] "
        f"/FontDescriptor {descriptor} 0 R /ToUnicode {tounicode} 0 R >>"))
    for number in sorted({r[0] for r in runs}):
        page = doc[number - 1]
        ops = [f"BT /T3D {size / k:g} Tf 1 0 0 1 {x:.2f} {y:.2f} Tm <{digits.encode().hex()}> Tj ET"
               for p, x, y, size, digits in runs if p == number]
        text = _stream(doc, ("q 0 g 0 G " + " ".join(ops) + " Q").encode())
        contents = doc.xref_get_key(page.xref, "Contents")
        kind, value = contents
        olds = value.strip("[]").replace(" 0 R", "").split()
        doc.xref_set_key(page.xref, "Contents", "[" + " ".join(f"{o} 0 R" for o in olds) + f" {text} 0 R]")
        # Resources and its Font dictionary may each be inline or an indirect object.
        holder, prefix = page.xref, "Resources/"
        kind, value = doc.xref_get_key(holder, "Resources")
        if kind == "xref":
            holder, prefix = int(value.split()[0]), ""
        kind, value = doc.xref_get_key(holder, prefix + "Font")
        holder, key = (int(value.split()[0]), "T3D") if kind == "xref" else (holder, prefix + "Font/T3D")
        doc.xref_set_key(holder, key, f"{font} 0 R")
    doc.save(path + ".tmp", garbage=0, deflate=True, no_new_id=True)
    doc.close()
    import os
    os.replace(path + ".tmp", path)
