"""Lays out OpenML dataset 62 ("zoo") as scikit-learn 1.2.1 caches it, and records what fetch_openml makes of it.

The four files are OpenML's own answers for dataset 62 as scikit-learn ships them for its tests
(sklearn/datasets/tests/data/openml/id_62 in the python3-sklearn package, BSD-3-Clause). They are put
where fetch_openml's _get_local_path looks for them (<data_home>/openml/openml.org/<URL path>.gz), and
fetch_openml then reads them from that cache without any network access. Zoo flags 'animal' as
is_ignore and 'type' as is_target: fetch_openml drops 'animal'.

Run with scikit-learn 1.2.1 (Debian's python3-sklearn): /usr/bin/python3 make_fixture.py
It writes openml/ (the cache) and zoo-fetch_openml.json (the reference) beside itself.
"""
import json
import os
import shutil

import sklearn
from sklearn.datasets import fetch_openml

assert sklearn.__version__ == "1.2.1", sklearn.__version__
here = os.path.dirname(os.path.abspath(__file__))
source = os.path.join(os.path.dirname(sklearn.__file__), "datasets", "tests", "data", "openml", "id_62")
cache = os.path.join(here, "openml", "openml.org")
for name, path in [
    ("api-v1-jd-62.json.gz", "api/v1/json/data/62.gz"),
    ("api-v1-jdf-62.json.gz", "api/v1/json/data/features/62.gz"),
    ("api-v1-jdq-62.json.gz", "api/v1/json/data/qualities/62.gz"),
    ("data-v1-dl-52352.arff.gz", "data/v1/download/52352.gz"),
]:
    os.makedirs(os.path.dirname(os.path.join(cache, path)), exist_ok=True)
    shutil.copyfile(os.path.join(source, name), os.path.join(cache, path))

bunch = fetch_openml(data_id=62, data_home=here, as_frame=False, parser="liac-arff")
reference = {
    "feature_names": list(bunch.feature_names),
    "target_names": list(bunch.target_names),
    "shape": list(bunch.data.shape),
    "first_row": [float(v) for v in bunch.data[0]],
    "first_target": str(bunch.target[0]),
}
with open(os.path.join(here, "zoo-fetch_openml.json"), "w") as out:
    json.dump(reference, out, indent=1)
    out.write("\n")
print(reference)
