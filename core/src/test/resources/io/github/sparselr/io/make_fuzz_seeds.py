#!/usr/bin/python3
"""Writes the seed inputs of the readers' fuzz tests (ArffReaderFuzzTest, CsvReaderFuzzTest,
IdxReaderFuzzTest) into the *FuzzTestInputs folders beside this script. Findings that Jazzer adds to
those folders (crash-*, timeout-*) are kept: this script only (re)writes the files named seed-*.

    /usr/bin/python3 make_fuzz_seeds.py
"""
import gzip
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def write(folder, name, data):
    path = os.path.join(HERE, folder)
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, "seed-" + name), "wb") as f:
        f.write(data)


def gz(data):
    return gzip.compress(data, mtime=0)


ARFF = {
    "dense.arff": b"% a comment\n@RELATION 'tiny set'\n\n@attribute 'pixel 1' numeric\n"
                  b"@ATTRIBUTE colour {red, 'dark blue', green}\n@attribute weight REAL\n"
                  b"@attribute class {0,1,2}\n@data\n1.5,red,-2e-1,2\n% between rows\n\n"
                  b"0, 'dark blue' , 3 , 0 \n?,green,7,1 % trailing comment\n",
    "sparse.arff": b"@relation s\n@attribute a numeric\n@attribute b {x,y}\n@attribute c integer\n"
                   b"@attribute class {n,p}\n@data\n{0 4, 3 p}\n{1 y, 2 0.25}\n{}\n",
    "string-target.arff": b"@relation r\n@attribute id string\n@attribute x numeric\n@attribute c {a,b}\n"
                          b"@data\n'first one',1,a\nsecond,2,b\n",
    "crlf-bom.arff": b"\xef\xbb\xbf@relation r\r\n@attribute x numeric\r\n@attribute class {a,b}\r\n@data\r\n"
                     b"1,a\r\n2,b\r\n",
    # issue 10, item 1: a comment holding braces after a nominal list, a nested '{', an open quote
    "comment-after-nominal.arff": b"@relation r\n@attribute x numeric\n@attribute label {-1,1} %{<=50K, >50K}\n"
                                  b"@data\n1,-1\n",
    "nested-brace.arff": b"@relation r\n@attribute x numeric\n@attribute cls {a,{b}\n@data\n1,a\n",
    "open-quote.arff": b"@relation r\n@attribute 'a\n@attribute c {x}\n@data\n1,x\n",
    "numbers.arff": b"@relation n\n@attribute v numeric\n@attribute c {x}\n@data\n0.1,x\n1234567890123456789,x\n"
                    b"-0,x\n1e-7,x\n2.5E+10,x\n.5,x\n'3',x\n",
    "latin1.arff": b"@relation r\n@attribute x numeric\n@attribute c {caf\xe9,caf\xe8}\n@data\n1,caf\xe9\n",
}

for name, data in ARFF.items():
    write("ArffReaderFuzzTestInputs/fuzzArff", name, data)
for name in ["dense.arff", "sparse.arff", "crlf-bom.arff", "comment-after-nominal.arff"]:
    write("ArffReaderFuzzTestInputs/fuzzGzipArff", name + ".gz", gz(ARFF[name]))
write("ArffReaderFuzzTestInputs/fuzzGzipArff", "plain-under-gz-name.arff", ARFF["dense.arff"])
write("ArffReaderFuzzTestInputs/fuzzGzipArff", "cut-short.arff.gz", gz(ARFF["dense.arff"])[:40])

CSV = {
    "header.csv": b"x,label,\"y, quoted\"\n1,a,2.5\n3,\"b c\",?\n",
    "no-header.csv": b"7,1,2\n8,3,4\n",
    "bom.csv": b"\xef\xbb\xbfa,b,class\n1,2,x\n3,4,y\n",
    "latin1.csv": b"x,class\n1,caf\xe9\n2,caf\xe8\n",
    "ragged.csv": b"a,b,c\n1,2,x\n3,4\n",
    "open-quote.csv": b"a,b\n1,\"open\n",
}
for name, data in CSV.items():
    write("CsvReaderFuzzTestInputs/fuzzCsv", name, data)


def idx(dims, data, type_code=8):
    return bytes([0, 0, type_code, len(dims)]) + b"".join(struct.pack(">I", d) for d in dims) + bytes(data)


IDX = {
    "images": idx([2, 2, 3], range(12)),
    "labels": idx([3], [5, 0, 9]),
    "claims-40000x40000": idx([1, 40000, 40000], []),
    "claims-65536x65536": idx([1, 65536, 65536], []),
    "negative-size": bytes([0, 0, 8, 3]) + struct.pack(">i", -1) + struct.pack(">I", 28) * 2,
}
for name, data in IDX.items():
    write("IdxReaderFuzzTestInputs/fuzzIdxFile", name, data)
    write("IdxReaderFuzzTestInputs/fuzzIdxFile", name + ".gz", gz(data))


def folder(flags, files):
    return bytes([flags]) + b"".join(struct.pack(">H", len(f)) + f for f in files)


train_images = idx([2, 1, 2], [0, 1, 2, 3])
train_labels = idx([2], [5, 0])
test_images = idx([1, 1, 2], [200, 4])
test_labels = idx([1], [9])
FOLDERS = {
    "plain": folder(0, [train_images, train_labels, test_images, test_labels]),
    "gzip-labels": folder(0b1010, [train_images, train_labels, test_images, test_labels]),
    "gzip-under-plain-names": folder(0b11111, [train_images, train_labels, test_images, test_labels]),
    # issue 10, item 5: a 16-byte image file claiming 40000 x 40000 pixels
    "claims-40000x40000": folder(0, [idx([1, 40000, 40000], []), train_labels, test_images, test_labels]),
}
for name, data in FOLDERS.items():
    write("IdxReaderFuzzTestInputs/fuzzMnistFolder", name, data)
