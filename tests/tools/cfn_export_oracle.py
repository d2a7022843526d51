#!/usr/bin/env python3
"""Checks `tributary-cli export --to cfn-yaml|cfn-json` (SAM expanded) against three oracles.

Inputs: every resources/examples/*.yaml and every serverless-patterns corpus template that uses SAM.
Each is read with samtranslator's YAML loader and written as JSON with local CodeUri, ContentUri and
DefinitionUri values rewritten to s3://bucket/key (so that both expansions have deployable code).

(a) cfn-lint (its Python API, loaded once per worker) on every export: an export passes when it has
    no error rule (E*) that the original does not have (the corpus baseline
    serverless-patterns.cfn-lint.json for corpus templates, cfn-lint on the original otherwise).
(b) samtranslator's own expansion of the same input: the export passes when it has the same set of
    resource types among the catalogue's types (`tributary-cli kinds --json`) and the types that
    realise connections (mappings, subscriptions, permissions, stages …); the full type sets are
    compared and reported too.
(c) moto_server on 127.0.0.1 (a free port): the export of every example is created as a stack with
    boto3; it must reach CREATE_COMPLETE, and its queues, topics, functions, tables, rules, buckets,
    state machines and streams must exist when asked through the services' own APIs.

Prints the counts and the failures; exits 1 when an example fails any oracle or a corpus rate is
below its minimum, 77 (skip) when cfn-lint, samtranslator, boto3 or moto cannot be imported.
"""

import argparse
import concurrent.futures
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lint_roundtrip  # noqa: E402  (shares the template listing and the cfn-lint helper)

SKIP = 77
SAM_TRANSFORM = "AWS::Serverless-2016-10-31"
# Resource types that realise connections; compared in (b) beside the catalogue's types.
CONNECTION_TYPES = {
    "AWS::Lambda::EventSourceMapping", "AWS::SNS::Subscription", "AWS::Lambda::Permission",
    "AWS::Lambda::EventInvokeConfig", "AWS::ApiGatewayV2::Stage", "AWS::ApiGateway::Stage",
    "AWS::ApiGateway::Deployment", "AWS::Lambda::Alias", "AWS::Lambda::Version", "AWS::Lambda::LayerVersion",
    "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy", "AWS::IAM::Role", "AWS::IAM::ManagedPolicy",
}


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="path of tributary-cli")
    parser.add_argument("--examples", required=True, help="folder of the example architectures (resources/examples)")
    parser.add_argument("--corpus", required=True, help="folder of the serverless-patterns templates")
    parser.add_argument("--baseline", required=True, help="serverless-patterns.cfn-lint.json")
    parser.add_argument("--minimum-lint-rate", type=float, default=90.0, help="corpus cfn-lint pass rate, percent")
    parser.add_argument("--minimum-type-rate", type=float, default=80.0, help="corpus samtranslator match rate, percent")
    parser.add_argument("--jobs", type=int, default=2, help="exports and cfn-lint workers run at once")
    parser.add_argument("--no-moto", action="store_true", help="leave out (c)")
    return parser.parse_args()


def uses_sam(template):
    transform = template.get("Transform")
    transforms = transform if isinstance(transform, list) else [transform]
    if SAM_TRANSFORM in transforms:
        return True
    resources = template.get("Resources")
    return isinstance(resources, dict) and any(
        isinstance(entry, dict) and str(entry.get("Type", "")).startswith("AWS::Serverless::")
        for entry in resources.values())


LOCAL_URIS = {
    "AWS::Serverless::Function": "CodeUri", "AWS::Serverless::LayerVersion": "ContentUri",
    "AWS::Serverless::StateMachine": "DefinitionUri", "AWS::Serverless::Api": "DefinitionUri",
    "AWS::Serverless::HttpApi": "DefinitionUri",
}
GLOBAL_SECTIONS = {"Function": "CodeUri", "Api": "DefinitionUri", "HttpApi": "DefinitionUri",
                   "StateMachine": "DefinitionUri", "LayerVersion": "ContentUri"}


def s3_uri(value):
    return "s3://bucket/" + value.strip("./").replace("\\", "/") + "-key" if isinstance(value, str) else value


def prepared(template):
    """The template with local code and definition paths as S3 locations, as `sam package` would leave it."""
    for section, key in GLOBAL_SECTIONS.items():
        entry = (template.get("Globals") or {}).get(section)
        if isinstance(entry, dict) and isinstance(entry.get(key), str) and not entry[key].startswith("s3://"):
            entry[key] = s3_uri(entry[key])
    for entry in (template.get("Resources") or {}).values():
        if not isinstance(entry, dict) or not isinstance(entry.get("Properties"), dict):
            continue
        key = LOCAL_URIS.get(entry.get("Type"))
        properties = entry["Properties"]
        if key and isinstance(properties.get(key), str) and not properties[key].startswith("s3://"):
            properties[key] = s3_uri(properties[key])
        if (entry.get("Type") == "AWS::Serverless::Function" and key not in properties
                and "InlineCode" not in properties and "ImageUri" not in properties
                and "CodeUri" not in ((template.get("Globals") or {}).get("Function") or {})):
            properties["CodeUri"] = "s3://bucket/code-key"
    return template


def load(path):
    """The template as samtranslator reads it (short forms in long form), or None when it is not valid YAML."""
    from samtranslator.yaml_helper import yaml_parse

    try:
        with open(path, encoding="utf-8") as handle:
            template = yaml_parse(handle.read())
    except Exception:
        return None
    return template if isinstance(template, dict) else None


def export(cli, source, output, fmt):
    process = subprocess.run([cli, "export", source, "--to", fmt, "-o", output], capture_output=True, text=True,
                             timeout=120)
    return process.returncode, process.stderr.strip()


def sam_types(template):
    """The resource types samtranslator's expansion has, or None when it refuses the template."""
    from samtranslator.translator.transform import transform

    class EmptyPolicies:
        def load(self):
            return {}

    try:
        expanded = transform(json.loads(json.dumps(template, default=str)), {}, EmptyPolicies())
    except Exception:
        return None
    return {entry.get("Type") for entry in expanded.get("Resources", {}).values() if isinstance(entry, dict)}


def resource_types(path):
    from samtranslator.yaml_helper import yaml_parse

    with open(path, encoding="utf-8") as handle:
        template = yaml_parse(handle.read())
    return {entry.get("Type") for entry in template.get("Resources", {}).values() if isinstance(entry, dict)}


def catalogue_types(cli):
    process = subprocess.run([cli, "kinds", "--json"], capture_output=True, text=True, timeout=60, check=True)
    return {t for kind in json.loads(process.stdout)["kinds"] for t in kind["cfnTypes"]}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_moto():
    port = free_port()
    command = [shutil.which("moto_server")] if shutil.which("moto_server") else [sys.executable, "-m", "moto.server"]
    server = subprocess.Popen(command + ["-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server, "http://127.0.0.1:%d" % port
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("moto_server did not start within 30 s")


def last_part(name):
    """The name in a queue URL or an ARN: what follows the last '/' or ':'."""
    return re.split("[/:]", name)[-1]


def deployed_problems(session, endpoint, name, template_body):
    """Creates the stack; returns what is wrong (empty when it deployed and every resource exists)."""
    client = lambda service: session.client(service, endpoint_url=endpoint)  # noqa: E731
    cloudformation = client("cloudformation")
    cloudformation.create_stack(StackName=name, TemplateBody=template_body,
                                Capabilities=["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"])
    deadline = time.monotonic() + 120
    status = ""
    while time.monotonic() < deadline:
        status = cloudformation.describe_stacks(StackName=name)["Stacks"][0]["StackStatus"]
        if not status.endswith("IN_PROGRESS"):
            break
        time.sleep(0.5)
    if status != "CREATE_COMPLETE":
        return ["stack %s ended in %s" % (name, status)]
    # moto lists the types it does not implement (ApiGatewayV2, Scheduler …) without type or id; cfn-lint covers those.
    resources = [r for r in cloudformation.describe_stack_resources(StackName=name)["StackResources"]
                 if "ResourceType" in r]
    problems = ["%s (%s) is %s" % (r["LogicalResourceId"], r["ResourceType"], r["ResourceStatus"])
                for r in resources if r["ResourceStatus"] != "CREATE_COMPLETE"]
    existing = {
        "AWS::SQS::Queue": lambda: client("sqs").list_queues().get("QueueUrls", []),
        "AWS::SNS::Topic": lambda: [t["TopicArn"] for t in client("sns").list_topics()["Topics"]],
        "AWS::Lambda::Function": lambda: [f["FunctionName"] for f in client("lambda").list_functions()["Functions"]],
        "AWS::DynamoDB::Table": lambda: client("dynamodb").list_tables()["TableNames"],
        "AWS::Events::Rule": lambda: [r["Name"] for bus in client("events").list_event_buses()["EventBuses"]
                                      for r in client("events").list_rules(EventBusName=bus["Name"])["Rules"]],
        "AWS::S3::Bucket": lambda: [b["Name"] for b in client("s3").list_buckets()["Buckets"]],
        "AWS::StepFunctions::StateMachine":
            lambda: [m["stateMachineArn"] for m in client("stepfunctions").list_state_machines()["stateMachines"]],
        "AWS::Kinesis::Stream": lambda: client("kinesis").list_streams()["StreamNames"],
    }
    physical_ids = {r["LogicalResourceId"]: r.get("PhysicalResourceId", "") for r in resources}
    template = json.loads(template_body)["Resources"]
    checked = 0
    for logical, entry in template.items():
        lister = existing.get(entry.get("Type"))
        if not lister:
            continue
        checked += 1
        if logical not in physical_ids:
            problems.append("%s (%s) is not in the stack" % (logical, entry["Type"]))
        elif not any(last_part(physical_ids[logical]) == last_part(listed) for listed in lister()):
            problems.append("%s (%s) %r is not listed by its service" % (logical, entry["Type"], physical_ids[logical]))
    expected = len(template)
    print("  moto %s: CREATE_COMPLETE, %d of %d resources created by moto, %d checked through service APIs"
          % (name, len(resources), expected, checked))
    return problems


# What moto 5 cannot create although CloudFormation does; an example with one is reported, not deployed.
MOTO_CANNOT = {
    "AWS::ApiGateway::Deployment": "moto does not import a RestApi Body, so its Deployment fails (no methods)",
    "AWS::Lambda::Alias": "moto has no AWS::Lambda::Alias, so Refs to it resolve to nothing",
}


def moto_compatible(template):
    """The template with `Ref` of an event bus written `Fn::GetAtt [Bus, Name]`: the same value in
    CloudFormation, but moto 5 resolves that Ref to its own object instead of the name."""
    buses = {logical for logical, entry in template["Resources"].items() if entry.get("Type") == "AWS::Events::EventBus"}

    def rewrite(value):
        if isinstance(value, dict):
            if len(value) == 1 and value.get("Ref") in buses:
                return {"Fn::GetAtt": [value["Ref"], "Name"]}
            return {key: rewrite(item) for key, item in value.items()}
        if isinstance(value, list):
            return [rewrite(item) for item in value]
        return value

    return rewrite(template) if buses else template


def check_moto(exports):
    import boto3

    server, endpoint = start_moto()
    failures = []
    try:
        session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing",
                                        region_name="us-east-1")
        for name, path in exports:
            with open(path, encoding="utf-8") as handle:
                body = handle.read()
            types = {entry.get("Type") for entry in json.loads(body)["Resources"].values()}
            blockers = sorted(MOTO_CANNOT[t] for t in types if t in MOTO_CANNOT)
            if blockers:
                print("  moto %s: not deployed: %s" % (name, "; ".join(blockers)))
                continue
            try:
                problems = deployed_problems(session, endpoint, "tributary-" + name.split(".")[0],
                                             json.dumps(moto_compatible(json.loads(body))))
            except Exception as error:  # a boto3 error is a failure of this example, not of the run
                problems = ["%s: %s" % (type(error).__name__, error)]
            failures.extend((name, problem) for problem in problems)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    return failures


def main():
    arguments = parse_arguments()
    try:
        import boto3  # noqa: F401
        import cfnlint  # noqa: F401
        import moto  # noqa: F401
        import samtranslator  # noqa: F401
    except ImportError as error:
        print("%s: skipped" % error)
        return SKIP
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    if not os.path.isfile(arguments.cli):
        print("missing: %s" % arguments.cli)
        return 2
    baseline = {}
    if os.path.exists(arguments.baseline):
        with open(arguments.baseline, encoding="utf-8") as handle:
            baseline = json.load(handle)
    compared_types = catalogue_types(arguments.cli) | CONNECTION_TYPES

    sources = [("example", name, os.path.join(arguments.examples, name))
               for name in lint_roundtrip.templates(arguments.examples)]
    if os.path.isdir(arguments.corpus):
        sources += [("corpus", name, os.path.join(arguments.corpus, name))
                    for name in lint_roundtrip.templates(arguments.corpus)]
    failures = []
    counts = {"example": [0, 0, 0, 0, 0], "corpus": [0, 0, 0, 0, 0]}  # SAM inputs, exported, lint ok, typed, types ok
    with tempfile.TemporaryDirectory(prefix="tributary-cfn-") as folder:
        inputs = {}
        for group, name, path in sources:
            template = load(path)
            if template is None or not uses_sam(template):
                if group == "example":
                    failures.append((name, "not a SAM template that samtranslator's loader reads"))
                continue
            counts[group][0] += 1
            prepared_path = os.path.join(folder, group + "-" + name + ".json")
            with open(prepared_path, "w", encoding="utf-8") as handle:
                json.dump(prepared(template), handle, indent=1, default=str)
            inputs[(group, name)] = (path, prepared_path)

        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, arguments.jobs)) as pool:
            jobs = {key: pool.submit(export, arguments.cli, prepared_path, prepared_path[:-5] + ".cfn.yaml", "cfn-yaml")
                    for key, (_, prepared_path) in inputs.items()}
        exported = {}
        for key, job in jobs.items():
            code, message = job.result()
            if code == 0:
                exported[key] = inputs[key][1][:-5] + ".cfn.yaml"
                counts[key[0]][1] += 1
            else:
                failures.append((key[1], "export exited with %d: %s" % (code, message.splitlines()[-1:])))

        keys = list(exported)
        originals = [inputs[key][0] if key[1] not in baseline or key[0] == "example" else None for key in keys]
        with concurrent.futures.ProcessPoolExecutor(max_workers=max(1, arguments.jobs)) as pool:
            linted = list(pool.map(lint_roundtrip.error_rules, [exported[key] for key in keys]))
            original_errors = list(pool.map(lint_roundtrip.error_rules, [o for o in originals if o]))
        original_iterator = iter(original_errors)
        for key, errors, original in zip(keys, linted, originals):
            group, name = key
            allowed = set(next(original_iterator) or ()) if original else set(baseline[name].get("errors", []))
            if errors is None:
                failures.append((name, "cfn-lint fails on the export"))
            elif errors - allowed:
                failures.append((name, "cfn-lint: the export adds %s (the original has %s)"
                                 % (", ".join(sorted(errors - allowed)), ", ".join(sorted(allowed)) or "none")))
            else:
                counts[group][2] += 1

        for key in keys:
            group, name = key
            with open(inputs[key][1], encoding="utf-8") as handle:
                expected = sam_types(json.load(handle))
            if expected is None:
                print("  note %s: samtranslator refuses it; types not compared" % name)
                continue
            counts[group][3] += 1
            actual = resource_types(exported[key])
            if (expected & compared_types) == (actual & compared_types):
                counts[group][4] += 1
                if expected != actual:
                    print("  note %s: other types differ: samtranslator %s, Tributary %s" % (
                        name, sorted(expected - actual), sorted(actual - expected)))
            else:
                failures.append((name, "types differ from samtranslator's: missing %s, extra %s" % (
                    sorted((expected - actual) & compared_types), sorted((actual - expected) & compared_types))))

        moto_failures = []
        if not arguments.no_moto:
            examples = []
            for (group, name), path in exported.items():
                if group != "example":
                    continue
                json_path = path[:-9] + ".cfn.json"
                code, message = export(arguments.cli, inputs[(group, name)][1], json_path, "cfn-json")
                if code == 0:
                    examples.append((name, json_path))
                else:
                    moto_failures.append((name, "cfn-json export exited with %d: %s" % (code, message)))
            moto_failures += check_moto(examples)
            print("moto: %d examples exported, %d problems" % (len(examples), len(moto_failures)))
        failures += moto_failures

    for group in ("example", "corpus"):
        total, done, lint_ok, typed, types_ok = counts[group]
        print("%s: %d SAM templates, %d exported, %d pass cfn-lint (%.1f %%), %d of %d samtranslator expansions "
              "have the same types (%.1f %%)" % (group, total, done, lint_ok, 100.0 * lint_ok / max(1, done),
                                                 types_ok, typed, 100.0 * types_ok / max(1, typed)))
    example_names = {name for group, name, _ in sources if group == "example"}
    for name, why in failures:
        print("  %s %s: %s" % ("FAIL" if name in example_names else "miss", name, why))
    total, done, lint_ok, typed, types_ok = counts["corpus"]
    result = 0
    if any(name in example_names for name, _ in failures):
        print("an example fails")
        result = 1
    if done and 100.0 * lint_ok / done < arguments.minimum_lint_rate:
        print("corpus cfn-lint rate below %.1f %%" % arguments.minimum_lint_rate)
        result = 1
    if typed and 100.0 * types_ok / typed < arguments.minimum_type_rate:
        print("corpus samtranslator rate below %.1f %%" % arguments.minimum_type_rate)
        result = 1
    return result


if __name__ == "__main__":
    sys.exit(main())
