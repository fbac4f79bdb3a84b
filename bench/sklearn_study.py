#!/usr/bin/python3
"""The scikit-learn side of scripts/bench-study.sh: the whole MNIST study as the seed's script ran it.

    /usr/bin/python3 sklearn_study.py MNIST_FOLDER OUT_PNG

scikit-learn's example "MNIST classification using multinomial logistic regression + L1"
(examples/linear_model/plot_sparse_logistic_regression_mnist.py, scikit-learn 1.2.1), reading the four
IDX files of scripts/get-mnist.sh's folder instead of fetch_openml: the same permutation
(check_random_state(0).permutation), train_test_split(train_size=5000, test_size=10000), StandardScaler,
LogisticRegression(C=50/5000, penalty="l1", solver="saga", tol=0.1), score, and the 2x5 figure of the
class coefficients, saved as PNG instead of shown. train_test_split and LogisticRegression get
random_state=0, as the workflow MNIST_Sparse_L1_SAGA sets them, so that both print the same two numbers.
"""
import os
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.utils import check_random_state

t0 = time.time()
train_samples = 5000


def read_idx(path):
    with open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


folder, out_png = sys.argv[1], sys.argv[2]
# fetch_openml("mnist_784") holds the 60000 training digits, then the 10000 test digits, as float64
# pixels and string labels
X = np.concatenate([read_idx(os.path.join(folder, f)).reshape(-1, 784)
                    for f in ("train-images-idx3-ubyte", "t10k-images-idx3-ubyte")]).astype(np.float64)
y = np.concatenate([read_idx(os.path.join(folder, f))
                    for f in ("train-labels-idx1-ubyte", "t10k-labels-idx1-ubyte")]).astype(str).astype(object)

random_state = check_random_state(0)
permutation = random_state.permutation(X.shape[0])
X = X[permutation]
y = y[permutation]
X = X.reshape((X.shape[0], -1))

X_train, X_test, y_train, y_test = train_test_split(
    X, y, train_size=train_samples, test_size=10000, random_state=0)

scaler = StandardScaler()
X_train = scaler.fit_transform(X_train)
X_test = scaler.transform(X_test)

# Turn up tolerance for faster convergence
clf = LogisticRegression(C=50.0 / train_samples, penalty="l1", solver="saga", tol=0.1, random_state=0)
clf.fit(X_train, y_train)
sparsity = np.mean(clf.coef_ == 0) * 100
score = clf.score(X_test, y_test)
print("Sparsity with L1 penalty: %.2f%%" % sparsity)
print("Test score with L1 penalty: %.4f" % score)

coef = clf.coef_.copy()
plt.figure(figsize=(10, 5))
scale = np.abs(coef).max()
for i in range(10):
    l1_plot = plt.subplot(2, 5, i + 1)
    l1_plot.imshow(coef[i].reshape(28, 28), interpolation="nearest", cmap=plt.cm.RdBu, vmin=-scale, vmax=scale)
    l1_plot.set_xticks(())
    l1_plot.set_yticks(())
    l1_plot.set_xlabel("Class %i" % i)
plt.suptitle("Classification vector for...")

run_time = time.time() - t0
print("Example run in %.3f s" % run_time)
plt.savefig(out_png)
