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


def step_on(step):
    """A step's `on:` domain. PyYAML reads YAML 1.1, where a bare `on` key is the boolean true."""
    return step.get("on", step.get(True))


def step_line(step, aliases, leader_domains):
    line = step.get("request")
    if not line:
        return None
    prefix = "@leader " if step_on(step) in leader_domains else ""
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


HARNESS_DOMAINS = ["leader-domain", "follower-domain", "domain-2", "domain-3", "domain-4"]


def aws_line(step, names):
    """One `aws:` step as the AWS harness's `@N OPERATION ARGS` line, domain names mapped to the harness's."""
    on = names.index(step_on(step)) if step_on(step) in names else 1
    args = json.dumps(step.get("args") or {}, separators=(",", ":"))
    for i, name in enumerate(names):
        args = args.replace('"%s"' % name, '"%s"' % HARNESS_DOMAINS[i])
    return "@%d %s %s" % (on, step["aws"], args)


def aws_seeds():
    for rel, text in scenarios():
        if "/invalid/" in rel:
            continue
        doc = yaml.safe_load(text)
        names = list((doc.get("domains") or {}).keys())[:len(HARNESS_DOMAINS)]
        lines = []
        for step in doc.get("steps", []) or []:
            if "aws" in step and step_on(step) in names:
                lines += [aws_line(step, names), "wait 300"]
        if lines:
            write("aws_control_plane", os.path.basename(rel)[:-5], "\n".join(lines[:16]) + "\n")
    # Hand-written: the lifecycle end to end, the version and FGAC prerequisites, the alias and limit rules.
    create = '@1 create-outbound-connection {"remote_domain":"%s","connection_alias":"%s"}'
    sequences = [
        [create % ("leader-domain", "a"), "wait 600", '@0 accept-inbound-connection {"connection_alias":"a"}',
         "wait 600", "@1 describe-outbound-connections", '@1 delete-outbound-connection {"connection_alias":"a"}',
         "wait 600", "@0 describe-inbound-connections"],
        [create % ("domain-3", "old"), create % ("domain-4", "nofgac"), "wait 600", "@1 describe-outbound-connections"],
        [create % ("leader-domain", "a"), create % ("domain-2", "a"), create % ("follower-domain", "self"),
         "wait 600", '@0 reject-inbound-connection {"connection_alias":"a"}', "wait 600",
         '@1 describe-outbound-connections {"filters":[{"name":"connection-id","values":["cc-x"]}],"max_results":1}'],
        ['@1 create-outbound-connection {"remote_domain":1}', "@1 no-such-operation {}", "@1 describe-inbound-connections []",
         '@1 create-outbound-connection {"remote_domain":"leader-domain","connection_alias":"a","search_only":true}'],
    ]
    for i, lines in enumerate(sequences):
        write("aws_control_plane", "handwritten-%d" % i, "\n".join(lines) + "\n")


if __name__ == "__main__":
    for f in glob.glob(os.path.join(CORPUS, "*", "seed-*")):
        os.remove(f)
    loader_seeds()
    unit_seeds()
    rest_seeds()
    expectation_seeds()
    aws_seeds()
