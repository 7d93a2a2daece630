#!/usr/bin/env python3
"""Web-API side of the ecobugs SonarQube end-to-end test, called by run.sh.

Every check compares what the server shows with facts computed here independently: the expected findings of the
sample app (its snapshot file), its non-blank lines, and the static écoscore formula of docs/adr/0006.
Standard library only. Exits non-zero with a message naming what differs.
"""

import base64
import json
import math
import os
import re
import socket
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

PROFILE = "ecobugs way"
GATE = "ecobugs static ecoscore"
METRIC = "ecobugs_ecoscore_static"
FAMILIES = {1: "polling", 2: "payload", 3: "loops", 4: "dependencies", 5: "resources", 6: "data_access"}
# The weights of docs/adr/0006-static-ecoscore.md, restated here as the test's own oracle.
SEVERITY_WEIGHT = {"INFO": 0.5, "MINOR": 1, "MAJOR": 2, "CRITICAL": 4, "BLOCKER": 8}
FAMILY_WEIGHT = {1: 1.5, 2: 1.25, 3: 1.0, 4: 0.5, 5: 1.0, 6: 1.25}


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Server:
    def __init__(self, url, user="admin", password="admin"):
        self.url = url.rstrip("/")
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        self.auth = {"Authorization": "Basic " + token}

    def call(self, method, path, params=None, expect=(200, 204)):
        data = None
        url = self.url + path
        if params and method == "GET":
            url += "?" + urllib.parse.urlencode(params)
        elif params:
            data = urllib.parse.urlencode(params).encode()
        request = urllib.request.Request(url, data=data, method=method, headers=self.auth)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                body = response.read().decode()
                status = response.status
        except urllib.error.HTTPError as e:
            body = e.read().decode(errors="replace")
            status = e.code
        check(status in expect, f"{method} {path} {params or ''} answered HTTP {status}: {body[:500]}")
        return json.loads(body) if body.strip() else {}

    def get(self, path, **params):
        return self.call("GET", path, params)

    def post(self, path, **params):
        return self.call("POST", path, params)


def free_ports(count):
    sockets = []
    try:
        for _ in range(int(count)):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            sockets.append(s)
        print(" ".join(str(s.getsockname()[1]) for s in sockets))
    finally:
        for s in sockets:
            s.close()


def wait_up(url, pid_file, timeout):
    """Waits for status UP; fails early when the server process is gone."""
    started = time.time()
    status = "unreachable"
    while time.time() - started < float(timeout):
        try:
            with urllib.request.urlopen(url.rstrip("/") + "/api/system/status", timeout=5) as response:
                status = json.loads(response.read().decode()).get("status", "?")
                if status == "UP":
                    print(f"{time.time() - started:.0f}")
                    return
                check(status not in ("DOWN", "DB_MIGRATION_NEEDED", "DB_MIGRATION_RUNNING"), f"server is {status}")
        except (urllib.error.URLError, OSError, ValueError):
            pass
        if time.time() - started > 15:
            alive = False
            try:
                with open(pid_file) as f:
                    os.kill(int(f.read().strip()), 0)
                    alive = True
            except (OSError, ValueError):
                pass
            check(alive, f"the server process stopped before it was UP (last status: {status})")
        time.sleep(2)
    raise Failure(f"the server was not UP after {timeout} s (last status: {status})")


def expected_findings(snapshot):
    """(rule, path, line, column or 0, message) from the sample's snapshot in the CLI's text format."""
    pattern = re.compile(r"^(\S+?):(\d+)(?::(\d+))?: warning: \[(EB\d{3})\] (.*)$")
    findings = []
    with open(snapshot, encoding="utf-8") as f:
        for line in f:
            match = pattern.match(line.rstrip("\n"))
            if match:
                path, row, column, rule, message = match.groups()
                findings.append((rule, path, int(row), int(column or 0), message))
    check(findings, f"no finding read from {snapshot}")
    return findings


def expected_secondaries(snapshot):
    """{(rule, path, line): [(path, line, message)]}: the indented lines under each warning of the snapshot."""
    warning = re.compile(r"^(\S+?):(\d+)(?::\d+)?: warning: \[(EB\d{3})\] ")
    place = re.compile(r"^    (?!see )(\S+?):(\d+)(?::\d+)?: (.*)$")
    secondaries = {}
    current = None
    with open(snapshot, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            found = warning.match(line)
            if found:
                current = (found.group(3), found.group(1), int(found.group(2)))
                secondaries[current] = []
                continue
            found = place.match(line)
            if found and current:
                secondaries[current].append((found.group(1), int(found.group(2)), found.group(3)))
    return secondaries


def non_blank_lines(sample_dir, excluded_dir):
    total = 0
    excluded = os.path.join(sample_dir, excluded_dir)
    for root, _, files in os.walk(os.path.join(sample_dir, "src", "main", "java")):
        if root == excluded or root.startswith(excluded + os.sep):
            continue
        for name in files:
            if name.endswith(".java"):
                with open(os.path.join(root, name), encoding="utf-8") as f:
                    total += sum(1 for line in f if line.strip())
    return total


def setup(url, project, token_file):
    """Checks what the plugin installs, then creates the project on the ecobugs profile with a gate it passes."""
    server = Server(url)
    plugins = server.get("/api/plugins/installed")["plugins"]
    ecobugs = [p for p in plugins if p["key"] == "ecobugs"]
    check(ecobugs, f"plugin ecobugs not installed; installed: {[p['key'] for p in plugins]}")
    print(f"plugin installed: {ecobugs[0]['name']} {ecobugs[0].get('version', '')}")

    profiles = server.get("/api/qualityprofiles/search", language="java")["profiles"]
    ours = [p for p in profiles if p["name"] == PROFILE]
    check(ours, f"no Java profile named {PROFILE!r}; profiles: {[p['name'] for p in profiles]}")
    profile = ours[0]
    check(profile["isBuiltIn"], f"{PROFILE!r} is not a built-in profile")
    check(not profile["isDefault"], f"{PROFILE!r} replaced the default Java profile")
    default = [p["name"] for p in profiles if p["isDefault"]]
    check(default and default[0] != PROFILE, f"default Java profile: {default}")

    rules = server.get("/api/rules/search", repositories="ecobugs", ps=500,
                       f="name,htmlDesc,descriptionSections,sysTags,severity,params")
    check(rules["total"] >= 1, "the ecobugs repository has no rule")
    for rule in rules["rules"]:
        key = rule["key"]
        check({"eco-design", "energy"} <= set(rule["sysTags"]), f"{key} tags: {rule['sysTags']}")
        check(any(t.startswith("rgesn-2024-") for t in rule["sysTags"]), f"{key} has no RGESN tag: {rule['sysTags']}")
        # Newer servers give the description as sections, older ones as htmlDesc.
        description = rule.get("htmlDesc") or " ".join(s["content"] for s in rule.get("descriptionSections", []))
        check("Why is this an issue?" in description and "RGESN-2024:" in description,
              f"{key} description lacks its sections or RGESN criteria: {description[:200]}")
    active = server.get("/api/rules/search", qprofile=profile["key"], activation="true", ps=500)
    active_keys = sorted(r["key"] for r in active["rules"])
    check(len(active_keys) == profile["activeRuleCount"] and active_keys, f"profile rules: {active_keys}")
    check(all(k.startswith("ecobugs:") for k in active_keys), f"profile holds foreign rules: {active_keys}")
    print(f"profile {PROFILE!r}: built-in, not default (default is {default[0]!r}), {len(active_keys)} rules:"
          f" {', '.join(k.split(':')[1] for k in active_keys)}; repository: {rules['total']} rules")

    server.post("/api/projects/create", project=project, name=project)
    server.post("/api/qualityprofiles/add_project", language="java", project=project, qualityProfile=PROFILE)
    server.post("/api/qualitygates/create", name=GATE)
    server.post("/api/qualitygates/create_condition", gateName=GATE, metric=METRIC, op="LT", error="1")
    server.post("/api/qualitygates/select", gateName=GATE, projectKey=project)
    token = server.post("/api/user_tokens/generate", name=f"e2e-{time.time_ns()}", type="GLOBAL_ANALYSIS_TOKEN")
    with open(token_file, "w") as f:
        f.write(token["token"])
    print(f"project {project} on {PROFILE!r}, gate {GATE!r}: {METRIC} < 1 fails")


def round_half_up(value):
    return math.floor(value * 10 + 0.5) / 10


MEASURED = " Measured on the journey "


def verify(url, project, sample_dir, snapshot, score_file, journey_file, excluded_dir, suppressed_file):
    """Checks the issues, the measures and the passed gate after the first analysis; prints the score.

    The scanned sample also holds a directory its ecobugs.yml excludes and a file whose findings are marked as
    intended: neither may have an issue, nor count in the measures.
    """
    server = Server(url)
    with open(journey_file, encoding="utf-8") as f:
        journey = json.load(f)
    expected = expected_findings(snapshot)
    rules = sorted({f[0] for f in expected})
    issues = server.get("/api/issues/search", componentKeys=project, ps=500,
                        rules=",".join("ecobugs:" + r for r in rules))["issues"]
    all_ecobugs = server.get("/api/issues/search", componentKeys=project, ps=1,
                             rules=",".join(r["key"] for r in server.get(
                                 "/api/rules/search", repositories="ecobugs", ps=500)["rules"]))["total"]
    # With the journey, the issues its recording saw end with what they cost there; the rest of the message is the
    # finding's own.
    actual = sorted(
        (i["rule"].split(":")[1], i["component"].split(":", 1)[1], i.get("line", 0),
         i["textRange"]["startOffset"] + 1 if "textRange" in i else 0, i["message"].split(MEASURED)[0])
        for i in issues)
    notes = [i["message"].split(MEASURED)[1] for i in issues if MEASURED in i["message"]]
    main_class = journey["journey"]["mainClass"]
    check(notes, "no issue says what it costs on the measured journey")
    check(all(n.startswith(main_class + ": ") and " findings by energy, " in n for n in notes),
          f"journey notes not as expected: {notes}")
    check(sorted(int(n.split(": ")[1].split(" of ")[0]) for n in notes) == list(range(1, len(notes) + 1)),
          f"the measured issues are not ranked 1 to {len(notes)}: {notes}")
    wanted = sorted(expected)
    # A snapshot finding without a column (bytecode) is on the whole line: compare its line only.
    line_only = {w[:3] for w in wanted if w[3] == 0}
    actual = sorted(a[:3] + (0,) + a[4:] if a[:3] in line_only else a for a in actual)
    check(actual == wanted, "issues differ from the snapshot\n  expected: " + "\n            ".join(map(str, wanted))
          + "\n  actual:   " + "\n            ".join(map(str, actual)))
    check(all_ecobugs == len(expected), f"{all_ecobugs} ecobugs issues, expected {len(expected)}")
    every_rule = ",".join(r["key"] for r in server.get("/api/rules/search", repositories="ecobugs", ps=500)["rules"])
    paths = [i["component"].split(":", 1)[1] for i in server.get(
        "/api/issues/search", componentKeys=project, ps=500, rules=every_rule)["issues"]]
    wanted_places = {k: v for k, v in expected_secondaries(snapshot).items() if v}
    check(wanted_places, "the snapshot has no secondary location to check")
    for issue in issues:
        key = (issue["rule"].split(":")[1], issue["component"].split(":", 1)[1], issue.get("line", 0))
        shown = [(loc["component"].split(":", 1)[1], loc["textRange"]["startLine"], loc.get("msg", ""))
                 for flow in issue.get("flows", []) for loc in flow["locations"]]
        check(shown == wanted_places.get(key, []),
              f"secondary locations of {key}: {shown}, expected {wanted_places.get(key, [])}")
    excluded = [p for p in paths if p.startswith(excluded_dir + "/")]
    check(not excluded, f"issues on files ecobugs.yml excludes: {excluded}")
    check(suppressed_file not in paths, f"issues on {suppressed_file}, whose findings are marked as intended")
    print(f"issues: the {len(expected)} findings of the snapshot, at their lines and columns, with their messages;"
          f" none on {excluded_dir} (excluded) nor on {suppressed_file} (marked as intended); secondary locations"
          f" as in the snapshot ({sum(len(v) for v in wanted_places.values())})")

    keys = ["ecobugs_energy_bugs", METRIC, "ecobugs_ecoscore_points", "ecobugs_ecoscore_lines"]
    keys += ["ecobugs_energy_bugs_" + f for f in FAMILIES.values()]
    measures = {m["metric"]: float(m["value"]) for m in server.get(
        "/api/measures/component", component=project, metricKeys=",".join(keys))["component"]["measures"]}
    check(set(measures) == set(keys), f"missing measures: {sorted(set(keys) - set(measures))}")
    check(measures["ecobugs_energy_bugs"] == len(expected), f"ecobugs_energy_bugs = {measures['ecobugs_energy_bugs']}")
    for digit, name in FAMILIES.items():
        count = sum(1 for f in expected if int(f[0][2]) == digit)
        check(measures["ecobugs_energy_bugs_" + name] == count,
              f"ecobugs_energy_bugs_{name} = {measures['ecobugs_energy_bugs_' + name]}, expected {count}")
    lines = non_blank_lines(sample_dir, excluded_dir)
    check(measures["ecobugs_ecoscore_lines"] == lines, f"lines {measures['ecobugs_ecoscore_lines']}, expected {lines}")
    points = 0.0
    for rule, *_ in expected:
        severity = server.get("/api/rules/show", key="ecobugs:" + rule)["rule"]["severity"]
        points += SEVERITY_WEIGHT[severity] * FAMILY_WEIGHT[int(rule[2])]
    check(abs(measures["ecobugs_ecoscore_points"] - points) < 1e-9,
          f"points {measures['ecobugs_ecoscore_points']}, expected {points}")
    score = round_half_up(100 * 2 ** (-(points * 1000 / lines) / 5))
    check(measures[METRIC] == score, f"{METRIC} = {measures[METRIC]}, expected {score}")
    print(f"measures: {len(expected)} energy bugs ("
          + ", ".join(f"{n} {int(measures['ecobugs_energy_bugs_' + n])}" for n in FAMILIES.values())
          + f"), {points} weighted points over {lines} non-blank lines, static écoscore {score}")

    journey_keys = ["ecobugs_journey_estimate", "ecobugs_journey_energy", "ecobugs_journey_data",
                    "ecobugs_journey_co2e", "ecobugs_journey_time"]
    shown = {m["metric"]: float(m["value"]) for m in server.get(
        "/api/measures/component", component=project, metricKeys=",".join(journey_keys))["component"]["measures"]}
    check(set(shown) == set(journey_keys), f"missing journey measures: {sorted(set(journey_keys) - set(shown))}")
    total = journey["total"]
    expected_journey = {
        "ecobugs_journey_estimate": round_half_up(journey["estimate"]["score"]["median"]),
        "ecobugs_journey_energy": total["itEnergyJ"]["median"] + total["dataEnergyJ"]["median"],
        "ecobugs_journey_data": total["dataBytes"]["median"] / 1000,
        "ecobugs_journey_co2e": total["co2eGrams"]["median"] * 1000,
        "ecobugs_journey_time": round(total["wallMs"]["median"]),
    }
    for key, value in expected_journey.items():
        # The server may keep only the decimals of each metric's scale: 1 for the estimate and the data, 3 for energy
        # and CO2e, none for the time.
        check(abs(shown[key] - value) <= 0.051, f"{key} = {shown[key]}, expected {value}")
    print(f"journey: {len(notes)} issues ranked by the energy they sit on; measures "
          + ", ".join(f"{k[len('ecobugs_journey_'):]} {shown[k]}" for k in journey_keys))

    status = server.get("/api/qualitygates/project_status", projectKey=project)["projectStatus"]
    check(status["status"] == "OK", f"gate status {status}")
    print(f"gate passed with {METRIC} {score} >= 1")
    with open(score_file, "w") as f:
        f.write(str(score))


def raise_bar(url, score):
    server = Server(url)
    bar = str(math.floor(float(score)) + 1)
    gate = server.get("/api/qualitygates/show", name=GATE)
    condition = [c for c in gate["conditions"] if c["metric"] == METRIC][0]
    server.post("/api/qualitygates/update_condition", id=condition["id"], metric=METRIC, op="LT", error=bar)
    print(f"gate {GATE!r}: {METRIC} < {bar} fails (the sample scores {score})")


def verify_failed(url, project, score):
    server = Server(url)
    status = server.get("/api/qualitygates/project_status", projectKey=project)["projectStatus"]
    check(status["status"] == "ERROR", f"gate status {status['status']}, expected ERROR")
    failing = [c for c in status["conditions"] if c["status"] == "ERROR"]
    check([c["metricKey"] for c in failing] == [METRIC], f"failing conditions: {failing}")
    check(float(failing[0]["actualValue"]) == float(score), f"condition: {failing[0]}")
    print(f"gate failed on {METRIC}: {failing[0]['actualValue']} < {failing[0]['errorThreshold']}")


def verify_without_ecobugs(url, project):
    """A project on the default profile: the plugin is installed but none of its rules is active."""
    server = Server(url)
    rules = ",".join(r["key"] for r in server.get("/api/rules/search", repositories="ecobugs", ps=500)["rules"])
    total = server.get("/api/issues/search", componentKeys=project, rules=rules, ps=1)["total"]
    check(total == 0, f"{total} ecobugs issues on a project without ecobugs rules")
    measures = server.get("/api/measures/component", component=project, metricKeys=METRIC)["component"]["measures"]
    check(not measures, f"ecobugs measures on a project without ecobugs rules: {measures}")
    print("project on the default profile: no ecobugs issue, no ecobugs measure")


def main(argv):
    commands = {
        "free-ports": free_ports,
        "wait-up": wait_up,
        "setup": setup,
        "verify": verify,
        "raise-bar": raise_bar,
        "verify-failed": verify_failed,
        "verify-without-ecobugs": verify_without_ecobugs,
    }
    if len(argv) < 2 or argv[1] not in commands:
        print(f"usage: e2e.py {'|'.join(commands)} args…", file=sys.stderr)
        return 2
    try:
        commands[argv[1]](*argv[2:])
        return 0
    except Failure as e:
        print(f"E2E FAILURE: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
