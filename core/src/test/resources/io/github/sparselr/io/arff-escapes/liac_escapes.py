"""What scikit-learn 1.2.1's ARFF parser (liac-arff, sklearn/externals/_arff.py) reads from escapes.arff.

Run with /usr/bin/python3 (Debian's python3-sklearn 1.2.1); ArffEscapesTest#readsEscapesAsScikitLearnsLiacArff
pins its output, printed as Java string literals (one per row: the class value; then the attribute names).
"""
import json
import pathlib

from sklearn.externals import _arff

data = _arff.loads((pathlib.Path(__file__).parent / "escapes.arff").read_text(encoding="utf-8"))
print("names:", json.dumps([name for name, _ in data["attributes"]]))
print("declared:", json.dumps(data["attributes"][1][1]))
print("rows:", json.dumps([row[1] for row in data["data"]]))
