#!/usr/bin/python3
"""Prints what scikit-learn 1.2.1 (liac-arff, sklearn/externals/_arff.py) and pandas do with the bad
inputs that ArffReaderBadInputTest, CsvEncodingTest and OpenMlReaderCsvEncodingTest pin: the reference
for each expected value or error.

    /usr/bin/python3 reference_readers.py      (apt-get install python3-sklearn python3-pandas)
"""
import io

import pandas as pd
import sklearn
from sklearn.externals import _arff

print("scikit-learn", sklearn.__version__, "pandas", pd.__version__)

ARFF = {
    "comment after a nominal list": "@relation r\n@attribute x numeric\n@attribute label {-1,1} %{<=50K, >50K}\n"
                                    "@data\n1,1\n",
    "brace inside a nominal list": "@relation r\n@attribute x numeric\n@attribute cls {a,{b}\n@data\n1,a\n",
    "unclosed quote": "@relation r\n@attribute 'a\n@attribute c {x}\n@data\n1,x\n",
    "attribute name used twice": "@relation r\n@attribute x numeric\n@attribute x numeric\n@attribute c {a}\n"
                                 "@data\n1,1,a\n",
    "byte-order mark": "\ufeff@relation r\n@attribute x numeric\n@attribute class {a,b}\n@data\n1,b\n",
}
for case, text in ARFF.items():
    try:
        data = _arff.loads(text)
        print("ARFF", case, "->", data["attributes"], data["data"])
    except Exception as e:  # liac-arff's errors name the line
        print("ARFF", case, "->", type(e).__name__, e)

# fetch_openml decodes the ARFF bytes as UTF-8 (sklearn/datasets/_arff_parser.py, _liac_arff_parser)
try:
    b"@attribute c {caf\xe9,caf\xe8}".decode("utf-8")
except UnicodeDecodeError as e:
    print("ARFF Latin-1 bytes as UTF-8 ->", type(e).__name__, e)

bom = b"\xef\xbb\xbfa,b,class\nx,2,1\ny,4,2\n"
print("CSV byte-order mark, utf-8 ->", list(pd.read_csv(io.BytesIO(bom)).columns))
latin1 = b"x,class\n1,caf\xe9\n2,caf\xe8\n"
try:
    pd.read_csv(io.BytesIO(latin1))
except UnicodeDecodeError as e:
    print("CSV Latin-1 as utf-8 ->", type(e).__name__, e)
print("CSV Latin-1, encoding='latin-1' ->", pd.read_csv(io.BytesIO(latin1), encoding="latin-1")["class"].tolist())
euro = "x,class\n1,\u20acuro\n2,caf\u00e9\n".encode("cp1252")
print("CSV windows-1252, encoding='cp1252' ->", pd.read_csv(io.BytesIO(euro), encoding="cp1252")["class"].tolist())
try:
    pd.read_csv(io.BytesIO(b"x,c\n1,a\n2,\x81\n"), encoding="cp1252")
except UnicodeDecodeError as e:
    print("CSV byte 0x81, encoding='cp1252' ->", type(e).__name__, e)

# CsvPandasTest: blank lines, numeric labels, blanks around labels
print("CSV blank lines ->", pd.read_csv(io.StringIO("a,b,c\n1,2,x\n\n3,4,y\n\n"))["c"].tolist())
for labels in (["1", "1.0", "2"], ["01", "2", "+3"], ["1e3", "2"], ["0.1", "1e-5", "1e17", "2.5"], ["1", "x"]):
    column = pd.read_csv(io.StringIO("x,c\n" + "".join("0," + v + "\n" for v in labels)))["c"]
    print("CSV labels", labels, "->", column.dtype, [str(v) for v in column.tolist()])
print("CSV blank before a label ->", pd.read_csv(io.StringIO("a,c\n1, y\n2,y\n"))["c"].tolist())
print("CSV semicolons ->", list(pd.read_csv(io.StringIO("a;b;c\n1;2;x\n")).columns))
