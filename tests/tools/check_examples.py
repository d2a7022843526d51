#!/usr/bin/env python3
"""Checks the example architectures in resources/examples.

For every example NAME.yaml: NAME.md is its lesson (150-400 words, with the four sections below);
`tributary-cli import --json` reads it with no warning and derives exactly the connections listed in
EXPECTED; `tributary-cli validate --json` finds no error and no finding outside EXPECTED's
allowed ones; `tributary-cli roundtrip` writes it back byte for byte; samtranslator expands it; its
Description starts with a one-line title; its layout places every resource on the 240 x 120 grid;
its scenario (Metadata/Tributary/simulation) has the shared shape, references existing resources
and routes, and its payloads (the entries' and those functions emit) match the example's event
patterns and filter policies (every pattern is matched by a payload; every bus payload matches a
pattern; every filter policy is passed by one payload and refused by another).
cfn-lint runs once over all the examples and must report nothing (no error, no warning).

Exits 0 when all pass, 1 when one fails, 2 when tributary-cli is missing, 77 (skip) when cfn-lint
or samtranslator is missing.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77

# Per example: the connections `import --json` derives (rule id -> count), and the validator's
# non-error findings the example is meant to show (rule id -> why it is expected).
EXPECTED = {
    "order-pipeline": {
        "byRule": {"functionAccessesTable": 1, "functionSendsToQueue": 1, "httpApiToFunction": 1,
                   "queueDeadLetterToQueue": 1, "queueToFunction": 1},
    },
    "order-choreography": {
        "byRule": {"eventBusToEventRule": 1, "eventBusToFunction": 1, "eventRuleToFunction": 1, "eventRuleToQueue": 1,
                   "functionAccessesBucket": 1, "functionAccessesTable": 3, "functionOnFailureToQueue": 2,
                   "functionPutsEventsToEventBus": 1, "httpApiToFunction": 1, "queueDeadLetterToQueue": 1,
                   "queueToFunction": 1},
    },
    "sqs-buffering": {
        "byRule": {"functionAccessesTable": 1, "queueDeadLetterToQueue": 1, "queueToFunction": 1},
    },
    "sns-fanout": {
        "byRule": {"functionAccessesBucket": 1, "functionAccessesTable": 2, "queueDeadLetterToQueue": 3,
                   "queueToFunction": 3, "topicToQueue": 3},
    },
    "dynamodb-cqrs": {
        "byRule": {"functionAccessesTable": 3, "httpApiToFunction": 2, "tableToFunction": 1},
    },
    "kinesis-analytics": {
        "byRule": {"functionAccessesTable": 1, "functionPutsRecordsToStream": 1, "httpApiToFunction": 1,
                   "streamToFunction": 1},
    },
    "s3-saga": {
        "byRule": {"bucketToFunction": 1, "functionAccessesTable": 1, "functionOnFailureToQueue": 1,
                   "functionStartsStateMachine": 1, "stateMachineToFunction": 3, "stateMachineToTable": 1},
    },
    "scheduled-batch": {
        "byRule": {"functionAccessesBucket": 1, "functionAccessesTable": 1, "functionOnFailureToQueue": 1,
                   "functionSendsToQueue": 1, "queueDeadLetterToQueue": 1, "queueToFunction": 1, "reference": 1,
                   "scheduleToFunction": 1},
    },
    "coffee-shop": {
        "byRule": {"eventBusToFunction": 4, "functionAccessesTable": 5, "functionOnFailureToQueue": 4,
                   "functionPublishesToTopic": 1, "functionPutsEventsToEventBus": 3, "httpApiToFunction": 2},
        # The lesson is about it: AcceptOrder reacts to the bus and publishes on it; its pattern is the guard.
        "findings": {"TRIB-W002": "AcceptOrder -> CoffeeBus -> AcceptOrder, guarded by the OrderPlaced pattern"},
    },
}

LESSON_SECTIONS = ("## What it shows", "## Why each hop behaves as it does", "## Try it in the simulator",
                   "## AWS documentation")
LESSON_WORDS = (150, 400)
GRID = (240, 120)
TITLE_LENGTH = 60
RUNTIME = "python3.12"

ENTRY_KINDS = {"httpApi", "restApi", "queue", "topic", "eventBus", "bucket", "stream", "table", "function",
               "stateMachine"}
LOAD_SHAPES = {
    "constant": {"ratePerSecond"},
    "poisson": {"ratePerSecond"},
    "burst": {"count", "atSeconds", "everySeconds?"},
    "ramp": {"fromPerSecond", "toPerSecond", "overSeconds"},
    "dailyCycle": {"meanPerSecond", "peakFactor", "startsAtHour?"},
}
SIMULATION_KEYS = {"durationSeconds", "seed", "entries", "overrides", "failures"}
FAILURE_EFFECTS = {"errorRate", "addedLatencyMs", "outage", "throttle"}
FAILURE_KEYS = {"resource", "fromSeconds", "toSeconds"} | FAILURE_EFFECTS


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="path of tributary-cli")
    parser.add_argument("--examples", required=True, help="the resources/examples folder")
    parser.add_argument("--readme", required=True, help="README.md, which lists the examples")
    return parser.parse_args()


class Problems:
    """Collects the failures of one example."""

    def __init__(self):
        self.items = []

    def check(self, condition, message):
        if not condition:
            self.items.append(message)
        return condition


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def run_cli(cli, *arguments):
    process = subprocess.run([cli, *arguments], capture_output=True, text=True, timeout=120)
    return process.returncode, process.stdout, process.stderr.strip()


def referenced_id(value):
    """The logical id a Ref or Fn::GetAtt names, else None."""
    if isinstance(value, dict) and len(value) == 1:
        key, argument = next(iter(value.items()))
        if key == "Ref" and isinstance(argument, str):
            return argument
        if key == "Fn::GetAtt":
            if isinstance(argument, str):
                return argument.split(".")[0]
            if isinstance(argument, list) and argument:
                return argument[0]
    return None


# ---- event patterns and filter policies -------------------------------------------------------

def matches_value(condition, value):
    """One element of a pattern's list against one event value."""
    if not isinstance(condition, dict):
        return condition == value
    if len(condition) != 1:
        raise ValueError("unsupported pattern element %r" % (condition,))
    operator, argument = next(iter(condition.items()))
    if operator == "prefix":
        return isinstance(value, str) and value.startswith(argument)
    if operator == "suffix":
        return isinstance(value, str) and value.endswith(argument)
    if operator == "equals-ignore-case":
        return isinstance(value, str) and value.lower() == argument.lower()
    if operator == "anything-but":
        excluded = argument if isinstance(argument, list) else [argument]
        return value not in excluded
    if operator == "numeric":
        if not is_number(value):
            return False
        comparisons = {"=": lambda a, b: a == b, "<": lambda a, b: a < b, "<=": lambda a, b: a <= b,
                       ">": lambda a, b: a > b, ">=": lambda a, b: a >= b}
        for i in range(0, len(argument), 2):
            if not comparisons[argument[i]](value, argument[i + 1]):
                return False
        return True
    raise ValueError("unsupported pattern operator %r" % operator)


def matches(pattern, event):
    """EventBridge pattern (or SNS filter policy) semantics, for the operators the examples use."""
    for key, condition in pattern.items():
        present = isinstance(event, dict) and key in event
        value = event.get(key) if present else None
        if isinstance(condition, dict):
            if not present or not matches(condition, value):
                return False
            continue
        if any(isinstance(item, dict) and "exists" in item for item in condition):
            wanted = next(item["exists"] for item in condition if isinstance(item, dict) and "exists" in item)
            if present != wanted:
                return False
            continue
        if not present:
            return False
        values = value if isinstance(value, list) else [value]
        if not any(matches_value(item, one) for item in condition for one in values):
            return False
    return True


def event_patterns(resources):
    """(where, bus id, pattern) of every EventBridge rule, standalone or SAM event."""
    found = []
    for rid, resource in resources.items():
        properties = resource.get("Properties") or {}
        if resource.get("Type") == "AWS::Events::Rule" and "EventPattern" in properties:
            found.append((rid, referenced_id(properties.get("EventBusName")), properties["EventPattern"]))
        for name, event in (properties.get("Events") or {}).items():
            if event.get("Type") in ("EventBridgeRule", "CloudWatchEvent") and "Pattern" in event.get("Properties", {}):
                found.append(("%s/Events/%s" % (rid, name), referenced_id(event["Properties"].get("EventBusName")),
                              event["Properties"]["Pattern"]))
    return found


def filter_policies(resources):
    """(where, topic id, policy, scope) of every SNS subscription; policy None when it takes everything."""
    found = []
    for rid, resource in resources.items():
        properties = resource.get("Properties") or {}
        if resource.get("Type") == "AWS::SNS::Subscription":
            found.append((rid, referenced_id(properties.get("TopicArn")), properties.get("FilterPolicy"),
                          properties.get("FilterPolicyScope", "MessageAttributes")))
        for name, event in (properties.get("Events") or {}).items():
            if event.get("Type") == "SNS":
                inner = event.get("Properties", {})
                found.append(("%s/Events/%s" % (rid, name), referenced_id(inner.get("Topic")), inner.get("FilterPolicy"),
                              inner.get("FilterPolicyScope", "MessageAttributes")))
    return found


def emitted_payloads(overrides):
    """(function, target, payload) of every payload a function's override `emits`."""
    found = []
    for rid, values in (overrides or {}).items():
        emits = values.get("emits") if isinstance(values, dict) else None
        for target, payloads in (emits or {}).items() if isinstance(emits, dict) else []:
            for payload in payloads if isinstance(payloads, list) else [payloads]:
                found.append((rid, target, payload))
    return found


def check_payload_routing(resources, entries, emitted, problems):
    bus_events = [entry["payload"] for entry in entries if isinstance(entry.get("payload"), dict)
                  and "detail-type" in entry["payload"]]
    bus_events += [payload for _, _, payload in emitted if isinstance(payload, dict) and "detail-type" in payload]
    patterns = event_patterns(resources)
    for where, _, pattern in patterns:
        try:
            problems.check(any(matches(pattern, event) for event in bus_events),
                           "no scenario payload matches the event pattern of %s" % where)
        except ValueError as error:
            problems.check(False, "%s: %s" % (where, error))
    if patterns:
        for event in bus_events:
            problems.check(any(matches(pattern, event) for _, _, pattern in patterns),
                           "the payload %s matches no event pattern" % json.dumps(event))

    for where, topic, policy, scope in filter_policies(resources):
        messages = [entry["payload"] for entry in entries if entry.get("resource") == topic]
        messages += [payload for _, target, payload in emitted if target == topic]
        if not problems.check(messages, "no scenario entry publishes to %s, which %s subscribes to" % (topic, where)):
            continue
        if policy is None:
            continue
        key = "body" if scope == "MessageBody" else "attributes"
        passed = [matches(policy, message.get(key, {})) for message in messages]
        problems.check(any(passed), "no scenario payload passes the filter policy of %s" % where)
        problems.check(not all(passed), "every scenario payload passes the filter policy of %s: "
                                        "add one it refuses" % where)


# ---- the scenario's shape ------------------------------------------------------------------------

def api_routes(resources, api):
    """The "METHOD /path" routes SAM events put on the API."""
    routes = set()
    for resource in resources.values():
        for event in ((resource.get("Properties") or {}).get("Events") or {}).values():
            inner = event.get("Properties", {})
            if event.get("Type") in ("HttpApi", "Api") and referenced_id(inner.get("ApiId", inner.get("RestApiId"))) == api:
                routes.add("%s %s" % (str(inner.get("Method", "")).upper(), inner.get("Path")))
    return routes


def route_matches(declared, route):
    """True when a request "METHOD /a/b" fits a declared "METHOD /a/{x}" route ({proxy+} takes the rest)."""
    declared_method, declared_path = declared.split(" ", 1)
    method, path = route.split(" ", 1) if " " in route else ("", route)
    if declared_method not in ("", "ANY") and method and method.upper() != declared_method:
        return False
    wanted = [part for part in declared_path.split("/") if part]
    given = [part for part in path.split("/") if part]
    for i, part in enumerate(wanted):
        if part.startswith("{") and part.endswith("+}"):
            return i == len(wanted) - 1 and len(given) > i
        if i >= len(given) or not (part.startswith("{") or part == given[i]):
            return False
    return len(given) == len(wanted)


def check_load(load, where, problems):
    if not problems.check(isinstance(load, dict), "%s: load must be a map" % where):
        return
    shape = load.get("shape")
    if not problems.check(shape in LOAD_SHAPES, "%s: unknown load shape %r" % (where, shape)):
        return
    required = {key for key in LOAD_SHAPES[shape] if not key.endswith("?")}
    allowed = {key.rstrip("?") for key in LOAD_SHAPES[shape]} | {"shape"}
    problems.check(required <= set(load), "%s: a %s load needs %s" % (where, shape, ", ".join(sorted(required))))
    problems.check(set(load) <= allowed, "%s: unknown load keys %s" % (where, sorted(set(load) - allowed)))
    for key, value in load.items():
        if key != "shape":
            problems.check(is_number(value) and value >= 0, "%s: %s must be a number >= 0" % (where, key))


def check_entry(entry, index, resources, kinds_by_type, problems):
    where = "entries[%d]" % index
    if not problems.check(isinstance(entry, dict), "%s must be a map" % where):
        return
    problems.check(set(entry) <= {"resource", "route", "load", "payload"},
                   "%s: unknown keys %s" % (where, sorted(set(entry) - {"resource", "route", "load", "payload"})))
    rid = entry.get("resource")
    if not problems.check(rid in resources, "%s: no resource %r" % (where, rid)):
        return
    kind = kinds_by_type.get(resources[rid]["Type"])
    problems.check(kind in ENTRY_KINDS, "%s: %s (%s) cannot take external load" % (where, rid, kind))
    if "route" in entry:
        problems.check(kind in ("httpApi", "restApi"), "%s: a route is only for APIs" % where)
        problems.check(any(route_matches(declared, entry["route"]) for declared in api_routes(resources, rid)),
                       "%s: %s has no route %r" % (where, rid, entry.get("route")))
    check_load(entry.get("load"), where, problems)
    payload = entry.get("payload")
    if not problems.check(isinstance(payload, dict) and payload, "%s: needs a payload map" % where):
        return
    if kind == "eventBus" or "detail-type" in payload or "source" in payload:
        problems.check({"source", "detail-type", "detail"} <= set(payload),
                       "%s: an EventBridge payload needs source, detail-type and detail" % where)
    if kind == "topic":
        problems.check(set(payload) <= {"attributes", "body"}, "%s: an SNS payload has attributes and body" % where)
    if kind == "stream":
        problems.check("partitionKey" in payload or "partitionKeys" in payload,
                       "%s: a stream payload needs partitionKey or partitionKeys" % where)
    if "partitionKeys" in payload:
        problems.check(isinstance(payload["partitionKeys"], int) and payload["partitionKeys"] > 0,
                       "%s: partitionKeys must be a positive count" % where)


def check_scenario(simulation, resources, kinds_by_type, simulation_keys, problems):
    if not problems.check(isinstance(simulation, dict), "Metadata/Tributary/simulation is missing"):
        return
    problems.check(set(simulation) <= SIMULATION_KEYS, "simulation: unknown keys %s" % sorted(set(simulation) - SIMULATION_KEYS))
    duration = simulation.get("durationSeconds")
    problems.check(isinstance(duration, int) and duration > 0, "simulation: durationSeconds must be a positive integer")
    problems.check(isinstance(simulation.get("seed"), int), "simulation: seed must be an integer")
    entries = simulation.get("entries")
    if problems.check(isinstance(entries, list) and entries, "simulation: entries must be a non-empty list"):
        for index, entry in enumerate(entries):
            check_entry(entry, index, resources, kinds_by_type, problems)
        emitted = emitted_payloads(simulation.get("overrides"))
        check_payload_routing(resources, [e for e in entries if isinstance(e, dict)], emitted, problems)
        for rid, target, payload in emitted:
            problems.check(kinds_by_type.get(resources.get(rid, {}).get("Type")) == "function" and target in resources,
                           "overrides/%s/emits: %s is not a function, or %s is no resource" % (rid, rid, target))
            problems.check(isinstance(payload, dict) and payload, "overrides/%s/emits/%s: needs payload maps" % (rid, target))
    for rid, values in (simulation.get("overrides") or {}).items():
        if not problems.check(rid in resources and isinstance(values, dict), "overrides: no resource %r" % rid):
            continue
        kind = kinds_by_type.get(resources[rid]["Type"])
        known = simulation_keys.get(kind, set()) | ({"emits"} if kind == "function" else set())
        problems.check(set(values) <= known, "overrides/%s: %s are not keys of its kind's simulation map"
                       % (rid, sorted(set(values) - known)))
    for index, failure in enumerate(simulation.get("failures") or []):
        where = "failures[%d]" % index
        if not problems.check(isinstance(failure, dict) and failure.get("resource") in resources,
                              "%s: no resource %r" % (where, failure.get("resource") if isinstance(failure, dict) else None)):
            continue
        problems.check(set(failure) <= FAILURE_KEYS, "%s: unknown keys %s" % (where, sorted(set(failure) - FAILURE_KEYS)))
        problems.check(set(failure) & FAILURE_EFFECTS, "%s: injects nothing" % where)
        start, end = failure.get("fromSeconds", 0), failure.get("toSeconds", duration)
        problems.check(is_number(start) and is_number(end) and 0 <= start < end <= (duration or 0),
                       "%s: the window must lie within the run" % where)
        if "errorRate" in failure:
            problems.check(is_number(failure["errorRate"]) and 0 <= failure["errorRate"] <= 1,
                           "%s: errorRate is a probability" % where)


# ---- one example -------------------------------------------------------------------------------

def check_lesson(path, problems):
    if not problems.check(os.path.isfile(path), "%s is missing" % os.path.basename(path)):
        return
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    problems.check(text.startswith("# "), "the lesson starts with a '# ' title")
    words = len(re.findall(r"[A-Za-z0-9][\w'%.-]*", text))
    problems.check(LESSON_WORDS[0] <= words <= LESSON_WORDS[1],
                   "the lesson has %d words, not %d-%d" % (words, LESSON_WORDS[0], LESSON_WORDS[1]))
    for section in LESSON_SECTIONS:
        problems.check(("\n" + section + "\n") in text, "the lesson has no section %r" % section)


def check_template(template, problems):
    description = template.get("Description")
    if problems.check(isinstance(description, str), "the template has no Description"):
        title = description.split("\n")[0]
        problems.check(title and len(title) <= TITLE_LENGTH and not title.endswith("."),
                       "the Description's first line %r is no menu title (at most %d characters, no full stop)"
                       % (title, TITLE_LENGTH))
        problems.check(len(description.strip().split("\n")) > 1, "the Description has no explanation after its title")
    problems.check(template.get("Transform") == "AWS::Serverless-2016-10-31", "the template is not a SAM template")
    tributary = (template.get("Metadata") or {}).get("Tributary") or {}
    layout = tributary.get("layout") or {}
    resources = template.get("Resources") or {}
    problems.check(set(layout) == set(resources), "the layout places %s and misses %s"
                   % (sorted(set(layout) - set(resources)), sorted(set(resources) - set(layout))))
    cells = set()
    for rid, position in layout.items():
        problems.check(isinstance(position, list) and len(position) == 2 and position[0] % GRID[0] == 0
                       and position[1] % GRID[1] == 0, "%s is off the %d x %d grid" % (rid, GRID[0], GRID[1]))
        problems.check(tuple(position) not in cells, "%s shares its place with another resource" % rid)
        cells.add(tuple(position))
    return tributary.get("simulation")


def check_functions(resources, problems):
    """Inline Python 3.12 code that compiles and reads exactly the environment variables it is given."""
    for rid, resource in resources.items():
        if resource.get("Type") != "AWS::Serverless::Function":
            continue
        properties = resource.get("Properties") or {}
        problems.check(properties.get("Runtime") == RUNTIME, "%s does not run on %s" % (rid, RUNTIME))
        code = properties.get("InlineCode")
        if not problems.check(isinstance(code, str), "%s has no inline code" % rid):
            continue
        try:
            compile(code, "%s/InlineCode" % rid, "exec")
        except SyntaxError as error:
            problems.check(False, "%s: its code does not compile: %s" % (rid, error))
        read = set(re.findall(r"os\.environ\[\"(\w+)\"\]", code))
        given = set(((properties.get("Environment") or {}).get("Variables") or {}))
        problems.check(read == given, "%s reads the environment variables %s but is given %s"
                       % (rid, sorted(read), sorted(given)))


def sam_expands(template):
    from samtranslator.translator.transform import transform

    class NoManagedPolicies:
        def load(self):
            return {}

    try:
        transform(template, {}, NoManagedPolicies())
        return None
    except Exception as error:  # samtranslator reports invalid templates as exceptions
        return str(error)


def check_example(name, folder, cli, catalogue, problems):
    from samtranslator.yaml_helper import yaml_parse

    path = os.path.join(folder, name + ".yaml")
    check_lesson(os.path.join(folder, name + ".md"), problems)
    expected = EXPECTED.get(name)
    if not problems.check(expected is not None, "the example is not in EXPECTED"):
        expected = {"byRule": {}}

    code, out, err = run_cli(cli, "import", "--json", path)
    if problems.check(code == 0, "import exited with %d: %s" % (code, err)):
        report = json.loads(out)
        problems.check(not report["warnings"], "import warns: %s" % report["warnings"])
        problems.check(report["byRule"] == expected["byRule"],
                       "import derives %s, expected %s" % (report["byRule"], expected["byRule"]))

    code, out, err = run_cli(cli, "validate", "--json", path)
    if problems.check(code in (0, 1) and out, "validate exited with %d: %s" % (code, err)):
        findings = json.loads(out)["problems"]
        for finding in findings:
            problems.check(finding["severity"] != "error", "validate: %s %s" % (finding["rule"], finding["message"]))
        allowed = set(expected.get("findings", {}))
        found = {finding["rule"] for finding in findings}
        problems.check(found == allowed, "validate finds %s, expected %s" % (sorted(found), sorted(allowed)))

    with tempfile.TemporaryDirectory(prefix="tributary-example-") as scratch:
        written = os.path.join(scratch, name + ".yaml")
        code, _, err = run_cli(cli, "roundtrip", path, "-o", written)
        if problems.check(code == 0, "roundtrip exited with %d: %s" % (code, err)):
            with open(path, "rb") as original, open(written, "rb") as copy:
                problems.check(original.read() == copy.read(), "roundtrip does not give the file back byte for byte")

    with open(path, encoding="utf-8") as handle:
        template = yaml_parse(handle.read())
    simulation = check_template(template, problems)
    kinds_by_type = {cfn_type: kind["id"] for kind in catalogue["kinds"] for cfn_type in kind["cfnTypes"]}
    simulation_keys = {kind["id"]: set(kind["simulation"]) for kind in catalogue["kinds"]}
    check_scenario(simulation, template.get("Resources") or {}, kinds_by_type, simulation_keys, problems)
    check_functions(template.get("Resources") or {}, problems)
    failure = sam_expands(template)
    problems.check(failure is None, "samtranslator refuses it: %s" % failure)


def cfn_lint(paths):
    """Every cfn-lint finding over the examples, from one cfn-lint process: [(file, rule, level, message)]."""
    executable = shutil.which("cfn-lint")
    command = [executable] if executable else [sys.executable, "-c", "import sys, cfnlint.runner; sys.exit(cfnlint.runner.main())"]
    process = subprocess.run(command + ["--format", "json", "--", *paths], capture_output=True, text=True, timeout=600)
    if process.returncode != 0 and not process.stdout.strip().startswith("["):
        raise RuntimeError("cfn-lint exited with %d: %s" % (process.returncode, process.stderr.strip()))
    return [(os.path.basename(item["Filename"]), item["Rule"]["Id"], item["Level"], item["Message"])
            for item in json.loads(process.stdout or "[]")]


def main():
    arguments = parse_arguments()
    os.environ["AWS_DEFAULT_REGION"] = "us-east-1"
    try:
        import cfnlint  # noqa: F401
        import samtranslator  # noqa: F401
    except ImportError as error:
        print("%s: skipped" % error)
        return SKIP
    if not os.path.isfile(arguments.cli):
        print("missing: %s" % arguments.cli)
        return 2

    code, out, err = run_cli(arguments.cli, "kinds", "--json")
    if code != 0:
        print("kinds --json exited with %d: %s" % (code, err))
        return 1
    catalogue = json.loads(out)
    names = sorted(name[:-5] for name in os.listdir(arguments.examples) if name.endswith(".yaml"))
    with open(arguments.readme, encoding="utf-8") as handle:
        readme = handle.read()

    failed = 0
    missing = sorted(set(EXPECTED) - set(names))
    if missing:
        print("FAIL: EXPECTED lists examples that do not exist: %s" % ", ".join(missing))
        failed += 1
    for name in names:
        problems = Problems()
        check_example(name, arguments.examples, arguments.cli, catalogue, problems)
        problems.check("`%s`" % name in readme, "README.md does not list it")
        print("%s %s" % ("ok  " if not problems.items else "FAIL", name))
        for item in problems.items:
            print("       %s" % item)
        failed += bool(problems.items)

    findings = cfn_lint([os.path.join(arguments.examples, name + ".yaml") for name in names])
    for filename, rule, level, message in findings:
        print("FAIL cfn-lint %s: %s %s %s" % (filename, level, rule, message))
    print("%d of %d examples pass; cfn-lint reports %d findings over all of them"
          % (len(names) - failed, len(names), len(findings)))
    return 1 if failed or findings or len(names) < 8 else 0


if __name__ == "__main__":
    sys.exit(main())
