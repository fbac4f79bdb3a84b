"""Writes the seed inputs of OpenMlJsonFuzzTest (OpenMlJsonFuzzTestInputs/answersOrSaysWhatIsWrong/).

Seeds: real OpenML answers as scikit-learn 1.2.1 ships them for its tests
(sklearn/datasets/tests/data/openml/, python3-sklearn, BSD-3-Clause): a dataset list, descriptions
(one with a row id, one with ignored attributes, a sparse one), feature lists and qualities; and a
few hand-written edge cases. Findings of a real fuzzing run (crash-*) are added to the same folder
by Jazzer and kept. Run: /usr/bin/python3 make_fuzz_seeds.py
"""
import gzip
import os

import sklearn

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "OpenMlJsonFuzzTestInputs", "answersOrSaysWhatIsWrong")
os.makedirs(out, exist_ok=True)
fixtures = os.path.join(os.path.dirname(sklearn.__file__), "datasets", "tests", "data", "openml")
real = {
    "list-anneal": "id_2/api-v1-jdl-dn-anneal-l-2-dv-1.json.gz",
    "description-zoo": "id_62/api-v1-jd-62.json.gz",
    "features-zoo": "id_62/api-v1-jdf-62.json.gz",
    "qualities-zoo": "id_62/api-v1-jdq-62.json.gz",
    "description-miceprotein": "id_40966/api-v1-jd-40966.json.gz",
    "features-miceprotein": "id_40966/api-v1-jdf-40966.json.gz",
    "description-australian-sparse": "id_292/api-v1-jd-292.json.gz",
    "features-emotions-multitarget": "id_40589/api-v1-jdf-40589.json.gz",
}
for name, path in real.items():
    with gzip.open(os.path.join(fixtures, path), "rb") as f:
        data = f.read()
    with open(os.path.join(out, "seed-" + name + ".json"), "wb") as f:
        f.write(data)

edge = {
    "empty-object": b"{}",
    "null": b"null",
    "array": b"[1,2,3]",
    "description-traversing-file-id": b'{"data_set_description":{"id":"7","file_id":"../../api/v1/json/data/42",'
    b'"md5_checksum":"0123456789abcdef0123456789abcdef","format":"ARFF"}}',
    "description-structured-fields": b'{"data_set_description":{"file_id":{"a":1},"md5_checksum":[1],'
    b'"version":"99999999999","name":null}}',
    "features-one-object": b'{"data_features":{"feature":{"index":"0","name":"a","data_type":"nominal",'
    b'"is_target":"true","is_ignore":"false","is_row_identifier":"false"}}}',
    "features-nameless": b'{"data_features":{"feature":[{"index":"x","data_type":"numeric"}]}}',
    "qualities-odd-values": b'{"data_qualities":{"quality":[{"name":"NumberOfInstances","value":"-1e309"}]}}',
    "deep-nesting": b"[" * 5000,
}
for name, data in edge.items():
    with open(os.path.join(out, "seed-" + name + ".json"), "wb") as f:
        f.write(data)
print(len(real) + len(edge), "seeds in", out)
