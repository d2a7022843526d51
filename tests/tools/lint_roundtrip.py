#!/usr/bin/env python3
"""Checks with cfn-lint that `tributary-cli roundtrip` keeps templates deployable.

Every template of the serverless-patterns corpus is written back by `tributary-cli roundtrip`
into a temporary folder, cfn-lint runs over all the outputs through its Python API (loaded once
in each of --jobs worker processes), and each output's error rules
(E*) are compared with those cfn-lint reports on the original (the corpus's
serverless-patterns.cfn-lint.json, {"file": {"errors": [...], "warnings": [...]}}). A round trip
is faithful when it adds no error rule the original did not have (a template cfn-lint itself
fails on is faithful when cfn-lint fails on the original too). A template the reader refuses
counts as expected when cfn-lint also refuses the original (E0000), as a failure otherwise.

Prints the rate and the failing files; exits 1 when the rate is below --minimum-rate, 77 (skip)
when cfn-lint cannot be imported or the corpus is missing, 2 when tributary-cli is missing.
"""

import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile

SKIP = 77


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="path of tributary-cli")
    parser.add_argument("--corpus", required=True, help="folder of the serverless-patterns templates")
    parser.add_argument("--baseline", required=True, help="serverless-patterns.cfn-lint.json")
    parser.add_argument("--minimum-rate", type=float, default=98.0, help="lowest passing rate, in percent")
    parser.add_argument("--jobs", type=int, default=2, help="round trips and cfn-lint workers run at once")
    return parser.parse_args()


def templates(folder):
    names = []
    for name in sorted(os.listdir(folder)):
        if name.lower().endswith((".yaml", ".yml", ".json")) and os.path.isfile(os.path.join(folder, name)):
            names.append(name)
    return names


def round_trip(cli, source, output):
    """Runs tributary-cli roundtrip; returns (exit code, error output)."""
    process = subprocess.run([cli, "roundtrip", source, "-o", output], capture_output=True, text=True, timeout=120)
    return process.returncode, process.stderr.strip()


def error_rules(path):
    """The error rule ids (E*) cfn-lint reports on path, or None when cfn-lint fails on it."""
    import logging
    from pathlib import Path

    from cfnlint.api import ManualArgs, lint_file

    logging.getLogger("cfnlint").setLevel(logging.CRITICAL)  # "Template file not found" for nested stacks

    try:
        matches = lint_file(Path(path), config=ManualArgs())
    except Exception:  # cfn-lint itself fails on some templates (e.g. a SAM transform error)
        return None
    return {match.rule.id for match in matches if match.rule.id.startswith("E")}


def lint(name, output, source):
    """(name, errors of output, errors of source or None when not needed); errors may be None (cfn-lint failed)."""
    errors = error_rules(output)
    return name, errors, error_rules(source) if errors is None else None


def main():
    arguments = parse_arguments()
    try:
        import cfnlint  # noqa: F401
    except ImportError:
        print("cfn-lint cannot be imported: skipped")
        return SKIP
    if not os.path.isfile(arguments.cli):
        print("missing: %s" % arguments.cli)
        return 2
    for path in (arguments.corpus, arguments.baseline):
        if not os.path.exists(path):
            print("the corpus is not beside the checkout (%s): skipped" % path)
            return SKIP
    with open(arguments.baseline, encoding="utf-8") as handle:
        baseline = json.load(handle)

    names = templates(arguments.corpus)
    failures = []
    refused_as_expected = []
    with tempfile.TemporaryDirectory(prefix="tributary-lint-") as folder:
        outputs = {}
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, arguments.jobs)) as pool:
            jobs = {name: pool.submit(round_trip, arguments.cli, os.path.join(arguments.corpus, name),
                                      os.path.join(folder, name))
                    for name in names}
        for name in names:
            code, message = jobs[name].result()
            original = set(baseline.get(name, {}).get("errors", []))
            if code == 0:
                outputs[name] = os.path.abspath(os.path.join(folder, name))
            elif code == 3 and "E0000" in original:
                refused_as_expected.append(name)
            else:
                failures.append((name, "roundtrip exited with %d: %s" % (code, message)))

        # cfn-lint through its Python API, loaded once per worker; the templates shared among the workers.
        with concurrent.futures.ProcessPoolExecutor(max_workers=max(1, arguments.jobs)) as pool:
            results = list(pool.map(lint, outputs.keys(), outputs.values(),
                                    [os.path.join(arguments.corpus, name) for name in outputs]))
        expected = sum(len(baseline.get(name, {}).get("errors", [])) for name in outputs)
        if expected and not any(errors for _, errors, _ in results):
            print("cfn-lint reported no error at all, though the originals have %d: is it running?" % expected)
            return 1
        faithful = 0
        same = 0
        lost = []
        for name, errors, source_errors in results:
            original = set(baseline.get(name, {}).get("errors", []))
            if errors is None:
                if source_errors is None:
                    faithful += 1
                    print("  note %s: cfn-lint fails on the original and on the round trip alike" % name)
                else:
                    failures.append((name, "cfn-lint fails on the round trip, not on the original"))
                continue
            added = sorted(errors - original)
            same += errors == original
            if original - errors:
                lost.append((name, sorted(original - errors)))
            if name not in baseline:
                failures.append((name, "not in the baseline"))
            elif added:
                failures.append((name, "adds %s (the original has %s)"
                                 % (", ".join(added), ", ".join(sorted(original)) or "none")))
            else:
                faithful += 1

    checked = len(outputs) + len([f for f in failures if f[1].startswith("roundtrip exited")])
    rate = 100.0 * faithful / checked if checked else 0.0
    print("cfn-lint round trip: %d of %d templates faithful (%.1f %%); %d refused by the reader as cfn-lint "
          "refuses them (E0000)" % (faithful, checked, rate, len(refused_as_expected)))
    print("%d of them with exactly the original's error rules" % same)
    for name, rules in lost:
        print("  note %s: no longer reports %s" % (name, ", ".join(rules)))
    for name, why in failures:
        print("  FAIL %s: %s" % (name, why))
    if rate < arguments.minimum_rate:
        print("below the minimum rate of %.1f %%" % arguments.minimum_rate)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
