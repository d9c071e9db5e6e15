#!/usr/bin/env python3
"""Regenerates the seed part of the fuzz corpora (tests/fuzz/corpus/<harness>/seed-*) from the shipped scenarios and
the reference request examples. Regression inputs (crash-*, regression-*) are kept as they are."""
import glob
import hashlib
import json
import os
import re

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "tests", "fuzz", "corpus")


def write(harness, name, data):
    d = os.path.join(CORPUS, harness)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(d, "seed-" + name), "wb") as f:
        f.write(data)


def scenarios():
    for path in sorted(glob.glob(os.path.join(ROOT, "scenarios", "**", "*.yaml"), recursive=True)):
        yield os.path.relpath(path, ROOT), open(path, "rb").read()


def loader_seeds():
    for rel, text in scenarios():
        write("scenario_loader", rel.replace("/", "_"), text)


def unit_seeds():
    for i, text in enumerate(["250ms", "1.5s", "30m", "12h", "2d", "1h30m", "2m30s", "0.000001s", "365d", "1kb",
                              "10MB", "1.5gb", "1024tb", "512b", "125mb/s", "100kbit/s", "10mbit/s", "1gbit/s",
                              "2000/s", "60/m", "3600/h", "1e3/s", "0s", "1d2h3m4s5ms"]):
        write("units", "%02d" % i, text)


def step_line(step, aliases, leader_domains):
    line = step.get("request")
    if not line:
        return None
    prefix = "@leader " if step.get("on") in leader_domains else ""
    out = prefix + " ".join(line.split(None, 1))
    if "body" in step:
        body = json.dumps(step["body"], separators=(",", ":"))
        for alias in aliases:
            body = body.replace('"%s"' % alias, '"source"')
        out += " " + body
    return out


def rest_seeds():
    for rel, text in scenarios():
        if "/invalid/" in rel:
            continue
        doc = yaml.safe_load(text)
        aliases = [c["alias"] for c in doc.get("connections", []) or []]
        leaders = {c["to"] for c in doc.get("connections", []) or []}
        lines = [l for l in (step_line(s, aliases, leaders) for s in doc.get("steps", []) or []) if l]
        for start in range(0, len(lines), 8):
            write("rest", "%s-%d" % (os.path.basename(rel)[:-5], start // 8), "\n".join(lines[start:start + 8]) + "\n")
    # The reference documents' Dev Tools examples: a METHOD PATH line and the JSON body below it.
    for path in sorted(glob.glob("/work/shared/reference/*.md")):
        text = open(path).read()
        for block in re.findall(r"```[a-z]*\n(.*?)```", text, re.S):
            m = re.match(r"(GET|PUT|POST|DELETE|HEAD) (\S+)\n(.*)", block, re.S)
            if not m:
                continue
            body = m.group(3).strip()
            try:
                body = json.dumps(json.loads(body), separators=(",", ":")) if body.startswith("{") else ""
            except ValueError:
                body = ""
            line = (m.group(1) + " " + m.group(2) + (" " + body if body else "")).replace("connection-alias", "source")
            line = line.replace("leader-01", "logs")
            digest = hashlib.sha1(line.encode()).hexdigest()[:10]
            write("rest", "reference-" + digest, line + "\n")
    for i, line in enumerate(["PUT idx {\"settings\":{\"number_of_shards\":2}}", "PUT idx not json",
                              "PUT idx/_doc/1 {\"a\":[[[[[[1]]]]]]}", "GET _cat/indices?format=json",
                              "POST _plugins/_replication/follower/_stop {\"unknown\":1}",
                              "GET %2e%2e/_search?q=%00", "PUT _cluster/settings {\"persistent\":\"x\"}"]):
        write("rest", "hostile-%d" % i, line + "\n")


def expectation_seeds():
    pairs = [
        ({"status": "SYNCING"}, {"status": "SYNCING", "reason": "User initiated"}),
        ({"hits": {"total": {"value": {"gte": 1}}}}, {"hits": {"total": {"value": 3, "relation": "eq"}}}),
        ({"a": {"matches": "^f.o$"}}, {"a": "foo"}),
        ({"a": {"length": {"gte": 2}}}, {"a": [1, 2, 3]}),
        ({"a": {"same_as": "/b"}}, {"a": 1, "b": 1.0}),
        ([{"x": 1}, {"x": 2}], [{"x": 2}, {"x": 1}]),
        ({"a": {"one_of": [1, "x"]}}, {"a": "x"}),
        ({"a": {"exists": False}}, {}),
        ({"gte": 400}, 404),
        ({"error": {"type": {"contains": "exception"}}}, {"error": {"type": "parse_exception"}, "status": 400}),
    ]
    for i, (expected, actual) in enumerate(pairs):
        write("expectation", "%02d" % i, json.dumps(expected) + "\n" + json.dumps(actual))


if __name__ == "__main__":
    for f in glob.glob(os.path.join(CORPUS, "*", "seed-*")):
        os.remove(f)
    loader_seeds()
    unit_seeds()
    rest_seeds()
    expectation_seeds()
