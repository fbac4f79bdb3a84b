#!/usr/bin/python3
"""The scikit-learn side of scripts/bench-arff.sh: parse the same mnist_784-style ARFF file as
fetch_openml does, with liac-arff (1.2.1's default) and with pandas (parser="pandas").

    /usr/bin/python3 sklearn_arff_bench.py ARFF_FILE
"""
import sys
import time

import numpy as np
import sklearn
from sklearn.externals import _arff


def liac(path):
    with open(path) as f:
        data = _arff.load(f, return_type=_arff.DENSE)
    rows = data["data"]
    x = np.array([r[:-1] for r in rows], dtype=np.float64)
    y = np.array([r[-1] for r in rows], dtype=object)
    return x, y


def pandas(path):
    import pandas as pd
    with open(path) as f:
        header_lines = 0
        for line in f:
            header_lines += 1
            if line.strip().lower() == "@data":
                break
    frame = pd.read_csv(path, skiprows=header_lines, header=None, na_values=["?"], comment="%",
                        quotechar='"', skipinitialspace=True, escapechar="\\", keep_default_na=False)
    return frame.iloc[:, :-1].to_numpy(dtype=np.float64), frame.iloc[:, -1].astype(str).to_numpy()


def main(path):
    print("scikit-learn %s, numpy %s" % (sklearn.__version__, np.__version__))
    for name, parse in (("liac-arff", liac), ("pandas", pandas)):
        try:
            start = time.perf_counter()
            x, y = parse(path)
            print("sklearn   %-10s %d x %d in %.3f s" % (name, x.shape[0], x.shape[1] + 1, time.perf_counter() - start))
        except ImportError as e:
            print("sklearn   %-10s not available: %s (apt-get install python3-pandas)" % (name, e))


if __name__ == "__main__":
    main(sys.argv[1])
