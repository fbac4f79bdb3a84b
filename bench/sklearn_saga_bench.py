#!/usr/bin/python3
"""The scikit-learn side of scripts/bench-saga.sh: the same MNIST problems as SagaBenchmark.java.

    /usr/bin/python3 sklearn_saga_bench.py MNIST_FOLDER SPARSELR_OUT [REPEATS]

Same rows (RandomState(0).permutation, then train_test_split(random_state=0)), StandardScaler,
LogisticRegression(penalty="l1", C=50/n_train, solver="saga", tol=0.1, random_state=0). Times fit()
only (wall time, and the fitting thread's CPU time, which varies less on a shared machine), and
compares coef_ with the coefficients sparselr wrote to SPARSELR_OUT.
"""
import os
import sys
import time
import warnings

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler


def read_idx(path):
    with open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def main(folder, out, repeats):
    images = [read_idx(os.path.join(folder, f)) for f in ("train-images-idx3-ubyte", "t10k-images-idx3-ubyte")]
    labels = [read_idx(os.path.join(folder, f)) for f in ("train-labels-idx1-ubyte", "t10k-labels-idx1-ubyte")]
    x = np.concatenate([i.reshape(-1, 784) for i in images]).astype(np.float64)
    y = np.array([str(v) for v in np.concatenate(labels)], dtype=object)
    perm = np.random.RandomState(0).permutation(x.shape[0])
    x, y = x[perm], y[perm]
    for n_train in (5000, 60000):
        x_train, x_test, y_train, y_test = train_test_split(
            x, y, train_size=n_train, test_size=10000, random_state=0)
        scaler = StandardScaler()
        x_train = scaler.fit_transform(x_train)
        x_test = scaler.transform(x_test)
        runs = repeats if n_train == 5000 else max(1, repeats // 2)
        seconds = []
        cpu_seconds = []
        for _ in range(runs):
            clf = LogisticRegression(C=50.0 / n_train, penalty="l1", solver="saga", tol=0.1, random_state=0)
            start = time.perf_counter()
            cpu_start = time.thread_time()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                clf.fit(x_train, y_train)
            cpu_seconds.append(time.thread_time() - cpu_start)
            seconds.append(time.perf_counter() - start)
        seconds.sort()
        cpu_seconds.sort()
        median = seconds[len(seconds) // 2]
        cpu_median = cpu_seconds[len(cpu_seconds) // 2]
        epochs = int(clf.n_iter_[0])
        line = ("sklearn   n_train=%-6d epochs=%d  fit %.3f s (median of %d, min %.3f; CPU %.3f s)  %.1f ms/epoch  "
                "test accuracy %.4f  sparsity %.2f%%") % (
            n_train, epochs, median, runs, seconds[0], cpu_median, 1000 * median / epochs, clf.score(x_test, y_test),
            100 * np.mean(clf.coef_ == 0))
        print(line)
        theirs = os.path.join(out, "coef-%d.txt" % n_train)
        with open(theirs) as f:
            header = f.readline().split()
            coef = np.array([float.fromhex(v) for v in f.read().split()])
        ours_epochs, ours_seconds, ours_cpu = int(header[0]), float(header[1]), float(header[2])
        diff = np.max(np.abs(coef - clf.coef_.ravel())) / np.max(np.abs(clf.coef_))
        print("          same epochs: %s; max |coef difference| / max |coef| = %.1e; sparselr is %.1fx faster "
              "(%.1fx per epoch; %.1fx in CPU time)" % (ours_epochs == epochs, diff, median / ours_seconds,
                                     (median / epochs) / (ours_seconds / ours_epochs), cpu_median / ours_cpu))


if __name__ == "__main__":
    print("scikit-learn %s, numpy %s" % (sklearn.__version__, np.__version__))
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 3)
